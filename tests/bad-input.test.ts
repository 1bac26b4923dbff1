/**
 * tests/fixtures/bad/: malformed and hostile articles, each with the exact messages expected in
 * `<name>.expected.txt` beside it (`file:line:col: severity message [rule]`, one per line).
 * A missing expected file fails; regenerate on purpose with UPDATE_EXPECTED=1.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createExtractor, extractFile } from "../src/pipeline.js";
import { readArticle } from "../src/content.js";
import { formatMessage } from "../src/util/messages.js";
import { repoRoot } from "./helpers/shared.js";

const dir = join(repoRoot, "tests", "fixtures", "bad");
const update = process.env.UPDATE_EXPECTED === "1";
const extractor = createExtractor();

describe("bad input gets positioned messages", () => {
  const fixtures = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(10));
  for (const name of fixtures) {
    it(name, () => {
      const file = readArticle(join(dir, name));
      extractFile(extractor, file);
      const actual = file.messages
        .map((m) => formatMessage(m, basename(name)))
        .sort()
        .join("\n");
      const expectedPath = join(dir, name.replace(/\.md$/, ".expected.txt"));
      if (update) writeFileSync(expectedPath, actual + "\n");
      expect(existsSync(expectedPath), `missing ${expectedPath}: write it, or run with UPDATE_EXPECTED=1 on purpose`).toBe(true);
      expect(actual).toBe(readFileSync(expectedPath, "utf8").trimEnd());
      // Whatever the input, every mention points at its text in the file as written.
      const briefing = file.data.briefing!;
      const source = String(file.value);
      for (const e of [...briefing.actors, ...briefing.locations, ...briefing.sources]) {
        for (const m of e.mentions) expect(source.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
      }
      // Every message carries a position and a rule id.
      for (const m of file.messages) {
        expect(m.line).toBeGreaterThanOrEqual(1);
        expect(m.ruleId).toBeTruthy();
      }
    });
  }
});

describe("content at the edges", () => {
  it("two articles with the same id: the second is an error", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { extractArticles } = await import("../src/site/build.js");
    const { findArticles } = await import("../src/content.js");
    const { Registry } = await import("../src/registry.js");
    const dir = mkdtempSync(join(tmpdir(), "sitrep-dup-"));
    const article = "---\ntitle: Same\ndate: 2024-12-15\n---\n\nRussia said talks continue.\n";
    writeFileSync(join(dir, "Report.md"), article);
    writeFileSync(join(dir, "report.md"), article);
    const { records, files } = extractArticles(findArticles([dir]), new Registry());
    expect(records).toHaveLength(1);
    const lines = files.flatMap((f) => f.messages.map((m) => formatMessage(m, basename(f.path))));
    expect(lines).toEqual(["report.md:1:1: error Two articles have the id `report` (this one and " + files[0]!.path + "): rename one of the files [article-duplicate-id]"]);
  });

  it("a 10 MB article extracts completely, with every mention where it says", async () => {
    const { readFileSync: read } = await import("node:fs");
    const seed = read(join(repoRoot, "content", "articles", "russia-syria-withdrawal.md"), "utf8");
    const body = seed.slice(seed.indexOf("\n---\n") + 5);
    const head = "---\ntitle: Ten megabytes\ndate: 2024-12-15\n---\n";
    let text = head;
    while (text.length < 10 * 1024 * 1024) text += body;
    const { VFile } = await import("vfile");
    const file = new VFile({ path: "big.md", value: text });
    const briefing = extractFile(extractor, file);
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(briefing.claims.length).toBeGreaterThan(10_000);
    for (const e of [...briefing.actors, ...briefing.locations, ...briefing.sources]) {
      for (const m of e.mentions) expect(text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
    }
  }, 300_000);
});

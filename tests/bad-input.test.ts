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
      // Every message carries a position and a rule id.
      for (const m of file.messages) {
        expect(m.line).toBeGreaterThanOrEqual(1);
        expect(m.ruleId).toBeTruthy();
      }
    });
  }
});

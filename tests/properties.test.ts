/**
 * Property tests over random and adversarial articles: the extractor never throws, its output
 * validates against the shared schema, every mention's offset slices to its text, ids are slugs.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { VFile } from "vfile";
import { createExtractor, extractFile } from "../src/pipeline.js";
import { loadRegistry } from "../src/registry.js";
import { slugify } from "../src/slug.js";
import { briefingValidator } from "./helpers/schema.js";
import { join } from "node:path";
import { repoRoot } from "./helpers/shared.js";

const extractor = createExtractor({ registry: loadRegistry(join(repoRoot, "content")).registry });
const validate = briefingValidator();
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const words = fc.constantFrom(
  "Russia", "Russian", "U.S.", "Kremlin", "spokesperson", "Dmitry", "Peskov", "said", "reportedly", "Khmeimim", "airbase", "Tartus",
  "the", "officials", "report", "that", "Hayat", "Tahrir", "al-Sham", "(HTS)", "in", "Syria", "Mr.", "Gen.", "3.5", "“quoted”", "’s",
  "*", "**", "_", "`code`", "[link](javascript:alert(1))", "<script>", "</script>", "<b>", "&amp;", "#", "-", "1.", ">", "|", "\\",
  "\u202e", "\u00a0", "é", "日本", "🚀", "\t", "  ", "\r\n", "\n", "\n\n", "\r", ".", "!", "?", ",", "—", "'", '"',
);
const body = fc.array(words, { maxLength: 120 }).map((ws) => ws.join(" "));
const frontMatter = fc.oneof(
  fc.constant("---\ntitle: Property test\ndate: 2024-12-15\n---\n\n"),
  fc.constant("---\r\ntitle: CRLF\r\ndate: 2024-12-15\r\n---\r\n\r\n"),
  fc.constant(""),
  fc.string({ maxLength: 40 }).map((t) => `---\ntitle: ${JSON.stringify(t)}\ndate: 2024-12-15\n---\n\n`),
  fc.string({ maxLength: 80 }).map((junk) => `---\n${junk}\n---\n`),
);
const article = fc.oneof(
  fc.tuple(frontMatter, body).map(([f, b]) => f + b),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 300 }),
);

function check(text: string): void {
  const file = new VFile({ path: "prop.md", value: text });
  const briefing = extractFile(extractor, file);
  expect(validate(briefing), JSON.stringify(validate.errors)).toBe(true);
  expect(briefing.id).toMatch(SLUG);
  for (const e of [...briefing.actors, ...briefing.locations, ...briefing.sources]) {
    expect(e.id).toMatch(SLUG);
    for (const m of e.mentions) expect(text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
  }
  for (const c of briefing.claims) {
    for (const id of [...c.actors, ...c.locations]) expect(id).toMatch(SLUG);
  }
  for (const m of file.messages) expect(m.ruleId).not.toBe("internal-error");
}

describe("extractor properties", () => {
  it("never throws, always valid, offsets exact, ids are slugs", () => {
    fc.assert(fc.property(article, (text) => check(text)), { numRuns: 300, seed: 20241215 });
  });

  it("holds on edge texts", () => {
    for (const text of ["", "\n", "---", "---\n---", "\uFEFF---\ntitle: x\ndate: 2024-12-15\n---\n\nRussia.", "a".repeat(100_000), "Russia ".repeat(20_000)]) check(text);
  });
});

describe("slugs never leave the output folder", () => {
  it.each([
    ["../../etc/passwd", "etc-passwd"],
    ["/absolute/path", "absolute-path"],
    ["C:\\Windows\\System32", "c-windows-system32"],
    ["con", "con-1"],
    ["ＣＯＮ", "con-1"],
    ["nul.txt", "nul-txt"],
    ["Khmeimim Air Base", "khmeimim-air-base"],
    ["Hayat Tahrir al-Sham", "hayat-tahrir-al-sham"],
    ["São Tomé", "sao-tome"],
    ["Dmitry Peskov's", "dmitry-peskovs"],
    ["日本", "item"],
    ["..", "item"],
    ["\u202egnp.exe", "gnp-exe"],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("any string becomes a short ASCII slug", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        const slug = slugify(s);
        expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(120);
      }),
      { numRuns: 1000, seed: 3 },
    );
  });
});

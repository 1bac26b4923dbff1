/**
 * The registry matcher's trie must find exactly what its regular expression finds, on every line
 * of the real articles and on generated text built from the registry's own forms.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRegistry } from "../src/registry.js";
import { registryMatcher } from "../src/plugins/registry-names.js";
import { realMarkdownFiles, repoRoot } from "./helpers/shared.js";

const entries = loadRegistry(join(repoRoot, "content")).registry.entries.filter((e) => e.type !== "source");
const fast = registryMatcher(entries)!;
const slow = registryMatcher(entries, { regexOnly: true })!;
const spans = (text: string) => {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const line of text.split("\n")) {
    out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
};
const same = (text: string) => {
  const s = spans(text);
  const a = fast(text, s).map((m) => [m.entry.id, m.start, m.end]);
  expect(a, text).toEqual(slow(text, s).map((m) => [m.entry.id, m.start, m.end]));
  return a.length;
};

describe("registry matcher", () => {
  it("finds the same names with the trie as with the expression on real articles", () => {
    let found = 0;
    for (const path of realMarkdownFiles()) found += same(readFileSync(path, "utf8"));
    expect(found).toBeGreaterThan(200);
  });

  it("finds the same names on generated text", () => {
    const forms = entries.flatMap((e) => [e.name, ...e.aliases]);
    const mangle = (f: string, k: number) => (k === 0 ? f : k === 1 ? f.toLowerCase() : k === 2 ? f.toUpperCase() : k === 3 ? f.replace(/\s+/g, "  ") : k === 4 ? f.replace(/\s+/g, "\t\n\u00a0") : f.replace(/k/gi, "\u212a").replace(/s/g, "\u017f"));
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom(...forms), fc.integer({ min: 0, max: 5 })).map(([f, k]) => mangle(f, k)),
      fc.constantFrom(" ", "  ", ", ", ".", "-", "'s ", "the ", "x", "9", "é", "\u212a", "\u017f", "\u00a0", "\u2028", "’", "😀", "𝐀", "٣", "U.S.A", "US", "us", "Is", "IS"),
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (ps) => {
        found += same(ps.join(""));
      }),
      { numRuns: 2000, seed: 11 },
    );
    expect(found).toBeGreaterThan(500);
  });
});

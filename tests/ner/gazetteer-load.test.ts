/** Loading the gazetteer takes shortcuts; each must give what its definition gives. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { asciiWord, fold, foldByExpression, Gazetteer, phraseTokens, type GazData } from "../../src/ner/gazetteer.js";
import { tokenArrays, tokenize } from "../../src/ner/tokenize.js";
import { repoRoot } from "../helpers/shared.js";

const data = JSON.parse(readFileSync(join(repoRoot, "models", "gazetteer.json"), "utf8")) as GazData;
const names = [...data.cities.map((c) => c[0]), ...data.regions.map((r) => r[0]), ...data.countries.flatMap((c) => [c.name, ...c.aliases, ...c.demonyms])];

describe("gazetteer loading", () => {
  it("fold equals its expression on every gazetteer name and on generated text", () => {
    let changed = 0;
    for (const n of names) {
      expect(fold(n), n).toBe(foldByExpression(n));
      if (fold(n) !== n) changed++;
    }
    // the names do have diacritics to fold
    expect(changed).toBeGreaterThan(100);
    const piece = fc.oneof(fc.constantFrom("é", "e\u0301", "`", "'", "’", "ʻ", "ʼ", "‘", "Å", "ß", "ﬁ", "\u00a0", "~", "_", "a"), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (ps) => {
        const s = ps.join("");
        expect(fold(s)).toBe(foldByExpression(s));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("phraseTokens equals tokenArrays on every gazetteer name and on generated phrases", () => {
    let simple = 0;
    for (const n of [...names, ...data.firstNames, "New  York", " York", "York ", "A.B", "U.S. Virgin Islands", "Côte d'Ivoire", "O'Hare", "I'll"]) {
      expect(phraseTokens(n), n).toEqual(tokenArrays(n).words);
      if (/^[A-Za-z ]+$/.test(n)) simple++;
    }
    expect(simple).toBeGreaterThan(10_000);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z .'-]{0,12}$/), (s) => {
        expect(phraseTokens(s)).toEqual(tokenArrays(s).words);
      }),
      { numRuns: 3000, seed: 3 },
    );
  });

  it("tokenArrays of short phrases (small arrays that grow) equals tokenize", () => {
    for (const n of [...names, "a b c d e f g h i j k l m n o p q r s t", "I'll do n't U.S. A&M", "x".repeat(3), "- - - - - - - - - - - -"]) {
      const ta = tokenArrays(n);
      const ref = tokenize(n);
      expect(ta.words, n).toEqual(ref.map((t) => t.text));
      expect([...ta.ts.subarray(0, ta.n)], n).toEqual(ref.map((t) => t.start));
      expect([...ta.te.subarray(0, ta.n)], n).toEqual(ref.map((t) => t.end));
    }
  });
});

describe("gazetteer one-word cities", () => {
  it("asciiWord is /^[A-Za-z]+$/", () => {
    for (const s of ["", "a", "Z", "Herat", "Herāt", "New York", "O'Hare", "A-B", "@", "[", "`", "{", "ﬁ", "Ａ", "abc1"]) {
      expect(asciiWord(s), s).toBe(/^[A-Za-z]+$/.test(s));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (s) => {
        expect(asciiWord(s)).toBe(/^[A-Za-z]+$/.test(s));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("the shortcut for one-word cities indexes them as the general path does", () => {
    // the general path alone: every city written with a space after it is no one-word city for
    // the shortcut, and phraseTokens drops nothing else ("Herat " is one token, "Herat")
    const padded: GazData = { ...data, cities: data.cities.map(([n, ...rest]) => [asciiWord(n) ? n + " " : n, ...rest] as GazData["cities"][number]) };
    const fast = new Gazetteer(data);
    const slow = new Gazetteer(padded);
    const view = (g: Gazetteer) => ({
      phrases: [...g.phrases].map(([k, h]) => [k, h.cat, h.entity.key, h.entity.coordinates?.join(",")]),
      exact: [...g.exact],
      prefixes: [...g.prefixes],
      maxLen: [...g.maxLen],
      second: [...g.second].map(([k, s]) => [k, [...s]]),
      over: [...g.cityOverRegion].map(([k, h]) => [k, h.cat, h.entity.key]),
    });
    const a = view(fast);
    const b = view(slow);
    expect(a.phrases.length).toBeGreaterThan(20_000);
    // entity keys carry the name as written: the padded names' keys end in a space
    b.phrases = b.phrases.map(([k, c, key, xy]) => [k, c, String(key).trimEnd(), xy]);
    b.over = b.over.map(([k, c, key]) => [k, c, String(key).trimEnd()]);
    expect(a).toEqual(b);
  });
});

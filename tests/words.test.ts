/** The word scanner must give exactly the tokens of its defining expression. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { letterRuns, words, wordsByExpression } from "../src/nlp/words.js";
import { realMarkdownFiles } from "./helpers/shared.js";

describe("words", () => {
  it("equals the expression on every real article, whole and in slices", () => {
    let tokens = 0;
    for (const path of realMarkdownFiles()) {
      const text = readFileSync(path, "utf8");
      const all = words(text);
      expect(all, path).toEqual(wordsByExpression(text));
      tokens += all.length;
      const a = Math.floor(text.length / 3);
      expect(words(text, a, 2 * a), path).toEqual(wordsByExpression(text, a, 2 * a));
    }
    expect(tokens).toBeGreaterThan(100_000);
  });

  it("equals the expression on generated text", () => {
    const piece = fc.oneof(
      fc.constantFrom("U.S.", "U.S", "a.m.", "É.Ü.", "U.S.-led", "Al-Assad", "don't", "it’s", "-", "'", "’", "--", "x-", "-x", " ", "\u00a0", "\t", "\n", "3.5", "½", "٣", "𝐀.𝐁.", "😀", "\ud800", "ǅ.", "ß", "İ.", ".", "!"),
      fc.stringMatching(/^[A-Za-z0-9 .'’-]{1,6}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 0, maxLength: 12 }), fc.nat(5), (ps, cut) => {
        const text = ps.join("");
        expect(words(text)).toEqual(wordsByExpression(text));
        const from = Math.min(cut, text.length);
        expect(words(text, from)).toEqual(wordsByExpression(text, from));
        const to = Math.max(from, text.length - cut);
        expect(words(text, from, to)).toEqual(wordsByExpression(text, from, to));
        const runs = text.match(/\p{L}+/gu)?.length ?? 0;
        expect(letterRuns(text, 4)).toBe(Math.min(4, runs));
        expect(letterRuns(text, 1000)).toBe(runs);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

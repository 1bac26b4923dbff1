/** piecesMatcher answers what the alternation of its pieces with the `i` flag answers. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { piecesMask, piecesMatcher } from "../src/nlp/pieces.js";

describe("piecesMatcher", () => {
  const pieces = ["unc", "unknown", "clear", "said", "sign", "may", "say", "says", "official", "k", "ask", "ss"];
  const matcher = piecesMatcher(pieces);
  const re = new RegExp(pieces.join("|"), "i");

  it("finds pieces in any case, inside words, and nothing else", () => {
    for (const [text, want] of [
      ["It is UNCLEAR.", true],
      ["design", true],
      ["Official", true],
      ["the talks went on", true],
      ["", false],
      ["the talks went on".replace(/k/g, "x"), false],
      ["ſaid", false],
      ["\u212aelvin", false],
      ["s-s", false],
      ["MAy", true],
    ] as const) {
      expect(matcher(text), text).toBe(want);
      expect(re.test(text), text).toBe(want);
    }
  });

  it("answers as the expression does on generated text", () => {
    const piece = fc.constantFrom(...pieces, "xyz", "Un", "cle", "ar", "SA", "id", " ", "-", "’", "ſ", "\u212a", "İ", "ı", "é", "Ö", "\u0130", "🙂");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(matcher(s), s).toBe(re.test(s));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it("lets the given characters answer true, and refuses a piece that is not ASCII letters", () => {
    const guarded = piecesMatcher(["said"], { always: "\u212a" });
    expect(guarded("a \u212a")).toBe(true);
    expect(guarded("a k")).toBe(false);
    expect(piecesMatcher(["said"], { always: "#" })("a # b")).toBe(true);
    expect(() => piecesMatcher(["said"], { always: "k" })).toThrow();
    expect(() => piecesMatcher(["press secretary"])).toThrow();
    expect(piecesMatcher([])("anything")).toBe(false);
    // With no piece at all, the given characters still answer.
    expect(piecesMatcher([], { always: "#" })("a # b")).toBe(true);
  });
});

describe("piecesMask", () => {
  const groups = [["unc", "unknown"], ["said", "sign"], ["may", "k"], ["ss", "unc"], []];
  const mask = piecesMask(groups);
  const res = groups.map((g) => (g.length ? new RegExp(g.join("|"), "i") : null));
  const want = (s: string) => res.reduce((m, re, g) => (re?.test(s) ? m | (1 << g) : m), 0);

  it("sets the bit of every group with a piece in the text, letter case ignored", () => {
    for (const [text, bits] of [
      ["It is UNCLEAR.", 0b1001],
      ["he said it may rain", 0b0110],
      ["", 0],
      ["nothing here", 0],
      ["ſaid \u212anown", 0],
      ["Unknown, signed, KiSS", 0b1111],
    ] as const) {
      expect(mask(text), text).toBe(bits);
      expect(want(text), text).toBe(bits);
    }
  });

  it("answers as the groups' expressions do on generated text", () => {
    const piece = fc.constantFrom("unc", "unknown", "said", "sign", "may", "k", "ss", "Un", "cle", "SA", "id", " ", "-", "’", "ſ", "\u212a", "İ", "ı", "é", "🙂");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(mask(s), s).toBe(want(s));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it("refuses a piece that is not ASCII letters, and more than 31 groups", () => {
    expect(() => piecesMask([["press secretary"]])).toThrow();
    expect(() => piecesMask(Array.from({ length: 32 }, () => ["a"]))).toThrow();
  });
});

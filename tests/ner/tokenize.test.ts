import { describe, expect, it } from "vitest";
import { sentenceStarts, tokenize } from "../../src/ner/tokenize.js";

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("keeps offsets exact", () => {
    const s = "Russia’s forces left Syria. Dr. Smith (HTS) met U.S. officials.";
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
  });
  it("splits a possessive 's and punctuation", () => {
    expect(texts("Russia’s Mediterranean strategy, Kremlin's view.")).toEqual([
      "Russia", "’s", "Mediterranean", "strategy", ",", "Kremlin", "'s", "view", ".",
    ]);
  });
  it("keeps dotted abbreviations, initials, title abbreviations and hyphenated names whole", () => {
    expect(texts("U.S. and U.N. forces")).toEqual(["U.S.", "and", "U.N.", "forces"]);
    expect(texts("Hayat Tahrir al-Sham")).toEqual(["Hayat", "Tahrir", "al-Sham"]);
    expect(texts("L. Ron Hubbard")).toEqual(["L.", "Ron", "Hubbard"]);
    expect(texts("Dr. Who and Acme Inc. today")).toEqual(["Dr.", "Who", "and", "Acme", "Inc.", "today"]);
  });
  it("keeps an ampersand between capitals inside a word", () => {
    expect(texts("Texas A&M and AT&T, Smith & Wesson")).toEqual(["Texas", "A&M", "and", "AT&T", ",", "Smith", "&", "Wesson"]);
  });
  it("keeps a URL as one token and tolerates markdown", () => {
    expect(texts("see [CNN](https://www.cnn.com/x) **now**")).toEqual([
      "see", "[", "CNN", "]", "(", "https://www.cnn.com/x", ")", "*", "*", "now", "*", "*",
    ]);
  });
  it("never throws on junk", () => {
    let junk = "";
    for (let i = 0; i < 5000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    expect(() => tokenize(junk)).not.toThrow();
    expect(tokenize("")).toEqual([]);
  });
});

describe("sentenceStarts", () => {
  it("marks line breaks, terminal punctuation and the caller's sentences", () => {
    const s = "One here. Two there\nThree";
    const toks = tokenize(s);
    const st = sentenceStarts(s, toks, []);
    expect(toks.filter((_, i) => st[i]).map((t) => t.text)).toEqual(["One", "Two", "Three"]);
    const st2 = sentenceStarts("a b c d", tokenize("a b c d"), [{ start: 0, end: 3 }, { start: 4, end: 7 }]);
    expect(Array.from(st2)).toEqual([1, 0, 1, 0]);
  });
});

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLASSES, NCLASS, isCandidate, wordInfo } from "../../src/ner/features.js";
import { GAZ_VALUES, gazFeatures, normTok } from "../../src/ner/gazetteer.js";
import { getGazetteer, getModel } from "../../src/ner/model.js";
import { Tagger, allFeatures, repair } from "../../src/ner/tagger.js";
import { tokenize } from "../../src/ner/tokenize.js";
import type { Gazetteer } from "../../src/ner/gazetteer.js";

/** Greedy decoding from the string feature templates alone (no caches): what tagSentence must equal. */
function referenceTags(tg: Tagger, gaz: Gazetteer, words: string[]): number[] {
  const n = words.length;
  const low = words.map(normTok);
  const codes = new Uint8Array(n);
  gazFeatures(gaz, words, low, 0, n, codes);
  const g = Array.from(codes, (c) => GAZ_VALUES[c]!);
  const infos = words.map((w) => wordInfo(w, model!.lcv));
  const ref = new Array<number>(n).fill(0);
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < n; i++) {
    if (!isCandidate(words[i]!, t1)) {
      t2 = t1;
      t1 = 0;
      continue;
    }
    const f: string[] = [];
    allFeatures(infos, g, 0, n, i, t1, t2, f);
    const v = tg.scoreReference(f);
    let b = 0;
    for (let c = 1; c < NCLASS; c++) if (v[c]! > v[b]!) b = c;
    b = repair(t1, b);
    ref[i] = b;
    t2 = t1;
    t1 = b;
  }
  return ref;
}
import { sharedDir } from "../helpers/shared.js";

const model = getModel();

describe("perceptron tagger", () => {
  it("ships a model", () => {
    expect(model).not.toBeNull();
    expect(model!.index.size).toBeGreaterThan(1000);
  });

  it("fast cached scoring decodes exactly like the reference feature templates", () => {
    const gaz = getGazetteer();
    const tg = new Tagger(model!, gaz);
    tg.forceCaps = false;
    const text = readFileSync(sharedDir + "/seed/russia-syria-withdrawal.txt", "utf8");
    const words = tokenize(text).map((t) => t.text);
    const n = words.length;
    const ref = referenceTags(tg, gaz, words);
    const fast = new Uint8Array(n);
    const ri = words.map((w) => tg.info(w));
    tg.tagSentence(ri, words, ri.map((r) => r.low), 0, n, new Uint8Array(n), fast);
    expect(Array.from(fast)).toEqual(ref);
    expect(ref.some((t) => CLASSES[t] !== "O")).toBe(true);
  });

  it("the per-word caches (weight sums per word type, per gazetteer code) score as the reference on random sentences", () => {
    const gaz = getGazetteer();
    // one tagger for all runs: later sentences meet words whose sums an earlier one cached, in
    // other positions and beside other gazetteer codes
    const tg = new Tagger(model!, gaz);
    tg.forceCaps = false;
    const vocabulary = [
      "Russia", "Russian", "Syria", "Moscow", "Khmeimim", "Tartus", "Vladimir", "Putin", "Bashar", "al-Assad",
      "United", "States", "Nations", "New", "York", "Secretary", "of", "State", "Antony", "Blinken", "the", "and",
      "said", "on", "Monday", "U.S.", "forces", "Hayat", "Tahrir", "al-Sham", "(", ")", "HTS", ",", ".", "'s",
      "Kremlin", "spokesperson", "Dmitry", "Peskov", "Air", "Base", "in", "at", "John", "Smith", "London", "Paris",
      "Ministry", "Defence", "2024", "officials", "However", "Recent", "reports", "Ubisoft", "Zxqv", "ÉCOLE", "Île",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 30 }), (words) => {
        const n = words.length;
        const fast = new Uint8Array(n);
        const ri = words.map((w) => tg.info(w));
        tg.tagSentence(ri, words, ri.map((r) => r.low), 0, n, new Uint8Array(n), fast);
        expect(Array.from(fast)).toEqual(referenceTags(tg, gaz, words));
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it("tags an ordinary person name", () => {
    const tg = new Tagger(model!, getGazetteer());
    const words = tokenize("Yesterday the minister met John Smith in London .").map((t) => t.text);
    const ri = words.map((w) => tg.info(w));
    const tags = new Uint8Array(words.length);
    tg.tagSentence(ri, words, ri.map((r) => r.low), 0, words.length, new Uint8Array(words.length), tags);
    const lab = Array.from(tags, (t) => CLASSES[t]);
    expect(lab[words.indexOf("John")]).toBe("B-PER");
    expect(lab[words.indexOf("Smith")]).toBe("I-PER");
    expect(lab[words.indexOf("London")]).toBe("B-LOC");
  });
});

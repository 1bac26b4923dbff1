/** The quick first test of the sources plugin must never refuse a sentence that has a cue or a source noun. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { maySourceSentence, sourceWordIn } from "../src/plugins/sources.js";
import { realMarkdownFiles } from "./helpers/shared.js";

describe("maySourceSentence", () => {
  it("lets through every sentence-sized piece of the real articles that has a cue or a source noun", () => {
    let withSource = 0;
    let refused = 0;
    for (const path of realMarkdownFiles()) {
      for (const piece of readFileSync(path, "utf8").split(/(?<=[.!?])\s+/)) {
        const needed = sourceWordIn(piece);
        if (needed) {
          withSource++;
          expect(maySourceSentence(piece), piece).toBe(true);
        } else if (!maySourceSentence(piece)) refused++;
      }
    }
    // Both sides are exercised: sentences to keep, and sentences the test saves the words of.
    expect(withSource).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });

  it("lets through every cue and source noun alone, in any case, and a sentence without either is refused", () => {
    for (const w of ["said", "SAYS", "Told", "according to", "officials", "Spokeswoman", "state-media", "intelligence", "acKnowledged"]) {
      expect(sourceWordIn(`The talks ${w} the end.`), w).toBe(true);
      expect(maySourceSentence(`The talks ${w} the end.`), w).toBe(true);
    }
    expect(maySourceSentence("The talks went on until the end.")).toBe(false);
  });

  it("lets through generated sentences whose words it needs, with letters that lower-case to ASCII", () => {
    const vocabulary = `said says told according to officials official spokesman intelligence reports report data study the talks went on
      state states stated acknowledge acknowledged ask asked mayor police witnesses al-said said-so anti-officials`.split(/\s+/);
    // The Kelvin sign lower-cases to "k", the dotted capital I to "i" and a combining dot.
    const mangle = (w: string, k: number) => (k === 0 ? w : k === 1 ? w.toUpperCase() : k === 2 ? w.replace(/k/g, "\u212a") : w.replace(/i/g, "\u0130"));
    const word = fc.tuple(fc.constantFrom(...vocabulary), fc.integer({ min: 0, max: 3 })).map(([w, k]) => mangle(w, k));
    const sep = fc.constantFrom(" ", "  ", "\n", ", ", "-", "", "_", "’");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 8 }), (parts) => {
        const s = parts.map(([w, p]) => w + p).join("");
        if (sourceWordIn(s)) expect(maySourceSentence(s), s).toBe(true);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

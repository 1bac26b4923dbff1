/** The quick first test of findHedges must never hide a hedge that the full list finds. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { findHedges, findHedgesSlowly } from "../src/plugins/claims.js";
import { realMarkdownFiles } from "./helpers/shared.js";

describe("findHedges", () => {
  it("equals the full list on every sentence-sized piece of the real articles", () => {
    let hedged = 0;
    for (const path of realMarkdownFiles()) {
      for (const piece of readFileSync(path, "utf8").split(/(?<=[.!?])\s+/)) {
        const slow = findHedgesSlowly(piece);
        expect(findHedges(piece), piece).toEqual(slow);
        if (slow.length) hedged++;
      }
    }
    expect(hedged).toBeGreaterThan(200);
  });

  it("finds each hedge alone in neutral text", () => {
    const alone = `remains uncertain|Remained Unclear|is unconfirmed|still unknown|it is clear|It is not unclear|could not be verified|could not be independently confirmed
      |were said to|is believed to|are thought to|was understood to|were expected to|reportedly|Allegedly|apparently|purportedly|supposedly|seemingly
      |possibly|probably|perhaps|presumably|potentially|appears|appeared|seem|SEEMED|potential|possible|likely|unlikely|uncertain|unverified|alleged
      |suspected|apparent|indications|suggests|suggested|signs that|sign  that|may|might|could`.split("|").map((h) => h.trim());
    for (const hedge of alone) {
      const s = `The talks ${hedge} the end.`;
      expect(findHedgesSlowly(s).length, s).toBeGreaterThan(0);
      expect(findHedges(s), s).toEqual(findHedgesSlowly(s));
    }
  });

  it("equals the full list on generated sentences", () => {
    const vocabulary = `remain remains remained is are was were still uncertain unclear unconfirmed unknown it not clear could be independently verified
      confirmed said believed thought understood expected to reportedly allegedly apparently purportedly supposedly seemingly possibly probably perhaps
      presumably potentially appear appears appeared seem seems seemed potential possible likely unlikely unverified alleged suspected apparent
      indication indications suggest suggests suggested sign signs that may might May Might COULD the talks`.split(/\s+/);
    const word = fc.tuple(fc.constantFrom(...vocabulary), fc.integer({ min: 0, max: 2 })).map(([w, k]) => (k === 0 ? w : k === 1 ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)));
    const sep = fc.constantFrom(" ", "  ", "\n", ", ", "-", "");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 8 }), (parts) => {
        const s = parts.map(([w, p]) => w + p).join("");
        expect(findHedges(s)).toEqual(findHedgesSlowly(s));
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});

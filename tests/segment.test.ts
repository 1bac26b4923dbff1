import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { segment } from "../src/nlp/segment.js";

const split = (text: string) => segment(text).map((r) => text.slice(r.start, r.end));

describe("sentence segmentation", () => {
  it.each([
    ["Russia withdrew. The U.S. noted it.", ["Russia withdrew.", "The U.S. noted it."]],
    ["Officials in the U.S. said so. Others disagreed.", ["Officials in the U.S. said so.", "Others disagreed."]],
    ["It moved to the U.S. The President acted.", ["It moved to the U.S.", "The President acted."]],
    ["Gen. Smith and Dr. Jones met Mr. Brown.", ["Gen. Smith and Dr. Jones met Mr. Brown."]],
    ["George W. Bush spoke. He left.", ["George W. Bush spoke.", "He left."]],
    ["Growth was 3.5 per cent. Prices rose.", ["Growth was 3.5 per cent.", "Prices rose."]],
    ['"We will stay," he said. "Talks go on."', ['"We will stay," he said.', '"Talks go on."']],
    ["Was it true? Nobody knew! Then it ended.", ["Was it true?", "Nobody knew!", "Then it ended."]],
    ["See example.com for more. Then go.", ["See example.com for more.", "Then go."]],
    ["He said (quietly.) Then left.", ["He said (quietly.)", "Then left."]],
    ["The talks ended. and resumed.", ["The talks ended. and resumed."]],
    ["On Jan. 5 the talks began.", ["On Jan. 5 the talks began."]],
    ["Friday, July 21, 2017", ["Friday, July 21, 2017"]],
    ["", []],
    ["   ", []],
  ])("%j", (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("ranges are ordered, non-overlapping, trimmed and inside the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        let last = 0;
        for (const r of segment(text)) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(r.start, r.end)).toBe(text.slice(r.start, r.end).trim());
          last = r.end;
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

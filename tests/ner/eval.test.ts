import { describe, expect, it } from "vitest";
import { blankFrontMatter, norm, prf, scoreDoc, scoreType, splitSentences } from "../../scripts/eval-ner.js";

describe("evaluation scoring", () => {
  it("normalises forms as specified", () => {
    expect(norm("Russia’s")).toBe("russia");
    expect(norm("  U.S.  ")).toBe("u s");
    expect(norm("Hayat Tahrir al-Sham")).toBe("hayat tahrir al sham");
  });
  it("maps types", () => {
    expect(scoreType("person")).toBe("person");
    expect(scoreType("base")).toBe("place");
    expect(scoreType("country")).toBe("place");
    expect(scoreType("armed-group")).toBe("organization");
    expect(scoreType("other")).toBe("organization");
  });
  it("counts set overlap, ignoring forms of other gold types", () => {
    const gold = { person: ["Donald Trump", "Trump"], organization: ["NATO"], place: ["U.S."], time: ["Monday"] };
    const pred = [
      { name: "Donald Trump", type: "person", aliases: ["Trump"], forms: ["Trump"] },
      { name: "United States", type: "country", aliases: [], forms: ["U.S."] },
      { name: "Monday", type: "organization", aliases: [], forms: [] },
      { name: "NATO", type: "place", aliases: [], forms: [] },
    ];
    const r = scoreDoc("d", pred, gold);
    expect(r.byType.all).toEqual({ tp: 4, fp: 1, fn: 0 }); // "united states" is the one FP
    expect(r.byType.person).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(r.byType.organization).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(r.byType.place).toEqual({ tp: 1, fp: 2, fn: 0 });
    expect(prf({ tp: 1, fp: 1, fn: 0 }).f).toBeCloseTo(2 / 3);
  });
  it("blanks front matter keeping offsets and splits sentences", () => {
    const raw = "---\ntitle: x\n---\nOne. Two!\nThree";
    const { text, bodyStart } = blankFrontMatter(raw);
    expect(text.length).toBe(raw.length);
    expect(text.slice(bodyStart)).toBe("One. Two!\nThree");
    expect(splitSentences(text, bodyStart).map((s) => text.slice(s.start, s.end))).toEqual(["One.", "Two!", "Three"]);
  });
});

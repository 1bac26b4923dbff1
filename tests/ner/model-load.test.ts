/** The shipped models load in their fast forms; each must give what the plain form gives. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Gazetteer, type GazData, type GazEntity } from "../../src/ner/gazetteer.js";
import { getModel, modelFileOf, modelFromData, modelFromFile, type ModelData, type ModelFile } from "../../src/ner/model.js";
import { repoRoot } from "../helpers/shared.js";

const small: ModelData = {
  version: 1,
  classes: ["O", "B-PER", "I-PER"],
  lcv: ["the", "said"],
  feats: { "w=Putin": [1, 2.5, 2, -0.125], F: [0, 3.947], "t-1=O": [2, 0.002], "12": [0, -1.5, 1, 0.333] },
  names: { Putin: "PER" },
};

function same(a: ReturnType<typeof modelFromData>, b: ReturnType<typeof modelFromData>): void {
  expect(b.nclass).toBe(a.nclass);
  expect([...b.index]).toEqual([...a.index]);
  expect(Array.from(b.W)).toEqual(Array.from(a.W));
  expect([...b.lcv]).toEqual([...a.lcv]);
  expect([...b.names]).toEqual([...a.names]);
}

describe("model file (version 2)", () => {
  it("round-trips the training's form exactly", () => {
    const file = JSON.parse(JSON.stringify(modelFileOf(small))) as ModelFile;
    expect(file.version).toBe(2);
    const m = modelFromFile(file);
    expect(m).not.toBeNull();
    same(modelFromData(small), m!);
    // float32 as the plain form stores it: 0.333 is not exact, and both agree on the rounding
    expect(m!.W[m!.index.get("12")! * 3 + 1]).toBe(Math.fround(0.333));
    expect(m!.names.get("Putin")).toBe("PER");
  });

  it("refuses a key with a line feed and a weights string of the wrong size", () => {
    expect(() => modelFileOf({ ...small, feats: { "a\nb": [0, 1] } })).toThrow(/line feed/);
    const file = modelFileOf(small);
    expect(modelFromFile({ ...file, weights: file.weights.slice(0, -8) })).toBeNull();
    expect(modelFromFile({ ...file, keys: file.keys + "\nextra" })).toBeNull();
  });

  it("is the shipped weights' form", () => {
    const raw = JSON.parse(readFileSync(join(repoRoot, "models", "ner-perceptron.json"), "utf8")) as ModelFile;
    expect(raw.version).toBe(2);
    const m = getModel();
    expect(m).not.toBeNull();
    expect(m!.index.size).toBe(raw.keys.split("\n").length);
    expect(m!.W.length).toBe(m!.index.size * raw.classes.length);
    expect(m!.names.size).toBeGreaterThan(500);
  });
});

describe("gazetteer cities", () => {
  const data = JSON.parse(readFileSync(join(repoRoot, "models", "gazetteer.json"), "utf8")) as GazData;
  const gaz = new Gazetteer(data);

  it("give the entity the plain construction gives, one object per city", () => {
    const countries = new Map(data.countries.map((c) => [c.cca2, c.name]));
    let checked = 0;
    const seen = new Set<string>();
    for (const [name, cc, pop, lon, lat] of data.cities.slice(0, 3000)) {
      // the first (most populous) city of a name has it
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const hit = gaz.phrases.get(key);
      if (!hit || hit.entity.type !== "city" || hit.entity.key !== `city:${cc}:${name}`) continue;
      const expected: GazEntity = { key: `city:${cc}:${name}`, name, type: "city", coordinates: [lon, lat], population: pop };
      if (countries.has(cc)) expected.within = countries.get(cc)!;
      // same fields in the same order (entities are serialised)
      expect(JSON.stringify(hit.entity)).toBe(JSON.stringify(expected));
      expect(gaz.phrases.get(key)!.entity).toBe(hit.entity);
      expect(hit.cat).toBe(pop >= 1_000_000 ? "city1" : pop >= 100_000 ? "city" : "town");
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("folded spellings share their city's entity, and a big city keeps its place over its region", () => {
    const herat = gaz.phrases.get("herat");
    expect(herat?.entity.name).toBe("Herāt");
    expect(gaz.phrases.get("herāt")?.entity).toBe(herat?.entity);
    const over = [...gaz.cityOverRegion.values()];
    expect(over.length).toBeGreaterThan(0);
    for (const h of over) {
      expect(h.cat).toBe("city1");
      expect(h.entity.type).toBe("city");
      expect(h.entity.coordinates).toHaveLength(2);
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findEntities, normForm, type NamedEntity } from "../../src/ner/index.js";
import { sharedDir } from "../helpers/shared.js";

const SEED = sharedDir + "/seed/russia-syria-withdrawal";
const text = readFileSync(SEED + ".txt", "utf8");
const expected = JSON.parse(readFileSync(SEED + ".expected.json", "utf8")) as {
  actors: { names: string[]; kind: string; role?: string; aliases?: string[] }[];
  locations: { names: string[]; kind: string; near?: [number, number]; within_km?: number }[];
  not: string[];
};
const ents = findEntities(text, []);

/** The brief's kinds → our types: actors of kind "state" are countries here. */
const TYPE_OF: Record<string, string> = { state: "country" };

function find(names: string[]): NamedEntity | undefined {
  const keys = new Set(names.map(normForm));
  return ents.find((e) => keys.has(normForm(e.name)) || e.aliases.some((a) => keys.has(normForm(a))));
}

function km(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const dlat = (b[1] - a[1]) * r;
  const dlon = (b[0] - a[0]) * r;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe("seed article: russia-syria-withdrawal", () => {
  for (const a of expected.actors) {
    it(`finds actor ${a.names[0]} as ${a.kind}`, () => {
      const e = find(a.names);
      expect(e, a.names[0]).toBeDefined();
      expect(e!.type).toBe(TYPE_OF[a.kind] ?? a.kind);
      if (a.role) expect(e!.role).toBe(a.role);
      for (const al of a.aliases ?? []) expect(e!.aliases).toContain(al);
    });
  }
  for (const l of expected.locations) {
    it(`finds location ${l.names[0]} as ${l.kind}`, () => {
      const e = find(l.names);
      expect(e, l.names[0]).toBeDefined();
      expect(e!.type).toBe(l.kind);
      if (l.near) {
        expect(e!.coordinates).toBeDefined();
        expect(km(e!.coordinates!, l.near)).toBeLessThan(l.within_km ?? 5);
      }
    });
  }
  it("finds nothing from the 'not' list", () => {
    const bad = new Set(expected.not.map(normForm));
    for (const e of ents) {
      expect(bad.has(normForm(e.name)), e.name).toBe(false);
      for (const a of e.aliases) expect(bad.has(normForm(a)), a).toBe(false);
    }
  });
  it("gives exact, sorted mention offsets", () => {
    for (const e of ents) {
      for (let i = 1; i < e.mentions.length; i++) expect(e.mentions[i]!.start).toBeGreaterThanOrEqual(e.mentions[i - 1]!.start);
      for (const m of e.mentions) expect(text.slice(m.start, m.end).length).toBeGreaterThan(0);
    }
    const us = find(["United States"])!;
    expect(us.mentions.map((m) => text.slice(m.start, m.end))).toContain("U.S.");
    const russia = find(["Russia"])!;
    const forms = russia.mentions.map((m) => text.slice(m.start, m.end));
    expect(forms).toContain("Russian"); // "the Russian military"
    expect(russia.aliases).not.toContain("Russian");
    const peskov = find(["Dmitry Peskov"])!;
    expect(peskov.name).toBe("Dmitry Peskov");
    const isis = find(["ISIS"])!;
    expect(isis.mentions.map((m) => text.slice(m.start, m.end))).toContain("ISIS"); // inside "anti-ISIS"
  });
  it("makes no entity of a prefixed word ('U.S. anti-ISIS efforts')", () => {
    for (const e of ents) {
      expect(e.name).not.toMatch(/anti-/);
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).not.toMatch(/anti-/);
    }
  });
  it("is deterministic", () => {
    expect(JSON.stringify(findEntities(text, []))).toBe(JSON.stringify(ents));
  });
});

/**
 * The data export is written piece by piece (at archive scale the briefings' JSON is longer than a
 * V8 string can be); joined, the pieces are exactly `JSON.stringify` of the whole export.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../helpers/shared.js";
import { loadSite } from "../../src/site/build.js";
import { dataExport, entitiesExport, writePieces } from "../../src/site/postbuild.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");

describe("data export", () => {
  const { index, records } = loadSite(fixture);
  const byId = new Map([...records].map((r) => [r.briefing.id, r]));
  const exported = dataExport(index);

  it("is JSON.stringify of every briefing and of the entities, one piece per briefing and per entity", () => {
    expect(index.briefings.length).toBeGreaterThan(1);
    const briefings = [...exported.get("/data/briefings.json")!()];
    expect(briefings).toHaveLength(index.briefings.length + 2);
    expect(briefings.join("")).toBe(JSON.stringify(index.briefings.map((b) => byId.get(b.id)!.briefing)));
    const entities = [...exported.get("/data/entities.json")!()];
    const lists = [index.actors, index.bases, index.locations, index.sources];
    // Per list: its key, "[", one piece per entity, "]"; then the closing "}".
    expect(entities).toHaveLength(lists.length * 3 + lists.reduce((n, l) => n + l.length, 0) + 1);
    expect(entities.join("")).toBe(JSON.stringify(entitiesExport(index)));
    expect(Object.keys(JSON.parse(entities.join("")) as object)).toEqual(["actors", "bases", "locations", "sources"]);
  });

  it("writes the pieces as they are, across its 1 MB blocks", () => {
    const pieces = Array.from({ length: 300 }, (_, i) => `${i ? "," : "["}"${"é—".repeat(2_000 + i)}"`).concat("]");
    const file = join(mkdtempSync(join(tmpdir(), "sitrep-data-")), "out.json");
    writePieces(file, pieces);
    expect(readFileSync(file, "utf8")).toBe(pieces.join(""));
  });
});

/**
 * Co-mentions (src/site/index.ts CoMentions): each actor's and place's page lists the actors and
 * places named in the same articles, the 12 named in the most articles, ties by name, then in the
 * order first met (articles newest first) — counted here again the plain way, from the briefings.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { repoRoot } from "../helpers/shared.js";
import { loadSite } from "../../src/site/build.js";
import type { Count, SiteIndex } from "../../src/site/index.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");

function expected(index: SiteIndex, kind: "actor" | "location", id: string): { actors: Array<[string, number]>; locations: Array<[string, number]> } {
  const actors = new Map<string, number>();
  const locations = new Map<string, number>();
  for (const b of index.briefings) {
    const a = [...new Set(b.actors.map((r) => r.id))];
    const l = [...new Set(b.locations.map((r) => r.id))];
    if (!(kind === "actor" ? a : l).includes(id)) continue;
    for (const x of a) if (!(kind === "actor" && x === id)) actors.set(x, (actors.get(x) ?? 0) + 1);
    for (const x of l) if (!(kind === "location" && x === id)) locations.set(x, (locations.get(x) ?? 0) + 1);
  }
  const name = new Map([...index.actors, ...index.bases, ...index.locations].map((p) => [`${p.type}:${p.id}`, p.name]));
  const top = (counts: Map<string, number>, type: string) =>
    [...counts].sort((x, y) => y[1] - x[1] || name.get(`${type}:${x[0]}`)!.localeCompare(name.get(`${type}:${y[0]}`)!, "en")).slice(0, 12);
  return { actors: top(actors, "actor"), locations: top(locations, "location") };
}

const pairs = (counts: Count[]) => counts.map((c): [string, number] => [c.id, c.count]);

describe("co-mentions", () => {
  it("are the counts of the articles that name both, the 12 most, ties by name", () => {
    const { index } = loadSite(fixture);
    let listed = 0;
    for (const page of [...index.actors, ...index.bases, ...index.locations]) {
      const want = expected(index, page.type, page.id);
      expect({ id: page.id, actors: pairs(page.coActors), locations: pairs(page.coLocations) }).toEqual({ id: page.id, ...want });
      listed += page.coActors.length + page.coLocations.length;
    }
    // Something was compared, with counts above one among it.
    expect(listed).toBeGreaterThan(20);
    expect(index.actors.some((p) => p.coActors.some((c) => c.count > 1))).toBe(true);
    for (const page of index.sources) expect([page.coActors, page.coLocations]).toEqual([[], []]);
  });
});

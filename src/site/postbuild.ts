/**
 * What is written beside Eleventy's pages, from the same site index: the data export
 * (`/data/briefings.json`, `/data/entities.json`). Runs on the temporary output folder, before it
 * is swapped in, so a failure here fails the whole build.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ActorPage, LocationPage, SiteIndex, SourcePage } from "./index.js";

/** The aggregated index without page-only detail: one lean record per entity. */
export function entitiesExport(index: SiteIndex) {
  const common = (p: ActorPage | LocationPage | SourcePage) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    url: p.url,
    aliases: p.aliases,
    wikidata: p.wikidata,
    articles: p.articles.map((a) => a.id),
    claims: p.claims.map((c) => c.id),
  });
  const place = (p: LocationPage) => ({ ...common(p), coordinates: p.coordinates, within: p.within?.id ?? null, operator: p.operator?.id ?? null });
  return {
    actors: index.actors.map((p) => ({ ...common(p), role: p.role, claimsBy: p.claimsBy.map((c) => c.id), claimsAbout: p.claimsAbout.map((c) => c.id) })),
    bases: index.bases.map(place),
    locations: index.locations.map(place),
    sources: index.sources.map((p) => ({ ...common(p), actor: p.actor?.id ?? null })),
  };
}

export async function postBuild(index: SiteIndex, outDir: string): Promise<void> {
  const data = join(outDir, "data");
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, "briefings.json"), JSON.stringify(index.briefings.map((b) => b.briefing)));
  writeFileSync(join(data, "entities.json"), JSON.stringify(entitiesExport(index)));
}

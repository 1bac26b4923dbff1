/**
 * What is written beside Eleventy's pages, from the same site index and the rendered pages: the
 * data export (`/data/briefings.json`, `/data/entities.json`) and `/sitemap.xml` of every page, while
 * the search index (./search-index.ts) writes its last shard on its own thread. Runs on the
 * temporary output folder, before it is swapped in, so a failure here fails the whole build.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ActorPage, LocationPage, SiteIndex, SourcePage } from "./index.js";
import { sitemap } from "./feeds.js";

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

/**
 * The data export, by site path, as pieces of JSON made when asked for: every Briefing as extracted
 * (its JSON read back one at a time, ./details.ts), and the aggregated index. Joined, the pieces are exactly `JSON.stringify` of the whole value; the
 * briefings come one per piece because at archive scale their JSON (~20 KB an article) is longer
 * than the longest string V8 can make (2^29 − 24 characters, reached at ~26,000 articles).
 */
export function dataExport(index: SiteIndex): Map<string, () => Iterable<string>> {
  return new Map<string, () => Iterable<string>>([
    ["/data/briefings.json", () => jsonArray(index.briefings, (b) => b.briefingJson())],
    ["/data/entities.json", () => [JSON.stringify(entitiesExport(index))]],
  ]);
}

/** `JSON.stringify` of the array of the elements' values, one element at a time (`json`: an element's value as JSON). */
function* jsonArray<T>(items: readonly T[], json: (item: T) => string): Generator<string> {
  yield "[";
  for (let i = 0; i < items.length; i++) yield (i ? "," : "") + json(items[i]!);
  yield "]";
}

/** Writes the pieces to a file in blocks of about 1 MB. */
export function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    let block = "";
    for (const piece of pieces) {
      block += piece;
      if (block.length >= 1 << 20) writeSync(fd, block), (block = "");
    }
    if (block) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}

/** The data export and the sitemap of `pages` (every HTML page's URL). */
export function postBuild(index: SiteIndex, outDir: string, pages: readonly string[]): void {
  mkdirSync(join(outDir, "data"), { recursive: true });
  for (const [path, json] of dataExport(index)) writePieces(join(outDir, path), json());
  writeFileSync(join(outDir, "sitemap.xml"), sitemap(index.site, pages.filter((url) => url !== "/404.html")));
}

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

/** One list of the entities export: its key, and its entities as exported, made one at a time. */
type EntityList = readonly [key: string, entities: () => Iterable<object>];

/** The aggregated index without page-only detail: one lean record per entity, list by list. */
function entityLists(index: SiteIndex): EntityList[] {
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
  return [
    ["actors", () => each(index.actors, (p) => ({ ...common(p), role: p.role, claimsBy: p.claimsBy.map((c) => c.id), claimsAbout: p.claimsAbout.map((c) => c.id) }))],
    ["bases", () => each(index.bases, place)],
    ["locations", () => each(index.locations, place)],
    ["sources", () => each(index.sources, (p) => ({ ...common(p), actor: p.actor?.id ?? null }))],
  ];
}

function* each<T, U>(items: readonly T[], make: (item: T) => U): Generator<U> {
  for (const item of items) yield make(item);
}

/** The entities export as one value (`/data/entities.json` is its JSON). */
export function entitiesExport(index: SiteIndex): Record<string, object[]> {
  return Object.fromEntries(entityLists(index).map(([key, entities]) => [key, [...entities()]]));
}

/**
 * `JSON.stringify(entitiesExport(index))`, one entity at a time. Whole, at 50,000 articles, it was
 * 219 MB of JSON: the records, their string and its bytes raised the build's memory by about 1 GB
 * after the last render pass, while Pagefind's process wrote its last shards.
 */
function* entitiesJson(index: SiteIndex): Generator<string> {
  let n = 0;
  for (const [key, entities] of entityLists(index)) {
    yield `${n++ ? "," : "{"}${JSON.stringify(key)}:`;
    yield* jsonArray(entities(), (entity) => JSON.stringify(entity));
  }
  yield "}";
}

/**
 * The data export, by site path, as pieces of JSON made when asked for: every Briefing as extracted
 * (its JSON read back one at a time, ./details.ts), and the aggregated index, entity by entity. Joined, the pieces are exactly `JSON.stringify` of the whole value; the
 * briefings come one per piece because at archive scale their JSON (~20 KB an article) is longer
 * than the longest string V8 can make (2^29 − 24 characters, reached at ~26,000 articles).
 */
export function dataExport(index: SiteIndex): Map<string, () => Iterable<string>> {
  return new Map<string, () => Iterable<string>>([
    ["/data/briefings.json", () => jsonArray(index.briefings, (b) => b.briefingJson())],
    ["/data/entities.json", () => entitiesJson(index)],
  ]);
}

/** `JSON.stringify` of the array of the items' values, one item at a time (`json`: an item's value as JSON). */
function* jsonArray<T>(items: Iterable<T>, json: (item: T) => string): Generator<string> {
  let i = 0;
  yield "[";
  for (const item of items) yield (i++ ? "," : "") + json(item);
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

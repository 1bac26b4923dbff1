/** `/bases/<id>/`: one military base — where, whose, and its timeline of claims. */
import { pageItems } from "../src/site/passes.js";
import type { LocationPage, SiteIndex } from "../src/site/index.js";
import { placePage } from "./lib/place.js";
import { mapNeighbours } from "./lib/map.js";

interface Data {
  sitrep: SiteIndex;
  base: LocationPage;
}

export const data = {
  pagination: { data: "sitrep.bases", size: 1, alias: "base", addAllPagesToCollections: false, before: pageItems("base") },
  permalink: (data: Data) => data.base.url,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => [data.base, mapNeighbours(data.sitrep, data.base)];

export function render(data: Data): string {
  return placePage(data.sitrep, data.base, true);
}

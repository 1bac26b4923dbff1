/** `/locations/<id>/`: one place that is not a base — where it is, and what is claimed about it. */
import { pageItems } from "../src/site/passes.js";
import type { LocationPage, SiteIndex } from "../src/site/index.js";
import { placePage } from "./lib/place.js";
import { mapNeighbours } from "./lib/map.js";

interface Data {
  sitrep: SiteIndex;
  location: LocationPage;
}

export const data = {
  pagination: { data: "sitrep.locations", size: 1, alias: "location", addAllPagesToCollections: false, before: pageItems("location") },
  permalink: (data: Data) => data.location.url,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => [data.location, mapNeighbours(data.sitrep, data.location)];

export function render(data: Data): string {
  return placePage(data.sitrep, data.location, false);
}

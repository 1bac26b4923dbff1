/** `/bases/<id>/`: one military base — where, whose, and its timeline of claims. */
import { passItems } from "../src/site/passes.js";
import type { LocationPage, SiteIndex } from "../src/site/index.js";
import { placePage } from "./lib/place.js";

interface Data {
  sitrep: SiteIndex;
  base: LocationPage;
}

export const data = {
  pagination: { data: "sitrep.bases", size: 1, alias: "base", addAllPagesToCollections: false, before: passItems },
  permalink: (data: Data) => data.base.url,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return placePage(data.sitrep, data.base, true);
}

/** `/locations/<id>/`: one place that is not a base — where it is, and what is claimed about it. */
import { passItems } from "../src/site/passes.js";
import type { LocationPage, SiteIndex } from "../src/site/index.js";
import { placePage } from "./lib/place.js";

interface Data {
  sitrep: SiteIndex;
  location: LocationPage;
}

export const data = {
  pagination: { data: "sitrep.locations", size: 1, alias: "location", addAllPagesToCollections: false, before: passItems },
  permalink: (data: Data) => data.location.url,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return placePage(data.sitrep, data.location, false);
}

/** `/map/`: every base and location with known coordinates on one map, and the list of them. */
import type { SiteIndex } from "../src/site/index.js";
import { html } from "./lib/html.js";
import { count } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs } from "./lib/partials.js";
import { archiveMap, archivePlaces } from "./lib/map.js";

interface Data {
  sitrep: SiteIndex;
}

export const data = {
  permalink: "/map/",
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  const { sitrep } = data;
  const n = archivePlaces(sitrep).length;
  const total = sitrep.bases.length + sitrep.locations.length;
  const body = html`${breadcrumbs([{ label: "Briefings", href: "/" }, { label: "Map" }])}
<header class="page-header">
<h1>Map</h1>
<p class="standfirst">Every base and place in the briefings whose position is known. Follow a marker or a name to its page.</p>
<p class="counts">${count(n, "place")} with coordinates, of ${count(total, "base or location", "bases and locations")}</p>
</header>
${archiveMap(sitrep) ?? html`<p class="empty">No place in the archive has coordinates yet. Add <code>coordinates: [longitude, latitude]</code> to its registry entry.</p>`}`;
  return layout({
    site: sitrep.site,
    title: "Map",
    description: `Map of ${count(n, "place")} named in ${sitrep.site.title}.`,
    path: "/map/",
    section: "map",
    body,
    pageClass: "page-map",
  });
}

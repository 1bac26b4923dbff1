/** `/actors/`, `/bases/`, `/locations/`, `/sources/`: every entity of a type, grouped by kind, by name. */
import type { LinkRef, LocationPage, SiteIndex, SourcePage } from "../src/site/index.js";
import { html, refLink, safeUrl, type SafeHtml } from "./lib/html.js";
import { count } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs } from "./lib/partials.js";
import { coordinates, groupedTables, type Column } from "./lib/entity.js";

type IndexKind = "actors" | "bases" | "locations" | "sources";

interface Data {
  sitrep: SiteIndex;
  index: IndexKind;
}

const INDEXES: IndexKind[] = ["actors", "bases", "locations", "sources"];

export const data = {
  indexes: INDEXES,
  pagination: { data: "indexes", size: 1, alias: "index", addAllPagesToCollections: false },
  permalink: (data: Data) => `/${data.index}/`,
  eleventyExcludeFromCollections: true,
};

const link = (n: LinkRef | null): SafeHtml | string => (n ? refLink(n) : "—");

const placeColumns = (isBase: boolean): Column<LocationPage>[] => [
  { header: isBase ? "Country" : "Within", cell: (p) => link(p.within) },
  ...(isBase ? [{ header: "Operator", cell: (p: LocationPage) => link(p.operator) }] : []),
  { header: "Coordinates", cell: (p) => coordinates(p) ?? "—" },
];

const sourceColumns: Column<SourcePage>[] = [{ header: "Speaks for", cell: (p) => link(p.actor) }];

export function render(data: Data): string {
  const { sitrep, index } = data;
  const pages = {
    actors: { title: "Actors", lede: "People, organisations, states and armed groups named in the briefings.", n: sitrep.actors.length, noun: ["actor", "actors"] },
    bases: { title: "Military bases", lede: "Bases and military installations named in the briefings.", n: sitrep.bases.length, noun: ["base", "bases"] },
    locations: { title: "Locations", lede: "Countries, regions, cities, waters and facilities named in the briefings.", n: sitrep.locations.length, noun: ["place", "places"] },
    sources: { title: "Sources", lede: "Who the claims are attributed to: officials, spokespeople, outlets, documents and unnamed sources.", n: sitrep.sources.length, noun: ["source", "sources"] },
  }[index];
  const tables =
    index === "actors"
      ? groupedTables("actors", sitrep.actors, [{ header: "Role", cell: (p) => p.role ?? "—" }])
      : index === "bases"
        ? groupedTables("bases", sitrep.bases, placeColumns(true))
        : index === "locations"
          ? groupedTables("locations", sitrep.locations, placeColumns(false))
          : groupedTables("sources", sitrep.sources, sourceColumns);
  const body = html`${breadcrumbs([{ label: "Briefings", href: "/" }, { label: pages.title }])}
<header class="page-header">
<h1>${pages.title}</h1>
<p class="standfirst">${pages.lede}</p>
<p class="counts">${count(pages.n, pages.noun[0] ?? "", pages.noun[1])}, by name</p>
</header>
${tables}`;
  return layout({
    site: sitrep.site,
    title: pages.title,
    description: `${pages.lede} ${count(pages.n, pages.noun[0] ?? "", pages.noun[1])}.`,
    path: `/${index}/`,
    section: index,
    body,
    pageClass: `page-index page-index-${index}`,
  });
}

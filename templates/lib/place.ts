/** Body of a place page (`/bases/<id>/` and `/locations/<id>/` differ only in a few details). */
import type { LocationPage, SiteIndex } from "../../src/site/index.js";
import { html, refLink, safeUrl } from "./html.js";
import { kindLabel, formatNumber } from "./format.js";
import { layout } from "./layout.js";
import { breadcrumbs, claimList, facts, limited, pageHeader, profile, section } from "./partials.js";
import { aliasList, contextSections, coordinates, tally, wikidataLink } from "./entity.js";
import { placeMap } from "./map.js";

export function placePage(sitrep: SiteIndex, place: LocationPage, isBase: boolean): string {
  const site = sitrep.site;
  const map = placeMap(sitrep, place);
  const claims = limited(place.claims, "claim");
  const within = place.within ? refLink(place.within) : null;
  const operator = place.operator ? refLink(place.operator) : null;
  const coords = coordinates(place);
  const index = isBase ? { label: "Bases", href: "/bases/" } : { label: "Locations", href: "/locations/" };
  const sub = [within ? html`${isBase ? "In" : "Within"} ${within}` : null, operator ? html`operated by ${operator}` : null].filter((x) => x !== null);
  const body = html`${breadcrumbs([index, { label: place.name }])}
${pageHeader(kindLabel(place.kind), place.name, sub.length ? html`${sub.map((s, i) => html`${i ? ", " : ""}${s}`)}` : null)}
<div class="place-grid">
<div class="place-facts">
${facts([
  ["Kind", kindLabel(place.kind)],
  ["Coordinates", coords],
  [isBase ? "Country" : "Within", within],
  ["Operator", operator],
  ["Also known as", aliasList(place.aliases)],
  ["Wikidata", wikidataLink(place.wikidata)],
  ["In the archive", tally(place)],
])}
</div>
${map ? html`<div class="place-map">${map}</div>` : ""}
</div>
${profile(place.profileHtml)}
${section(
  isBase ? `Timeline (${formatNumber(place.claims.length)} claims)` : `Claims (${formatNumber(place.claims.length)})`,
  html`${claimList(claims.items, { showArticle: true, self: { type: "location", id: place.id } })}${claims.note}`,
  { id: "claims", empty: "No claims mention it yet.", unsearched: true },
)}
${contextSections(place, { actorsHeading: "Actors involved" })}`;
  return layout({
    site,
    title: place.name,
    description: `${place.name}${place.within ? `, ${place.within.name}` : ""} (${kindLabel(place.kind).toLowerCase()}): ${tally(place)} in ${site.title}.`,
    path: place.url,
    section: isBase ? "bases" : "locations",
    body,
    pageClass: `page-entity page-place${isBase ? " page-base" : ""}`,
    alternates: isBase ? [{ title: `Briefings mentioning ${place.name} (Atom)`, href: `${place.url}feed.xml`, type: "application/atom+xml" }] : [],
    search: { type: [isBase ? "Base" : "Location"] },
  });
}

/** `/actors/<id>/`: one actor — who it is, what it said, what was said about it, and where it appears. */
import { pageItems } from "../src/site/passes.js";
import type { ActorPage, SiteIndex } from "../src/site/index.js";
import { html } from "./lib/html.js";
import { kindLabel, formatNumber } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs, claimList, facts, limited, pageHeader, profile, section } from "./lib/partials.js";
import { aliasList, contextSections, tally, wikidataLink } from "./lib/entity.js";

interface Data {
  sitrep: SiteIndex;
  actor: ActorPage;
}

export const data = {
  pagination: { data: "sitrep.actors", size: 1, alias: "actor", addAllPagesToCollections: false, before: pageItems("actor") },
  permalink: (data: Data) => data.actor.url,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => data.actor;

export function render(data: Data): string {
  const { sitrep, actor } = data;
  const by = limited(actor.claimsBy, "claim");
  const about = limited(actor.claimsAbout, "claim");
  const body = html`${breadcrumbs([{ label: "Actors", href: "/actors/" }, { label: actor.name }])}
${pageHeader(kindLabel(actor.kind), actor.name, actor.role)}
${facts([
  ["Kind", kindLabel(actor.kind)],
  ["Role", actor.role],
  ["Also known as", aliasList(actor.aliases)],
  ["Wikidata", wikidataLink(actor.wikidata)],
  ["In the archive", tally(actor)],
])}
${profile(actor.profileHtml)}
${section(`Claims by ${actor.name} (${formatNumber(actor.claimsBy.length)})`, html`${claimList(by.items, { showArticle: true, self: { type: "actor", id: actor.id } })}${by.note}`, { id: "claims-by", empty: "No claims are attributed to it.", unsearched: true })}
${section(`Claims about ${actor.name} (${formatNumber(actor.claimsAbout.length)})`, html`${claimList(about.items, { showArticle: true, self: { type: "actor", id: actor.id } })}${about.note}`, { id: "claims-about", empty: "No claims mention it.", unsearched: true })}
${contextSections(actor)}`;
  return layout({
    site: sitrep.site,
    title: actor.name,
    description: `${actor.name}${actor.role ? `, ${actor.role}` : ""}: ${tally(actor)} in ${sitrep.site.title}.`,
    path: actor.url,
    section: "actors",
    body,
    pageClass: "page-entity page-actor",
    alternates: [{ title: `Briefings mentioning ${actor.name} (Atom)`, href: `${actor.url}feed.xml`, type: "application/atom+xml" }],
    search: { type: ["Actor"] },
  });
}

/** `/sources/<id>/`: one source — what kind, whom it speaks for, and every claim attributed to it. */
import { pageItems } from "../src/site/passes.js";
import type { SiteIndex, SourcePage } from "../src/site/index.js";
import { html, refLink, safeUrl } from "./lib/html.js";
import { kindLabel, formatNumber } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs, claimList, facts, limited, pageHeader, profile, section } from "./lib/partials.js";
import { aliasList, contextSections, tally, wikidataLink } from "./lib/entity.js";

interface Data {
  sitrep: SiteIndex;
  source: SourcePage;
}

export const data = {
  pagination: { data: "sitrep.sources", size: 1, alias: "source", addAllPagesToCollections: false, before: pageItems("source") },
  permalink: (data: Data) => data.source.url,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => data.source;

export function render(data: Data): string {
  const { sitrep, source } = data;
  const attributed = limited(source.attributed, "claim");
  const speaksFor = source.actor ? refLink(source.actor) : null;
  const body = html`${breadcrumbs([{ label: "Sources", href: "/sources/" }, { label: source.name }])}
${pageHeader(`Source · ${kindLabel(source.kind)}`, source.name, speaksFor ? html`Speaks for ${speaksFor}` : null)}
${facts([
  ["Kind", kindLabel(source.kind)],
  ["Is or speaks for", speaksFor],
  ["Also known as", aliasList(source.aliases)],
  ["Wikidata", wikidataLink(source.wikidata)],
  ["In the archive", tally(source)],
])}
${profile(source.profileHtml)}
${section(`Claims attributed to it (${formatNumber(source.attributed.length)})`, html`${claimList(attributed.items, { showArticle: true, hideSource: true })}${attributed.note}`, { id: "attributed", empty: "No claims are attributed to it yet.", unsearched: true })}
${contextSections(source)}`;
  return layout({
    site: sitrep.site,
    title: source.name,
    description: `${source.name} (${kindLabel(source.kind).toLowerCase()}): ${tally(source)} in ${sitrep.site.title}.`,
    path: source.url,
    section: "sources",
    body,
    pageClass: "page-entity page-source",
    search: { type: ["Source"] },
  });
}

/**
 * `/`: the latest briefings (the newest `LATEST_BRIEFINGS`, src/site/feeds.ts), newest first, and the
 * ways into the archive; when there are more, a note says how many and links the archive of all
 * of them (templates/archive.11ty.ts).
 */
import type { SiteIndex } from "../src/site/index.js";
import { latest, LATEST_BRIEFINGS } from "../src/site/feeds.js";
import { html, type SafeHtml } from "./lib/html.js";
import { count, formatNumber } from "./lib/format.js";
import { briefingItem } from "./lib/briefing-item.js";
import { layout } from "./lib/layout.js";
import { section } from "./lib/partials.js";

interface Data {
  sitrep: SiteIndex;
}

export const data = {
  permalink: "/",
  eleventyExcludeFromCollections: true,
};

/** Under the latest briefings when there are more: how many, and where all of them are. */
function olderNote(total: number): SafeHtml {
  if (total <= LATEST_BRIEFINGS) return html``;
  return html`<p class="note list-limit">The newest ${formatNumber(LATEST_BRIEFINGS)} of ${count(total, "briefing")} are shown. <a href="/archive/">All briefings</a> are in the archive, newest first; the <a href="/timeline/">timeline</a>, <a href="/search/">search</a> and the actor, place and source pages lead to them too.</p>`;
}

export function render(data: Data): string {
  const { sitrep } = data;
  const archive: Array<{ label: string; href: string; n: number; noun: [string, string] }> = [
    { label: "Actors", href: "/actors/", n: sitrep.actors.length, noun: ["actor", "actors"] },
    { label: "Bases", href: "/bases/", n: sitrep.bases.length, noun: ["military base", "military bases"] },
    { label: "Locations", href: "/locations/", n: sitrep.locations.length, noun: ["place", "places"] },
    { label: "Sources", href: "/sources/", n: sitrep.sources.length, noun: ["source", "sources"] },
  ];
  const body = html`<header class="page-header home-header">
<h1>${sitrep.site.title}</h1>
<p class="standfirst">${sitrep.site.description}</p>
</header>
<div class="home-grid">
${section(
  "Latest briefings",
  sitrep.briefings.length ? html`<ol class="briefing-list">${latest(sitrep.briefings).map(briefingItem)}</ol>
${olderNote(sitrep.briefings.length)}` : null,
  { id: "latest", empty: "No briefings yet.", className: "home-latest" },
)}
${section(
  "Browse the archive",
  html`<ul class="quick-links">${archive.map(
    (a) => html`<li><a href="${a.href}">${a.label}</a> <span class="count">${count(a.n, a.noun[0], a.noun[1])}</span></li>`,
  )}</ul>
<p class="note">${count(sitrep.briefings.length, "briefing")}, ${count(sitrep.claims.length, "claim")} in all.</p>
<ul class="quick-links">
<li><a href="/archive/">All briefings</a></li>
<li><a href="/timeline/">Timeline of claims</a></li>
<li><a href="/map/">Map</a></li>
<li><a href="/search/">Search</a></li>
<li><a href="/feed.xml" type="application/atom+xml">Atom feed</a> · <a href="/feed.json" type="application/feed+json">JSON Feed</a></li>
</ul>`,
  { id: "archive", className: "home-archive" },
)}
</div>`;
  return layout({ site: sitrep.site, title: "Latest briefings", path: "/", section: "briefings", body, pageClass: "page-home" });
}

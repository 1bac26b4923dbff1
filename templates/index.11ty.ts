/**
 * `/`: the latest briefings (the newest `LATEST_BRIEFINGS`, src/site/feeds.ts), newest first, and the
 * ways into the archive; when there are more, a note says how many and where the others are.
 */
import type { BriefingPage, SiteIndex } from "../src/site/index.js";
import { latest, LATEST_BRIEFINGS } from "../src/site/feeds.js";
import { html, safeUrl, type SafeHtml } from "./lib/html.js";
import { count, formatNumber, time } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { section } from "./lib/partials.js";

interface Data {
  sitrep: SiteIndex;
}

export const data = {
  permalink: "/",
  eleventyExcludeFromCollections: true,
};

function briefingItem(b: BriefingPage): SafeHtml {
  const counts = [
    count(b.claims.length, "claim"),
    count(b.actors.length, "actor"),
    count(b.locations.length, "place"),
    count(b.sources.length, "source"),
  ].join(" · ");
  return html`<li class="briefing-item">
<article aria-labelledby="b-${b.id}">
<h3 id="b-${b.id}"><a href="${safeUrl(b.url)}">${b.briefing.title}</a></h3>
<p class="dateline">${time({ date: b.briefing.date, datePrecision: b.meta.datePrecision })}${b.briefing.outlet ? html` · <span class="outlet">${b.briefing.outlet.name}</span>` : ""}</p>
${b.briefing.summary ? html`<p class="summary">${b.briefing.summary}</p>` : ""}
<p class="counts">${counts}</p>
</article>
</li>`;
}

/** Under the latest briefings when there are more: how many, and where all of them are. */
function olderNote(total: number): SafeHtml {
  if (total <= LATEST_BRIEFINGS) return html``;
  return html`<p class="note list-limit">The newest ${formatNumber(LATEST_BRIEFINGS)} of ${count(total, "briefing")} are shown. For older ones, follow the <a href="/timeline/">timeline</a> of claims by date, <a href="/search/">search</a>, or the <a href="/actors/">actor</a>, <a href="/locations/">place</a> and <a href="/sources/">source</a> pages; the <a href="/data/briefings.json">data export</a> lists every briefing.</p>`;
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

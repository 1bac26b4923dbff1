/** `/briefings/<id>/`: one article — what it claims, who and where it names, and its text sentence by sentence. */
import { pageItems } from "../src/site/passes.js";
import type { BriefingBlock, BriefingPage, SiteIndex } from "../src/site/index.js";
import { html, safeUrl, type SafeHtml } from "./lib/html.js";
import { count, kindLabel, time, formatNumber } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs, claimList, namedList, section } from "./lib/partials.js";
import { briefingMap } from "./lib/map.js";

interface Data {
  sitrep: SiteIndex;
  briefing: BriefingPage;
}

export const data = {
  pagination: { data: "sitrep.briefings", size: 1, alias: "briefing", addAllPagesToCollections: false, before: pageItems("briefing") },
  permalink: (data: Data) => data.briefing.url,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => data.briefing;

function sentence(s: BriefingBlock["sentences"][number]): SafeHtml {
  if (!s.claim) return html`<span id="s-${String(s.index)}" class="sentence">${s.text}</span>`;
  const c = s.claim;
  return html`<span id="s-${String(s.index)}" class="sentence is-claim claim-${c.certainty}">${s.text}</span><a class="claim-mark claim-${c.certainty}" href="#c-${String(s.index)}" data-pagefind-ignore><span class="visually-hidden">(${c.certainty} claim)</span></a>`;
}

function block(b: BriefingBlock): SafeHtml {
  const sentences = b.sentences.map((s, i) => html`${i ? " " : ""}${sentence(s)}`);
  return b.heading ? html`<h3 class="article-heading">${sentences}</h3>` : html`<p>${sentences}</p>`;
}

function licence(meta: BriefingPage["meta"]): SafeHtml | null {
  if (!meta.license && !meta.licenseUrl && !meta.attribution) return null;
  const label = meta.license || "Licence terms";
  const licenceLink = meta.licenseUrl && safeUrl(meta.licenseUrl) !== "#"
    ? html`<a href="${safeUrl(meta.licenseUrl)}" rel="noopener noreferrer external license">${label}</a>`
    : meta.license;
  return html`<p class="licence">${meta.license || meta.licenseUrl ? html`<span class="label">Licence</span> ${licenceLink}` : ""}${(meta.license || meta.licenseUrl) && meta.attribution ? " · " : ""}${meta.attribution ? html`<span class="label">Attribution</span> ${meta.attribution}` : ""}</p>`;
}

export function render(data: Data): string {
  const { sitrep, briefing: page } = data;
  const b = page.briefing;
  // The text is read back for this page only (src/site/details.ts).
  const { blocks } = page.detail();
  const original = b.url && safeUrl(b.url) !== "#" ? safeUrl(b.url) : null;
  const dateline = html`<p class="dateline">${time({ date: b.date, datePrecision: page.meta.datePrecision })}${b.outlet ? html` · <span class="outlet">${b.outlet.name}</span>` : ""}${
    original ? html` · <a href="${original}" rel="noopener noreferrer external">Read the original${b.outlet ? html`<span class="visually-hidden"> at ${b.outlet.name}</span>` : ""}</a>` : ""
  }</p>`;

  const locations = namedList(
    page.locations.map((l) => ({ ...l, note: l.kind === "base" ? html`<span class="tag tag-base">Base</span>` : kindLabel(l.kind) })),
  );
  const sources = namedList(page.sources.map((s) => ({ ...s, note: kindLabel(s.kind) })));

  const body = html`${breadcrumbs([{ label: "Briefings", href: "/" }, { label: b.title }])}
<article class="briefing" aria-labelledby="title">
<header class="page-header">
<p class="kicker">Briefing</p>
<h1 id="title">${b.title}</h1>
${dateline}
${licence(page.meta)}
${b.summary ? html`<p class="standfirst">${b.summary}</p>` : ""}
<p class="counts">${[count(page.claims.length, "claim"), count(page.actors.length, "actor"), count(page.locations.length, "place"), count(page.sources.length, "source")].join(" · ")}</p>
</header>
<div class="briefing-grid">
<div class="briefing-main">
${section(`Claims (${formatNumber(page.claims.length)})`, claimList(page.claims, { anchors: true }), { id: "claims", empty: "No claims were found in this article.", unsearched: true })}
</div>
<aside class="briefing-aside" aria-label="Named in this briefing">
${section("Actors", namedList(page.actors), { id: "actors", empty: "None named." })}
${section("Places", html`${briefingMap(page) ?? ""}${locations}`, { id: "places", empty: "None named." })}
${section("Sources", sources, { id: "sources", empty: "None named." })}
</aside>
</div>
${section("Article text", blocks.length ? html`<div class="article-text prose">${blocks.map(block)}</div>` : null, { id: "text", empty: "The article has no text." })}
</article>`;

  return layout({
    site: sitrep.site,
    title: b.title,
    description: b.summary,
    path: page.url,
    section: "briefings",
    body,
    pageClass: "page-briefing",
    ogType: "article",
    search: {
      type: ["Briefing"],
      actor: page.actors.map((a) => a.name),
      base: page.locations.filter((l) => l.kind === "base").map((l) => l.name),
      location: page.locations.filter((l) => l.kind !== "base").map((l) => l.name),
      outlet: b.outlet ? [b.outlet.name] : [],
    },
  });
}

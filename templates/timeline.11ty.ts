/**
 * `/timeline/`: every claim by date across articles, newest first, grouped by date, and the same
 * filtered by certainty without JavaScript — `/timeline/stated/`, `/timeline/attributed/`,
 * `/timeline/hedged/` — each paginated by 200 (`/timeline/page/2/`, `/timeline/hedged/page/2/`).
 */
import type { ClaimRef, SiteIndex } from "../src/site/index.js";
import type { Certainty } from "../src/types.js";
import { html, safeUrl, type SafeHtml } from "./lib/html.js";
import { count, formatDate, isoDate, formatNumber } from "./lib/format.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs, CERTAINTY_LABEL, claimList } from "./lib/partials.js";
import { pageItems } from "../src/site/passes.js";
import { pager } from "./lib/pager.js";

export { pagerNumbers } from "./lib/pager.js";

export const PAGE_SIZE = 200;
type Filter = "all" | Certainty;
const FILTERS: Filter[] = ["all", "stated", "attributed", "hedged"];

interface TimelinePage {
  filter: Filter;
  /** 1-based. */
  page: number;
  pages: number;
  claims: ClaimRef[];
  /** Claims per filter, for the filter nav. */
  counts: Record<Filter, number>;
}

interface Data {
  sitrep: SiteIndex;
  timeline: TimelinePage;
}

export function timelineUrl(filter: Filter, page = 1): string {
  const base = filter === "all" ? "/timeline/" : `/timeline/${filter}/`;
  return page > 1 ? `${base}page/${page}/` : base;
}

/** Every (filter, page) of the timeline; a filter with no claims still gets its (empty) first page. */
export function timelinePages(claims: readonly ClaimRef[]): TimelinePage[] {
  const byFilter: Record<Filter, ClaimRef[]> = { all: [...claims], stated: [], attributed: [], hedged: [] };
  for (const c of claims) byFilter[c.certainty]?.push(c);
  const counts = Object.fromEntries(FILTERS.map((f) => [f, byFilter[f].length])) as Record<Filter, number>;
  return FILTERS.flatMap((filter) => {
    const list = byFilter[filter];
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    return Array.from({ length: pages }, (_, i) => ({ filter, page: i + 1, pages, claims: list.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), counts }));
  });
}

export const data = {
  pagination: {
    data: "sitrep.claims",
    size: 1,
    alias: "timeline",
    addAllPagesToCollections: false,
    // A large build renders the timeline's pages over its passes, like the entity pages.
    before: pageItems("timeline", timelinePages),
  },
  permalink: (data: Data) => timelineUrl(data.timeline.filter, data.timeline.page),
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => data.timeline;

const FILTER_LABEL: Record<Filter, string> = { all: "All claims", ...CERTAINTY_LABEL };

function filterNav(current: TimelinePage): SafeHtml {
  return html`<nav class="filter-nav" aria-label="Filter by certainty"><ul>${FILTERS.map((f) => {
    const label = html`${FILTER_LABEL[f]} <span class="count">${formatNumber(current.counts[f])}</span>`;
    return f === current.filter
      ? html`<li><a href="${timelineUrl(f)}" aria-current="${current.page === 1 ? "page" : "true"}" class="filter-${f}">${label}</a></li>`
      : html`<li><a href="${timelineUrl(f)}" class="filter-${f}">${label}</a></li>`;
  })}</ul></nav>`;
}

/** Claims grouped by their article's date (already newest first). */
function byDate(claims: readonly ClaimRef[]): SafeHtml {
  const groups: Array<{ key: string; claims: ClaimRef[] }> = [];
  for (const c of claims) {
    const key = `${c.article.date}|${c.article.datePrecision}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.claims.push(c);
    else groups.push({ key, claims: [c] });
  }
  return html`${groups.map((g, i) => {
    const a = g.claims[0]!.article;
    const id = `d-${isoDate(a.date, a.datePrecision) || "undated"}-${String(i)}`;
    return html`<section class="block timeline-day" aria-labelledby="${id}">
<h2 id="${id}"><time datetime="${isoDate(a.date, a.datePrecision)}">${formatDate(a.date, a.datePrecision)}</time> <span class="count">${count(g.claims.length, "claim")}</span></h2>
${claimList(g.claims, { showArticle: true })}
</section>`;
  })}`;
}

export function render(data: Data): string {
  const { sitrep, timeline: t } = data;
  const what = t.filter === "all" ? "All claims" : `${CERTAINTY_LABEL[t.filter]} claims`;
  const title = t.filter === "all" ? "Timeline" : `Timeline: ${CERTAINTY_LABEL[t.filter].toLowerCase()} claims`;
  const pageTitle = t.pages > 1 ? `${title} (page ${t.page} of ${t.pages})` : title;
  const first = t.claims[0];
  const last = t.claims[t.claims.length - 1];
  const range = first && last ? html` · ${formatDate(first.article.date, first.article.datePrecision)}${first.article.date !== last.article.date ? html` back to ${formatDate(last.article.date, last.article.datePrecision)}` : ""}` : "";
  const body = html`${breadcrumbs(t.filter === "all" && t.page === 1 ? [{ label: "Briefings", href: "/" }, { label: "Timeline" }] : [{ label: "Timeline", href: "/timeline/" }, { label: t.page > 1 ? `${what}, page ${t.page}` : what }])}
<header class="page-header">
<h1>${pageTitle}</h1>
<p class="standfirst">Claims across every briefing by the date of their article, newest first. <span class="claim-legend">Stated: said as fact; attributed: a source says so; hedged: qualified (“may”, “reportedly”).</span></p>
<p class="counts">${count(t.counts[t.filter], "claim")}${range}</p>
</header>
${filterNav(t)}
${t.claims.length ? byDate(t.claims) : html`<p class="empty">No ${t.filter === "all" ? "" : `${t.filter} `}claims yet.</p>`}
${pager(t.page, t.pages, (p) => timelineUrl(t.filter, p))}`;
  return layout({
    site: sitrep.site,
    title: pageTitle,
    description: `${what} in ${sitrep.site.title}, by date: ${count(t.counts[t.filter], "claim")}.`,
    path: timelineUrl(t.filter, t.page),
    section: "timeline",
    body,
    pageClass: `page-timeline page-timeline-${t.filter}`,
  });
}

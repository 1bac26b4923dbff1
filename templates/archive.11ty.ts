/**
 * `/archive/`: every briefing, newest first, `ARCHIVE_PAGE_SIZE` a page (`/archive/page/2/`, …): the
 * way from the home page (which lists only the latest) to the whole archive.
 */
import type { BriefingPage, SiteIndex } from "../src/site/index.js";
import { pageItems } from "../src/site/passes.js";
import { html, type SafeHtml } from "./lib/html.js";
import { count, formatDate, formatNumber } from "./lib/format.js";
import { briefingItem } from "./lib/briefing-item.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs, section } from "./lib/partials.js";
import { pager } from "./lib/pager.js";

export const ARCHIVE_PAGE_SIZE = 200;

export interface ArchivePage {
  /** 1-based. */
  page: number;
  pages: number;
  /** Briefings in the whole archive. */
  total: number;
  briefings: BriefingPage[];
}

interface Data {
  sitrep: SiteIndex;
  archive: ArchivePage;
}

export function archiveUrl(page = 1): string {
  return page > 1 ? `/archive/page/${page}/` : "/archive/";
}

/** The archive's pages; an archive with no briefings still gets its (empty) first page. */
export function archivePages(briefings: readonly BriefingPage[]): ArchivePage[] {
  const pages = Math.max(1, Math.ceil(briefings.length / ARCHIVE_PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => ({ page: i + 1, pages, total: briefings.length, briefings: briefings.slice(i * ARCHIVE_PAGE_SIZE, (i + 1) * ARCHIVE_PAGE_SIZE) }));
}

export const data = {
  pagination: {
    data: "sitrep.briefings",
    size: 1,
    alias: "archive",
    addAllPagesToCollections: false,
    before: pageItems("archive", archivePages),
  },
  permalink: (data: Data) => archiveUrl(data.archive.page),
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => data.archive;

export function render(data: Data): string {
  const { sitrep, archive: a } = data;
  const title = a.pages > 1 ? `All briefings (page ${a.page} of ${a.pages})` : "All briefings";
  const first = a.briefings[0];
  const last = a.briefings[a.briefings.length - 1];
  const from = (a.page - 1) * ARCHIVE_PAGE_SIZE + 1;
  const range = first && last ? html` · ${formatDate(first.briefing.date, first.meta.datePrecision)}${first.briefing.date !== last.briefing.date ? html` back to ${formatDate(last.briefing.date, last.meta.datePrecision)}` : ""}` : "";
  const body = html`${breadcrumbs(a.page === 1 ? [{ label: "Briefings", href: "/" }, { label: "All briefings" }] : [{ label: "Briefings", href: "/" }, { label: "All briefings", href: archiveUrl() }, { label: `Page ${a.page}` }])}
<header class="page-header">
<h1>${title}</h1>
<p class="standfirst">Every briefing in the archive by date, newest first.</p>
<p class="counts">${count(a.total, "briefing")}${range}</p>
</header>
${section(
  a.pages > 1 ? `Briefings ${formatNumber(from)}–${formatNumber(from + a.briefings.length - 1)}` : "Briefings",
  a.briefings.length ? html`<ol class="briefing-list">${a.briefings.map(briefingItem)}</ol>` : null,
  { id: "briefings", empty: "No briefings yet." },
)}
${pager(a.page, a.pages, archiveUrl)}`;
  return layout({
    site: sitrep.site,
    title,
    description: `Every briefing in ${sitrep.site.title}, newest first: ${count(a.total, "briefing")}.`,
    path: archiveUrl(a.page),
    section: "briefings",
    body,
    pageClass: "page-archive",
  });
}

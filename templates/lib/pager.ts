/** The pager of a paginated list (the timeline, the archive): newer, numbered pages, older. */
import { html, type SafeHtml } from "./html.js";

/**
 * The page numbers the pager links to: the first and the last, and the current one with two on each
 * side; `null` where numbers are left out (one left-out number is shown instead). A constant
 * number of links whatever the number of pages: linking every page made each page's pager as long
 * as the timeline (11,200 pages of all claims at 50,000 articles: 0.5 MB of links on each).
 */
export function pagerNumbers(page: number, pages: number): Array<number | null> {
  const shown = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const [i, p] of sorted.entries()) {
    const before = sorted[i - 1];
    if (before !== undefined && p - before === 2) out.push(p - 1);
    else if (before !== undefined && p - before > 2) out.push(null);
    out.push(p);
  }
  return out;
}

/** The pager of page `page` of `pages` (nothing for a single page); `url(p)` is page p's address. */
export function pager(page: number, pages: number, url: (page: number) => string): SafeHtml {
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="Pages"><ul>
${page > 1 ? html`<li><a href="${url(page - 1)}" rel="prev">Newer</a></li>` : ""}
${pagerNumbers(page, pages).map((p) =>
  p === null
    ? html`<li class="gap" aria-hidden="true">…</li>`
    : p === page
      ? html`<li><span aria-current="page">${String(p)}</span></li>`
      : html`<li><a href="${url(p)}">${String(p)}</a></li>`,
)}
${page < pages ? html`<li><a href="${url(page + 1)}" rel="next">Older</a></li>` : ""}
</ul></nav>`;
}

/**
 * `/search/`: full-text search with Pagefind's default UI, over briefings and entity pages (their
 * `<main data-pagefind-body>`), with filters by type, actor, base, location and outlet. The index is
 * written by `sitrep build` (src/site/search-index.ts; a large site's in shards, which /js/search.js
 * lists and merges); the UI is started by /js/search.js — no inline script, so the page's CSP stays
 * `script-src 'self' 'wasm-unsafe-eval'`.
 */
import type { SiteIndex } from "../src/site/index.js";
import { html } from "./lib/html.js";
import { layout } from "./lib/layout.js";
import { breadcrumbs } from "./lib/partials.js";

interface Data {
  sitrep: SiteIndex;
}

export const data = {
  permalink: "/search/",
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  const { sitrep } = data;
  const elsewhere = html`<ul class="quick-links">
<li><a href="/">Latest briefings</a></li>
<li><a href="/timeline/">Timeline of claims</a></li>
<li><a href="/actors/">Actors</a></li>
<li><a href="/bases/">Military bases</a></li>
<li><a href="/locations/">Locations</a></li>
<li><a href="/sources/">Sources</a></li>
<li><a href="/map/">Map</a></li>
</ul>`;
  const body = html`${breadcrumbs([{ label: "Briefings", href: "/" }, { label: "Search" }])}
<header class="page-header">
<h1>Search</h1>
<p class="standfirst">Search the text of every briefing and every actor, base, location and source page. Narrow the results by actor, base, location or outlet.</p>
</header>
<div id="search" class="search-ui"></div>
<div id="search-fallback" class="search-fallback">
<p id="search-missing" class="notice" hidden>The search index is missing: it is written by <code>sitrep build</code> (the development server does not build it).</p>
<noscript><p class="notice">Search runs in your browser and needs JavaScript. Everything is also reachable without it:</p></noscript>
<p class="note">Browse the archive:</p>
${elsewhere}
</div>`;
  return layout({
    site: sitrep.site,
    title: "Search",
    description: `Search the briefings, actors, bases, locations and sources of ${sitrep.site.title}.`,
    path: "/search/",
    section: "search",
    body,
    pageClass: "page-search search-page",
    styles: ["/pagefind/pagefind-ui.css"],
    scripts: ["/pagefind/pagefind-ui.js", "/js/search.js"],
  });
}

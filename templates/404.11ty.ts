/** `/404.html`: what the server shows for a page that does not exist. */
import type { SiteIndex } from "../src/site/index.js";
import { html } from "./lib/html.js";
import { layout } from "./lib/layout.js";

interface Data {
  sitrep: SiteIndex;
}

export const data = {
  permalink: "/404.html",
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  const body = html`<header class="page-header">
<p class="kicker">Error 404</p>
<h1>Page not found</h1>
<p class="standfirst">There is no page at this address. It may have been renamed when the archive was rebuilt.</p>
</header>
<ul class="quick-links">
<li><a href="/">Latest briefings</a></li>
<li><a href="/actors/">Actors</a></li>
<li><a href="/bases/">Military bases</a></li>
<li><a href="/locations/">Locations</a></li>
<li><a href="/sources/">Sources</a></li>
<li><a href="/search/">Search</a></li>
</ul>`;
  return layout({ site: data.sitrep.site, title: "Page not found", section: null, body, pageClass: "page-404" });
}

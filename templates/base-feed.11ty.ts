/** `/bases/<id>/feed.xml`: Atom feed of the briefings that mention one military base. */
import { pageItems } from "../src/site/passes.js";
import type { LocationPage, SiteIndex } from "../src/site/index.js";
import { atomFeed, briefingsFor } from "../src/site/feeds.js";

interface Data {
  sitrep: SiteIndex;
  base: LocationPage;
}

export const data = {
  pagination: { data: "sitrep.bases", size: 1, alias: "base", addAllPagesToCollections: false, before: pageItems("base-feed") },
  permalink: (data: Data) => `${data.base.url}feed.xml`,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => [data.base, briefingsFor(data.sitrep, data.base.articles)];

export function render(data: Data): string {
  const { sitrep, base } = data;
  return atomFeed(sitrep.site, {
    title: `${base.name} — ${sitrep.site.title}`,
    subtitle: `Briefings that mention ${base.name}.`,
    path: `${base.url}feed.xml`,
    htmlPath: base.url,
    entries: briefingsFor(sitrep, base.articles),
  });
}

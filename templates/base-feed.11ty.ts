/** `/bases/<id>/feed.xml`: Atom feed of the latest briefings (src/site/feeds.ts `LATEST_BRIEFINGS`) that mention one military base. */
import { pageItems } from "../src/site/passes.js";
import type { LocationPage, SiteIndex } from "../src/site/index.js";
import { atomFeed, briefingsFor, latest } from "../src/site/feeds.js";

interface Data {
  sitrep: SiteIndex;
  base: LocationPage;
}

export const data = {
  pagination: { data: "sitrep.bases", size: 1, alias: "base", addAllPagesToCollections: false, before: pageItems("base-feed") },
  permalink: (data: Data) => `${data.base.url}feed.xml`,
  eleventyExcludeFromCollections: true,
};

/**
 * What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page
 * not rendered again): the base's name and URL and the briefings the feed carries, so an edit of an
 * older briefing that mentions it, or of what its page shows, leaves the feed as it is.
 */
export const inputs = (data: Data) => [{ name: data.base.name, url: data.base.url }, latest(briefingsFor(data.sitrep, data.base.articles))];

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

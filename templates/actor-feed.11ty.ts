/** `/actors/<id>/feed.xml`: Atom feed of the latest briefings (src/site/feeds.ts `LATEST_BRIEFINGS`) that mention one actor. */
import { pageItems } from "../src/site/passes.js";
import type { ActorPage, SiteIndex } from "../src/site/index.js";
import { atomFeed, briefingsFor, latest } from "../src/site/feeds.js";

interface Data {
  sitrep: SiteIndex;
  actor: ActorPage;
}

export const data = {
  pagination: { data: "sitrep.actors", size: 1, alias: "actor", addAllPagesToCollections: false, before: pageItems("actor-feed") },
  permalink: (data: Data) => `${data.actor.url}feed.xml`,
  eleventyExcludeFromCollections: true,
};

/**
 * What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page
 * not rendered again): the actor's name and URL and the briefings the feed carries, so an edit of an
 * older briefing that mentions it, or of what its page shows, leaves the feed as it is.
 */
export const inputs = (data: Data) => [{ name: data.actor.name, url: data.actor.url }, latest(briefingsFor(data.sitrep, data.actor.articles))];

export function render(data: Data): string {
  const { sitrep, actor } = data;
  return atomFeed(sitrep.site, {
    title: `${actor.name} — ${sitrep.site.title}`,
    subtitle: `Briefings that mention ${actor.name}.`,
    path: `${actor.url}feed.xml`,
    htmlPath: actor.url,
    entries: briefingsFor(sitrep, actor.articles),
  });
}

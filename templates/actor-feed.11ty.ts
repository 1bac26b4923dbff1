/** `/actors/<id>/feed.xml`: Atom feed of the briefings that mention one actor. */
import { pageItems } from "../src/site/passes.js";
import type { ActorPage, SiteIndex } from "../src/site/index.js";
import { atomFeed, briefingsFor } from "../src/site/feeds.js";

interface Data {
  sitrep: SiteIndex;
  actor: ActorPage;
}

export const data = {
  pagination: { data: "sitrep.actors", size: 1, alias: "actor", addAllPagesToCollections: false, before: pageItems("actor-feed") },
  permalink: (data: Data) => `${data.actor.url}feed.xml`,
  eleventyExcludeFromCollections: true,
};

/** What the page shows besides the site's settings (src/site/incremental.ts: unchanged inputs, page not rendered again). */
export const inputs = (data: Data) => [data.actor, briefingsFor(data.sitrep, data.actor.articles)];

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

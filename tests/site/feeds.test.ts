/** Feeds and sitemap (src/site/feeds.ts), on a hand-made index. */
import { describe, expect, it } from "vitest";
import { absolute, atomFeed, briefingsFor, jsonFeed, LATEST_BRIEFINGS, PLACEHOLDER_URL, rfc3339, siteFeedSpec, sitemap } from "../../src/site/feeds.js";
import { defaultSiteMeta, type BriefingPage, type SiteIndex } from "../../src/site/index.js";

function briefing(id: string, date: string, summary: string): BriefingPage {
  return {
    id,
    url: `/briefings/${id}/`,
    briefing: { id, title: `Title of ${id} <&>`, date, outlet: { name: "CNN", domain: "www.cnn.com" }, url: null, summary } as unknown as BriefingPage["briefing"],
    meta: { datePrecision: "day", license: null, licenseUrl: null, attribution: null } as unknown as BriefingPage["meta"],
    path: `articles/${id}.md`,
    blocks: [],
    claims: [],
    actors: [{ id: "russia", name: "Russia", url: "/actors/russia/" }],
    locations: [],
    sources: [],
  };
}

const site = { ...defaultSiteMeta, url: "https://sitrep.example" };
const index = {
  site,
  briefings: [briefing("b", "2024-12-15", "Newer & better."), briefing("a", "2024-11", "Older.")],
  actors: [],
  bases: [],
  locations: [],
  sources: [],
  claims: [],
  collisions: [],
} as unknown as SiteIndex;

describe("feeds", () => {
  it("dates come from the articles, never the clock", () => {
    expect(rfc3339("2024-12-15")).toBe("2024-12-15T00:00:00Z");
    expect(rfc3339("2024-12")).toBe("2024-12-01T00:00:00Z");
    expect(rfc3339("2024")).toBe("2024-01-01T00:00:00Z");
  });

  it("Atom: newest first, absolute ids, escaped text, updated = newest entry", () => {
    const xml = atomFeed(site, siteFeedSpec(index));
    expect(xml).toBe(atomFeed(site, siteFeedSpec(index)));
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://sitrep.example/feed.xml"/>');
    expect(xml).toContain("<updated>2024-12-15T00:00:00Z</updated>");
    expect(xml.indexOf("/briefings/b/")).toBeLessThan(xml.indexOf("/briefings/a/"));
    expect(xml).toContain("<id>https://sitrep.example/briefings/b/</id>");
    expect(xml).toContain("<title>Title of b &lt;&amp;&gt;</title>");
    expect(xml).toContain('<content type="text">Newer &amp; better.</content>');
    expect(xml).not.toMatch(/<&>/);
  });

  it("JSON Feed 1.1 with the summary as content", () => {
    const feed = JSON.parse(jsonFeed(site, siteFeedSpec(index, "/feed.json")));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("https://sitrep.example/feed.json");
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(["https://sitrep.example/briefings/b/", "https://sitrep.example/briefings/a/"]);
    expect(feed.items[0].content_text).toBe("Newer & better.");
    expect(feed.items[1].date_published).toBe("2024-11-01T00:00:00Z");
  });

  it("entity feeds list only the briefings that mention it, newest first", () => {
    const refs = [{ id: "a" }, { id: "b" }] as never;
    expect(briefingsFor(index, refs).map((b) => b.id)).toEqual(["b", "a"]);
    expect(briefingsFor(index, [{ id: "a" }] as never).map((b) => b.id)).toEqual(["a"]);
  });

  it("carry the newest LATEST_BRIEFINGS entries of a longer list, updated = the newest's date", () => {
    // Newest first, one a day back from 2024-12-31.
    const many = Array.from({ length: LATEST_BRIEFINGS + 10 }, (_, i) => briefing(`n${i}`, new Date(Date.UTC(2024, 11, 31 - i)).toISOString().slice(0, 10), `Summary ${i}.`));
    const big = { ...index, briefings: many } as SiteIndex;
    const newest = many.slice(0, LATEST_BRIEFINGS).map((b) => `https://sitrep.example${b.url}`);
    const xml = atomFeed(site, siteFeedSpec(big));
    expect(Array.from(xml.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g), (m) => m[1])).toEqual(newest);
    expect(xml.match(/<updated>[^<]+<\/updated>/)![0]).toBe("<updated>2024-12-31T00:00:00Z</updated>");
    const feed = JSON.parse(jsonFeed(site, siteFeedSpec(big, "/feed.json")));
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(newest);
    // An entity feed gets the whole list of the briefings that name it; the feed keeps the newest.
    const entity = atomFeed(site, { title: "Russia", subtitle: "", path: "/actors/russia/feed.xml", htmlPath: "/actors/russia/", entries: briefingsFor(big, many.map((b) => ({ id: b.id })) as never) });
    expect(entity.match(/<entry>/g)).toHaveLength(LATEST_BRIEFINGS);
  });

  it("falls back to the documented placeholder without site.url", () => {
    expect(absolute(defaultSiteMeta, "/feed.xml")).toBe(`${PLACEHOLDER_URL}/feed.xml`);
  });

  it("sitemap: sorted, deduplicated, absolute", () => {
    const xml = sitemap(site, ["/b/", "/", "/b/"]);
    expect(xml.match(/<loc>[^<]*<\/loc>/g)).toEqual(["<loc>https://sitrep.example/</loc>", "<loc>https://sitrep.example/b/</loc>"]);
  });
});

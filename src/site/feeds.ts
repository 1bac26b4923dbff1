/**
 * Feeds and the sitemap, from the site index: an Atom feed and a JSON Feed (1.1) of the latest
 * briefings, Atom feeds of the latest briefings that mention one actor or one base, and
 * `sitemap.xml`. Plain string builders, no dependency: entries are briefings, newest first, with the
 * summary as content. A feed carries the newest `LATEST_BRIEFINGS` entries (RFC 4287 does not ask a
 * feed to hold the whole archive), so no feed grows with the archive.
 *
 * Deterministic: ids are the briefings' absolute URLs, dates are the articles' dates (midnight UTC;
 * an article dated to the month is dated to its first day), and a feed's `updated` is its newest
 * entry's date — never the build time. Absolute URLs use `site.url` (content/site.yml) or, when it
 * is not set, `PLACEHOLDER_URL`.
 */
import type { ArticleRef, BriefingPage, SiteIndex, SiteMeta } from "./index.js";

/** Base URL used when content/site.yml sets no `url` (feeds need absolute URLs). */
export const PLACEHOLDER_URL = "http://localhost:8080";

export function baseUrl(site: SiteMeta): string {
  return (site.url ?? PLACEHOLDER_URL).replace(/\/+$/, "");
}

export function absolute(site: SiteMeta, path: string): string {
  return baseUrl(site) + (path.startsWith("/") ? path : `/${path}`);
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials escaped.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** RFC 3339 timestamp of an article date ("2024-12", "2024-12-15" → "2024-12-15T00:00:00Z"). */
export function rfc3339(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.trim());
  if (!m) return "1970-01-01T00:00:00Z";
  return `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}T00:00:00Z`;
}

/**
 * How many briefings the home page lists and each feed (the site's Atom and JSON Feed, every actor
 * and base feed) carries: the newest ones. The home page links the archive of all of them
 * (templates/archive.11ty.ts).
 */
export const LATEST_BRIEFINGS = 50;

/** The newest `LATEST_BRIEFINGS` of a newest-first list (the list itself when it is no longer). */
export function latest<T>(items: readonly T[]): readonly T[] {
  return items.length > LATEST_BRIEFINGS ? items.slice(0, LATEST_BRIEFINGS) : items;
}

export interface FeedSpec {
  /** Feed title. */
  title: string;
  subtitle: string;
  /** Site-relative path of the feed itself and of the page it follows. */
  path: string;
  htmlPath: string;
  /** Newest first; the feed carries the first `LATEST_BRIEFINGS` of them. */
  entries: readonly BriefingPage[];
}

/** The briefings of the index that a list of article refs names, in the index's order (newest first); an entity feed carries the `latest` of them. */
export function briefingsFor(index: SiteIndex, articles: readonly ArticleRef[]): BriefingPage[] {
  const at = positions(index);
  const found = new Set<number>();
  for (const a of articles) {
    const i = at.get(a.id);
    if (i !== undefined) found.add(i);
  }
  return [...found].sort((x, y) => x - y).map((i) => index.briefings[i]!);
}

/**
 * Position of each briefing in the index, by id (once per index: every actor and base feed asks).
 * Keyed by the briefings array: Eleventy hands each page the index behind a new Proxy, the arrays as they are.
 */
const briefingPositions = new WeakMap<readonly BriefingPage[], Map<string, number>>();

function positions(index: SiteIndex): Map<string, number> {
  let m = briefingPositions.get(index.briefings);
  if (!m) {
    m = new Map();
    for (const [i, b] of index.briefings.entries()) if (!m.has(b.id)) m.set(b.id, i);
    briefingPositions.set(index.briefings, m);
  }
  return m;
}

/** A briefing's Atom entry, made once per briefing and base URL (the site feed and every actor and base feed repeat it). */
const atomEntries = new WeakMap<BriefingPage, { base: string; xml: string }>();

function atomEntry(site: SiteMeta, page: BriefingPage): string {
  const base = baseUrl(site);
  const known = atomEntries.get(page);
  if (known && known.base === base) return known.xml;
  const b = page.briefing;
  const url = absolute(site, page.url);
  const xml = `  <entry>
    <title>${escapeXml(b.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <id>${escapeXml(url)}</id>
    <published>${rfc3339(b.date)}</published>
    <updated>${rfc3339(b.date)}</updated>
${b.outlet ? `    <author><name>${escapeXml(b.outlet.name)}</name></author>\n` : ""}${page.actors.map((a) => `    <category term="${escapeXml(a.id)}" label="${escapeXml(a.name)}"/>\n`).join("")}    <summary type="text">${escapeXml(b.summary)}</summary>
    <content type="text">${escapeXml(b.summary)}</content>
  </entry>`;
  atomEntries.set(page, { base, xml });
  return xml;
}

export function siteFeedSpec(index: SiteIndex, path = "/feed.xml"): FeedSpec {
  return { title: index.site.title, subtitle: index.site.description, path, htmlPath: "/", entries: index.briefings };
}

/** Atom feed of the spec's newest `LATEST_BRIEFINGS` entries; `updated` is the newest entry's date. */
export function atomFeed(site: SiteMeta, spec: FeedSpec): string {
  const shown = latest(spec.entries);
  const updated = shown[0] ? rfc3339(shown[0].briefing.date) : "1970-01-01T00:00:00Z";
  const entries = shown.map((page) => atomEntry(site, page));
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language || "en")}">
  <title>${escapeXml(spec.title)}</title>
  <subtitle>${escapeXml(spec.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absolute(site, spec.path))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absolute(site, spec.htmlPath))}"/>
  <id>${escapeXml(absolute(site, spec.path))}</id>
  <updated>${updated}</updated>
  <author><name>${escapeXml(site.title)}</name></author>
  <generator>sitrep</generator>
${entries.join("\n")}${entries.length ? "\n" : ""}</feed>
`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the spec's newest `LATEST_BRIEFINGS` entries. */
export function jsonFeed(site: SiteMeta, spec: FeedSpec): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: spec.title,
    description: spec.subtitle,
    home_page_url: absolute(site, spec.htmlPath),
    feed_url: absolute(site, spec.path),
    language: site.language || "en",
    authors: [{ name: site.title }],
    items: latest(spec.entries).map((page) => {
      const b = page.briefing;
      const url = absolute(site, page.url);
      return {
        id: url,
        url,
        title: b.title,
        content_text: b.summary,
        summary: b.summary,
        date_published: rfc3339(b.date),
        ...(b.outlet ? { authors: [{ name: b.outlet.name }] } : {}),
        ...(b.url && /^https?:\/\//.test(b.url) ? { external_url: b.url } : {}),
        tags: page.actors.map((a) => a.name),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** `sitemap.xml` of the given site-relative page paths (sorted, deduplicated). */
export function sitemap(site: SiteMeta, paths: readonly string[]): string {
  const urls = [...new Set(paths)].sort().map((p) => `  <url><loc>${escapeXml(absolute(site, p))}</loc></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}${urls.length ? "\n" : ""}</urlset>
`;
}

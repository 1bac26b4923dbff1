/**
 * The home page and the feeds show the latest LATEST_BRIEFINGS briefings (src/site/feeds.ts), on the
 * site fixture plus enough older articles that there are more briefings than that, and more that
 * name Russia and Khmeimim Air Base:
 * - the home page lists the newest LATEST_BRIEFINGS, newest first, then says how many there are and
 *   links the archive, which lists every briefing, ARCHIVE_PAGE_SIZE a page;
 * - `/feed.xml`, `/feed.json` and the actor and base feeds carry the newest LATEST_BRIEFINGS entries,
 *   newest first, and the feed's `updated` is the newest entry's date;
 * - page keys (src/site/incremental.ts): an edit of a briefing older than the latest leaves an actor
 *   feed's key and bytes as they were, an edit of one of the latest changes both, and every page
 *   whose key stays renders to the same bytes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../helpers/shared.js";
import { loadSite } from "../../src/site/build.js";
import { LATEST_BRIEFINGS, rfc3339 } from "../../src/site/feeds.js";
import type { SiteIndex } from "../../src/site/index.js";
import { planRender } from "../../src/site/incremental.js";
import { loadTemplates, outputPath, pageEntries, pageTable, type Template } from "../../src/site/pages.js";
import { ARCHIVE_PAGE_SIZE } from "../../templates/archive.11ty.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
/** Older than every fixture article (2024-12), one a day from 2023-01-01: older-0 is the oldest. */
const EXTRA = LATEST_BRIEFINGS + 5;

let content: string;
let templates: Template[];

function olderArticle(i: number): string {
  const date = new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
  return `---
title: Older briefing ${i}
date: ${date}
outlet: Example Wire
---

Russian aircraft left Khmeimim Air Base on day ${i}, officials said. Russia said the flights were routine.
`;
}

const rewrite = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, "utf8")));

/** The site's keys and pages over the content as it now is. */
function version(dir: string) {
  const { index } = loadSite(dir);
  const plan = planRender(pageEntries(templates, index), index, { cacheDir: null, previousDir: null });
  const table = pageTable(templates, index);
  return {
    index,
    keys: new Map(plan.pages.map((p) => [p.path, p.key])),
    render: (url: string) => table.get(url)!(),
    byPath: new Map([...table].map(([url, render]) => [outputPath(url), render])),
  };
}

beforeAll(async () => {
  content = join(mkdtempSync(join(tmpdir(), "sitrep-latest-")), "content");
  cpSync(fixture, content, { recursive: true });
  for (let i = 0; i < EXTRA; i++) writeFileSync(join(content, "articles", `older-${i}.md`), olderArticle(i));
  templates = await loadTemplates();
});

const listedOn = (html: string) => Array.from(html.matchAll(/<li class="briefing-item">\s*<article aria-labelledby="b-[^"]+">\s*<h3 id="[^"]+"><a href="([^"]+)"/g), (m) => m[1]);
const atomIds = (xml: string) => Array.from(xml.matchAll(/<entry>\s*<title>[^<]*<\/title>\s*<link[^>]*\/>\s*<id>([^<]+)<\/id>/g), (m) => new URL(m[1]!).pathname);
const mentioning = (index: SiteIndex, id: string) => index.briefings.filter((b) => b.actors.some((a) => a.id === id) || b.locations.some((l) => l.id === id)).map((b) => b.url);

describe("the latest briefings", () => {
  it("home page: the newest LATEST_BRIEFINGS, newest first, and where the others are", () => {
    const { index, render } = version(content);
    expect(index.briefings.length).toBe(6 + EXTRA);
    const home = render("/");
    expect(listedOn(home)).toEqual(index.briefings.slice(0, LATEST_BRIEFINGS).map((b) => b.url));
    expect(home).not.toContain('href="/briefings/older-0/"');
    expect(home).toContain(`The newest ${LATEST_BRIEFINGS} of ${index.briefings.length} briefings are shown.`);
    for (const href of ["/archive/", "/timeline/", "/search/"]) expect(home).toContain(`<a href="${href}">`);
  });

  it("the archive lists every briefing, newest first, ARCHIVE_PAGE_SIZE a page, with a pager", () => {
    const { index, render } = version(content);
    expect(listedOn(render("/archive/"))).toEqual(index.briefings.map((b) => b.url));
    // Repeated (with ids of their own) past two pages.
    const copies = Math.ceil((2 * ARCHIVE_PAGE_SIZE + 1) / index.briefings.length);
    const briefings = Array.from({ length: copies }, (_, k) => index.briefings.map((b) => ({ ...b, id: `${b.id}-${k}`, url: `/briefings/${b.id}-${k}/` }))).flat();
    const big = { ...index, briefings } as SiteIndex;
    const archive = templates.find((t) => t.name.startsWith("archive."))!;
    const pages = pageEntries([archive], big);
    expect(pages.map((p) => p.url)).toEqual(["/archive/", "/archive/page/2/", "/archive/page/3/"]);
    const html = pages.map((p) => archive.module.render(p.data as never));
    expect(html.flatMap(listedOn)).toEqual(briefings.map((b) => b.url));
    expect(listedOn(html[0]!)).toHaveLength(ARCHIVE_PAGE_SIZE);
    expect(html[0]).toContain('<a href="/archive/page/2/" rel="next">Older</a>');
    expect(html[1]).toContain('<a href="/archive/" rel="prev">Newer</a>');
    expect(html[2]).not.toContain('rel="next"');
  });

  it("site feeds: the newest LATEST_BRIEFINGS entries, updated = the newest's date", () => {
    const { index, render } = version(content);
    const newest = index.briefings.slice(0, LATEST_BRIEFINGS).map((b) => b.url);
    const atom = render("/feed.xml");
    expect(atomIds(atom)).toEqual(newest);
    expect(/<\/generator>\n  <entry>/.test(atom)).toBe(true);
    expect(atom.match(/<updated>[^<]+<\/updated>/)![0]).toBe(`<updated>${rfc3339(index.briefings[0]!.briefing.date)}</updated>`);
    const json = JSON.parse(render("/feed.json")) as { items: Array<{ url: string; date_published: string }> };
    expect(json.items.map((i) => new URL(i.url).pathname)).toEqual(newest);
    expect(json.items[0]!.date_published).toBe(rfc3339(index.briefings[0]!.briefing.date));
  });

  it("actor and base feeds: the newest LATEST_BRIEFINGS that name the entity", () => {
    const { index, render } = version(content);
    for (const [url, id] of [["/actors/russia/feed.xml", "russia"], ["/bases/khmeimim-air-base/feed.xml", "khmeimim-air-base"]] as const) {
      const all = mentioning(index, id);
      expect(all.length, id).toBeGreaterThan(LATEST_BRIEFINGS);
      expect(atomIds(render(url)), url).toEqual(all.slice(0, LATEST_BRIEFINGS));
    }
  });
});

describe("keys of the capped feeds", () => {
  const feed = "actors/russia/feed.xml";

  // Edited in place: a briefing's key holds its file's path, so a copy elsewhere changes every key.
  function compare(edit: (dir: string) => void) {
    const edited = join(mkdtempSync(join(tmpdir(), "sitrep-latest-edit-")), "content");
    cpSync(content, edited, { recursive: true });
    const before = version(edited);
    edit(edited);
    const after = version(edited);
    let same = 0;
    for (const [path, key] of before.keys) {
      if (after.keys.get(path) !== key) continue;
      same++;
      expect(after.byPath.get(path)!(), `${path}: same key, different page`).toBe(before.byPath.get(path)!());
    }
    expect(same).toBeGreaterThan(10);
    return { before, after };
  }

  it("an edit of a briefing older than the latest leaves the feed as it was", () => {
    const { before, after } = compare((dir) => rewrite(join(dir, "articles", "older-0.md"), (t) => t.replace("title: Older briefing 0", "title: The oldest briefing, retitled")));
    // The edit reached the actor (its page lists the article) but not the feed.
    expect(after.keys.get("actors/russia/index.html")).not.toBe(before.keys.get("actors/russia/index.html"));
    expect(after.keys.get(feed)).toBe(before.keys.get(feed));
    expect(after.render("/actors/russia/feed.xml")).toBe(before.render("/actors/russia/feed.xml"));
  });

  it("an edit of one of the latest renders the feed again", () => {
    const { before, after } = compare((dir) => rewrite(join(dir, "articles", "jets-leave-hmeimim.md"), (t) => t.replace("title: Jets leave Hmeimim", "title: Jets leave Hmeimim, retitled")));
    expect(after.keys.get(feed)).not.toBe(before.keys.get(feed));
    expect(after.render("/actors/russia/feed.xml")).toContain("Jets leave Hmeimim, retitled");
  });
});

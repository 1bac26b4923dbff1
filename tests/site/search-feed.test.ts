/**
 * The search feed's waiting pages (src/site/search-index.ts `OrderedFeed`, src/util/spill.ts): pages
 * rendered before their turn wait, in memory up to a budget and in a temporary file past it, and
 * Pagefind still gets every page once, in URL order, with the same search view. Pages reach the
 * feed from the layout as their templates make them (src/site/rendered.ts), once each.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { OrderedFeed, searchView, type SearchIndex } from "../../src/site/search-index.js";
import { pageRendered, pageWritten, provideRendered, renderedPassStarts } from "../../src/site/rendered.js";
import { defaultSiteMeta } from "../../src/site/index.js";
import { html } from "../../templates/lib/html.js";
import { layout } from "../../templates/lib/layout.js";
import { SpillMap } from "../../src/util/spill.js";
import { searchOrder } from "../../src/site/build.js";

const spillDirs = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith("sitrep-spill-")));

describe("SpillMap", () => {
  it("keeps values within the budget in memory and the rest in a file, and gives each back once", () => {
    const before = spillDirs();
    const map = new SpillMap(10);
    map.set("a", "12345");
    map.set("b", "ünïcødé and more than ten bytes");
    map.set("c", "six!!!");
    expect(map.stats).toMatchObject({ mostWaiting: 3, spilled: 2 });
    const made = [...spillDirs()].filter((d) => !before.has(d));
    expect(made).toHaveLength(1);
    expect(map.take("b")).toBe("ünïcødé and more than ten bytes");
    expect(map.take("b")).toBeUndefined();
    expect(map.take("a")).toBe("12345");
    // Freed memory takes values again.
    map.set("d", "1234567890");
    expect(map.stats.spilled).toBe(2);
    expect(map.take("c")).toBe("six!!!");
    expect(map.take("d")).toBe("1234567890");
    map.close();
    expect(existsSync(`${tmpdir()}/${made[0]}`)).toBe(false);
  });

  it("replacing a value counts it once", () => {
    const map = new SpillMap(100);
    map.set("a", "x".repeat(60));
    map.set("a", "y".repeat(60));
    expect(map.stats.spilled).toBe(0);
    expect(map.take("a")).toBe("y".repeat(60));
    map.close();
  });
});

describe("OrderedFeed", () => {
  const page = (n: number) => `<!doctype html><html lang="en"><head><title>Page ${n}</title></head><body><nav>menu</nav><main data-pagefind-body><h1>Page ${n}</h1><p>${"text ".repeat(n)}</p></main></body></html>`;
  const urls = Array.from({ length: 40 }, (_, i) => `/p/${String(i).padStart(2, "0")}/`);

  async function feedInReverse(budget: number) {
    const added: Array<[string, string]> = [];
    const search: SearchIndex = {
      async add(url, view) {
        added.push([url, view]);
      },
      endShard: async () => undefined,
      settled: async () => added.length,
      write: async () => undefined,
      close: async () => undefined,
    };
    const feed = new OrderedFeed(search, urls, () => null, budget);
    // The last page first: every other page waits for the first.
    for (let i = urls.length - 1; i >= 0; i--) feed.arrive(urls[i]!, page(i));
    await feed.finish();
    return { added, stats: feed.stats };
  }

  it("hands every page to the index once, in URL order, whether its view waited in memory or in a file", async () => {
    const before = spillDirs();
    const inMemory = await feedInReverse(64 << 20);
    const inFile = await feedInReverse(200);
    expect(inMemory.stats.spilled).toBe(0);
    expect(inFile.stats.spilled).toBeGreaterThan(30);
    expect(inFile.stats.mostWaiting).toBe(urls.length);
    expect(inMemory.added.map(([u]) => u)).toEqual(urls);
    expect(inFile.added).toEqual(inMemory.added);
    expect(inMemory.added[7]![1]).toBe(searchView(page(7)));
    // The file is gone once the feed is done.
    expect([...spillDirs()].filter((d) => !before.has(d))).toEqual([]);
  });

  it("a page that never comes fails the feed, and its waiting file is removed", async () => {
    const before = spillDirs();
    const search: SearchIndex = { add: async () => undefined, endShard: async () => undefined, settled: async () => 0, write: async () => undefined, close: async () => undefined };
    const feed = new OrderedFeed(search, urls, () => null, 0);
    for (const url of urls.slice(1)) feed.arrive(url, page(1));
    await expect(feed.finish()).rejects.toThrow(/\/p\/00\/ was expected but never rendered/);
    expect([...spillDirs()].filter((d) => !before.has(d))).toEqual([]);
  });
});

describe("pages handed to the search index as they render", () => {
  function collect() {
    const got: Array<[string, string]> = [];
    provideRendered((url, page) => got.push([url, page]));
    return got;
  }

  it("the layout hands over each page it makes, a page without search as an empty page", () => {
    const got = collect();
    try {
      const searched = layout({ site: defaultSiteMeta, title: "An actor", path: "/actors/a/", section: "actors", body: html`<p>Body</p>`, search: { type: ["Actor"] } });
      const timeline = layout({ site: defaultSiteMeta, title: "Timeline", path: "/timeline/", section: "timeline", body: html`<p>Long</p>` });
      layout({ site: defaultSiteMeta, title: "No path", section: null, body: html`<p>x</p>` });
      expect(searched).toContain("data-pagefind-body");
      expect(timeline).not.toContain("data-pagefind-body");
      expect(got).toEqual([
        ["/actors/a/", searched],
        ["/timeline/", ""],
      ]);
    } finally {
      provideRendered(null);
    }
  });

  it("Eleventy's transform hands over only the pages the layout did not, and a new pass starts afresh", () => {
    const got = collect();
    try {
      pageRendered("/a/", "from the layout", true);
      pageWritten("/a/", "from the transform");
      pageWritten("/404.html", "not made by a layout with a path");
      pageRendered("/a/", "again in the same pass", true);
      renderedPassStarts();
      pageWritten("/a/", "next pass");
      expect(got).toEqual([
        ["/a/", "from the layout"],
        ["/404.html", "not made by a layout with a path"],
        ["/a/", "next pass"],
      ]);
    } finally {
      provideRendered(null);
    }
    pageRendered("/b/", "no build is listening", true);
    expect(got).toHaveLength(3);
  });

  it("the feed drops a page it does not expect and one that already had its turn", async () => {
    const added: string[] = [];
    const search: SearchIndex = { add: async (url) => void added.push(url), endShard: async () => undefined, settled: async () => added.length, write: async () => undefined, close: async () => undefined };
    const page = `<html lang="en"><main data-pagefind-body><p>x</p></main></html>`;
    const feed = new OrderedFeed(search, ["/a/", "/b/"], () => null, 1 << 20);
    feed.arrive("/a/", page);
    feed.arrive("/elsewhere/", page);
    await new Promise((r) => setTimeout(r, 20));
    feed.arrive("/a/", page);
    feed.arrive("/b/", page);
    await feed.finish();
    expect(added).toEqual(["/a/", "/b/"]);
    expect(feed.stats.mostWaiting).toBe(1);
  });
});

describe("where the briefings' shard may end", () => {
  const page = (template: string, url: string) => ({ template: `${template}.11ty.js`, url });

  it("searchOrder breaks where the briefings begin and end, and leaves the feeds out", () => {
    const pages = [page("briefing", "/briefings/b/"), page("briefing", "/briefings/a/"), page("actor", "/actors/x/"), page("actor-feed", "/actors/x/feed.xml"), page("index", "/")];
    const paginated = new Set(["/briefings/b/", "/briefings/a/", "/actors/x/", "/actors/x/feed.xml"]);
    expect(searchOrder(pages, paginated)).toEqual({ order: ["/briefings/b/", "/briefings/a/", "/actors/x/", "/"], breaks: [2] });
    expect(searchOrder([page("actor", "/actors/x/"), ...pages.slice(0, 2), page("index", "/")], paginated).breaks).toEqual([1, 3]);
    // Nothing after the briefings, or no briefings: no break.
    expect(searchOrder(pages.slice(0, 2), paginated).breaks).toEqual([]);
    expect(searchOrder(pages.slice(2), paginated).breaks).toEqual([]);
  });

  it("the feed offers to end the shard once at each break, before the page there", async () => {
    const calls: string[] = [];
    const search: SearchIndex = {
      add: async (url) => void calls.push(url),
      endShard: async () => void calls.push("end"),
      settled: async () => 0,
      write: async () => undefined,
      close: async () => undefined,
    };
    const urls = ["/a/", "/b/", "/c/"];
    const feed = new OrderedFeed(search, urls, () => null, 1 << 20, new Set([2]));
    // /c/ comes first and waits: the break is still offered once.
    feed.arrive("/c/", "<html><main data-pagefind-body>c</main></html>");
    feed.arrive("/a/", "<html><main data-pagefind-body>a</main></html>");
    await new Promise((r) => setTimeout(r, 20));
    feed.arrive("/b/", "<html><main data-pagefind-body>b</main></html>");
    await feed.finish();
    expect(calls).toEqual(["/a/", "/b/", "end", "/c/"]);
  });
});

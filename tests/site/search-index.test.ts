/**
 * The search index (src/site/search-index.ts): Pagefind gets each page's search view, not the whole
 * page, and a large site's index comes in shards.
 * - The search view gives Pagefind exactly what the whole page gives it: the fixture site's pages
 *   indexed both ways make the same index files, byte for byte.
 * - A site indexed in shards (a tiny SITREP_SEARCH_SHARD_BYTES) has every indexed page in exactly
 *   one shard, and the list of shards the search page merges names each shard's bundle. The
 *   briefings end their shard once they weigh an eighth of the budget.
 * - Pages that wait for their turn in a file (SITREP_SEARCH_WAIT_BYTES=0) make the same site.
 * The browser side (the same results from a sharded index) is in tests/browser/search.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { sitrep } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { hashTree } from "../helpers/tree.js";
import { BUNDLES_FILE, openSearchIndex, searchView } from "../../src/site/search-index.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
let whole: string;
let sharded: string;
let waited: string;
/** What the build with no memory for waiting pages says about them (SITREP_STATS). */
let waitedLine: string;

/** Every HTML page of a built site: [url, html], in URL order. */
function pages(site: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "pagefind") walk(path);
      } else if (name.endsWith(".html")) {
        const rel = relative(site, path).split(sep).join("/");
        out.push([`/${rel.replace(/(^|\/)index\.html$/, "$1")}`, readFileSync(path, "utf8")]);
      }
    }
  };
  walk(site);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), "sitrep-search-"));
  whole = join(tmp, "whole");
  sharded = join(tmp, "sharded");
  const env = { ...process.env, SITREP_CACHE: "off" };
  delete env.SITREP_SEARCH_SHARD_BYTES;
  const one = sitrep(["build", "--content", fixture, "--out", whole], repoRoot, env);
  expect(one.status, one.stderr).toBe(0);
  const many = sitrep(["build", "--content", fixture, "--out", sharded], repoRoot, { ...env, SITREP_SEARCH_SHARD_BYTES: "6000" });
  expect(many.status, many.stderr).toBe(0);
  waited = join(tmp, "waited");
  const onDisk = sitrep(["build", "--content", fixture, "--out", waited], repoRoot, { ...env, SITREP_SEARCH_WAIT_BYTES: "0", SITREP_STATS: "1" });
  expect(onDisk.status, onDisk.stderr).toBe(0);
  waitedLine = /sitrep: search: .*/.exec(onDisk.stderr)?.[0] ?? "";
});

describe("searchView", () => {
  const page = (main: string) =>
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>T — site</title>\n</head>\n<body><nav>menu</nav>\n${main}\n<footer>f</footer></body></html>`;

  it("keeps the body, drops ignored elements (nested ones whole) but keeps those with filters or metadata", () => {
    const view = searchView(
      page(
        `<main id="main" data-pagefind-body><h1>Title</h1><section data-pagefind-ignore><section><p>inner</p></section><p>after inner</p></section><p>kept text</p><div hidden data-pagefind-ignore><span data-pagefind-filter="actor">Russia</span></div><nav data-pagefind-ignore>crumbs</nav></main>`,
      ),
    );
    expect(view).toContain("<h1>Title</h1>");
    expect(view).toContain("<p>kept text</p>");
    expect(view).toContain(`<span data-pagefind-filter="actor">Russia</span>`);
    expect(view).toContain(`<html lang="en">`);
    expect(view).toContain("<title>T — site</title>");
    for (const gone of ["inner", "after inner", "crumbs", "menu", "<footer"]) expect(view).not.toContain(gone);
  });

  it("is empty for a page Pagefind does not index, and keeps an unclosed ignored element's text", () => {
    expect(searchView(page(`<main id="main"><p>x</p></main>`))).toBe("");
    const view = searchView(page(`<main data-pagefind-body><p>a</p><section data-pagefind-ignore><p>never closed</p></main>`));
    expect(view).toContain("never closed");
  });

  it("drops the ids of elements other than headings, wherever they stand in the tag", () => {
    const view = searchView(page(`<main id="main" data-pagefind-body><h2 id="text">Text</h2><p><span id="s-0" class="sentence">One.</span> <span class="sentence" id="s-1">Two.</span></p><h3 class="x" id="more">More</h3></main>`));
    expect(view).toContain(`<h2 id="text">Text</h2>`);
    expect(view).toContain(`<h3 class="x" id="more">More</h3>`);
    expect(view).toContain(`<span class="sentence">One.</span> <span class="sentence">Two.</span>`);
    expect(view).toContain("<main data-pagefind-body>");
  });

  it("gives Pagefind the same index as the whole pages, less the anchors of elements other than headings", async () => {
    const all = pages(whole);
    expect(all.filter(([, html]) => searchView(html) !== "").length).toBeGreaterThan(20);
    const tmp = mkdtempSync(join(tmpdir(), "sitrep-search-view-"));
    const indexOf = async (out: string, view: (html: string) => string) => {
      const search = await openSearchIndex(out);
      try {
        for (const [url, html] of all) if (html.includes("data-pagefind-body")) await search.add(url, view(html));
        await search.settled();
        await search.write();
      } finally {
        await search.close();
      }
      return hashTree(join(out, "pagefind"));
    };
    // The whole page, every id but the headings' removed (the briefings' sentences have ids).
    const noAnchors = (html: string) => html.replace(/<([a-z][a-z0-9]*)([^>]*)>/g, (tag, name: string, attributes: string) => (/^h[1-6]$/.test(name) ? tag : `<${name}${attributes.replace(/\sid="[^"]*"/, "")}>`));
    expect(all.some(([, html]) => /<span id="s-\d+"/.test(html))).toBe(true);
    const fromPages = await indexOf(join(tmp, "pages"), noAnchors);
    const fromViews = await indexOf(join(tmp, "views"), searchView);
    expect(Object.keys(fromPages).filter((f) => f.startsWith("fragment/")).length).toBeGreaterThan(20);
    expect(fromViews).toEqual(fromPages);
  }, 120_000);
});

describe("pages that wait for their turn in a file", () => {
  it("make the same site, search index included, as pages that wait in memory", () => {
    // Some pages of the fixture site render before their turn; with no memory for them, all of those wait on disk.
    const spilled = /(\d+) \([\d.]+ MB\) of them in a file/.exec(waitedLine);
    expect(Number(spilled?.[1]), waitedLine).toBeGreaterThan(0);
    expect(hashTree(waited)).toEqual(hashTree(whole));
  });
});

describe("a search index in shards", () => {
  const bundles = (site: string) => (JSON.parse(readFileSync(join(site, BUNDLES_FILE), "utf8")) as { bundles: string[] }).bundles;
  /** Pages per bundle, from each bundle's entry file. */
  const pageCount = (site: string, bundle: string) => {
    const entry = JSON.parse(readFileSync(join(site, bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  };

  it("a small site is one shard", () => {
    expect(bundles(whole)).toEqual(["/pagefind/"]);
  });

  it("splits the pages over several shards, each listed and each a whole Pagefind bundle", () => {
    const list = bundles(sharded);
    expect(list.length).toBeGreaterThan(2);
    expect(list[0]).toBe("/pagefind/");
    for (const [i, bundle] of list.entries()) {
      if (i > 0) expect(bundle).toBe(`/pagefind/shard-${i + 1}/`);
      for (const file of ["pagefind-entry.json", "pagefind.js"]) expect(existsSync(join(sharded, bundle, file)), bundle + file).toBe(true);
      expect(pageCount(sharded, bundle), bundle).toBeGreaterThan(0);
    }
    const total = list.reduce((n, b) => n + pageCount(sharded, b), 0);
    expect(total).toBe(pageCount(whole, "/pagefind/"));
  });

  it("the briefings end their shard once they weigh an eighth of the budget, so the last shard is the light entity pages", () => {
    const views = pages(whole).map(([url, html]) => [url, searchView(html).length] as const);
    const briefings = views.filter(([url]) => url.startsWith("/briefings/"));
    const weight = (list: ReadonlyArray<readonly [string, number]>) => list.reduce((n, [, length]) => n + length, 0);
    const all = weight(views);
    // A budget the whole site fits in, of which the briefings are at least an eighth.
    const budget = Math.min(all + 1000, 8 * weight(briefings));
    expect(budget).toBeGreaterThan(all);
    const out = join(mkdtempSync(join(tmpdir(), "sitrep-search-")), "split");
    const env = { ...process.env, SITREP_CACHE: "off", SITREP_SEARCH_SHARD_BYTES: String(budget) };
    const built = sitrep(["build", "--content", fixture, "--out", out], repoRoot, env);
    expect(built.status, built.stderr).toBe(0);
    expect(bundles(out)).toEqual(["/pagefind/", "/pagefind/shard-2/"]);
    expect(pageCount(out, "/pagefind/")).toBe(briefings.length);
    expect(pageCount(out, "/pagefind/") + pageCount(out, "/pagefind/shard-2/")).toBe(pageCount(whole, "/pagefind/"));
    // An eighth more and the site is one shard again.
    const one = sitrep(["build", "--content", fixture, "--out", `${out}-one`], repoRoot, { ...env, SITREP_SEARCH_SHARD_BYTES: String(8 * weight(briefings) + 8) });
    expect(one.status, one.stderr).toBe(0);
    expect(bundles(`${out}-one`)).toEqual(["/pagefind/"]);
  }, 120_000);

  it("every indexed page is in exactly one shard", () => {
    const fragments = (site: string, bundle: string) => readdirSync(join(site, bundle, "fragment"));
    const inShards = bundles(sharded).flatMap((b) => fragments(sharded, b));
    expect(new Set(inShards).size).toBe(inShards.length);
    expect(inShards.length).toBe(fragments(whole, "/pagefind/").length);
  });

  it("the pages other than the index are the same", () => {
    const a = hashTree(whole);
    const b = hashTree(sharded);
    const site = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([p]) => !p.startsWith("pagefind/")));
    expect(site(b)).toEqual(site(a));
  });
});

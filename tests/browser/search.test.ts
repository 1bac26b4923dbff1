/**
 * Search in real Chromium: /search/ with the Pagefind UI over the built demo site. Typing
 * “Khmeimim” finds the seed briefing; ticking an actor filter narrows the results to briefings
 * that mention that actor (checked against the site's own /data/briefings.json).
 *
 * All of it twice: over the index as a small site gets it (one Pagefind bundle), and over the same
 * site indexed in shards (a tiny SITREP_SEARCH_SHARD_BYTES; the search page merges the shards), which
 * must find the same pages.
 *
 * Written against accessible structure rather than one Pagefind UI's class names: the query box
 * is the text/search input in <main>, filters are checkboxes named after the filter (`actor`),
 * results are the links to /briefings/… inside <main>.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { repoRoot } from "../helpers/shared.js";
import type { StaticServer } from "../helpers/server.js";
import { buildSite, sharedSite, formatEvents, formatViolations, runAxe, screenshotPath, visit, type Watched, openSession } from "../helpers/browser.js";

interface BriefingJson {
  id: string;
  title: string;
  actors: Array<{ id: string; name: string; aliases?: string[] }>;
}

const SEED = "/briefings/russia-syria-withdrawal/";
/** Actors to try as the filter, in order: the seed's own actors first. */
const PREFERRED_ACTORS = ["Russia", "Dmitry Peskov", "United States", "Kremlin"];

let server: StaticServer;
let browser: Browser;
let watched: Watched;
let page: Page;
let briefings: BriefingJson[];
/** What “Khmeimim” found over each index, by suite. */
const found = new Map<string, string[]>();

const main = () => page.locator("main");

/** The page paths of the results currently shown (sub-result anchors folded into their page). */
async function resultPaths(): Promise<string[]> {
  const hrefs = await main().locator("a[href]").evaluateAll((links) =>
    links
      .filter((a) => !a.closest("nav, header, footer, .breadcrumbs"))
      .map((a) => new URL((a as HTMLAnchorElement).href, location.href))
      .filter((u) => u.origin === location.origin && /^\/(briefings|actors|bases|locations|sources)\/[^/]+\/$/.test(u.pathname))
      .map((u) => u.pathname),
  );
  return [...new Set(hrefs)].sort();
}

/** Waits until the result list stops changing (Pagefind loads index chunks and fragments lazily). */
async function settledResults(): Promise<string[]> {
  let last = "";
  let stable = 0;
  for (let i = 0; i < 60 && stable < 3; i++) {
    await page.waitForTimeout(150);
    const now = JSON.stringify(await resultPaths());
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  // "Load more results" until everything is shown.
  for (let i = 0; i < 20; i++) {
    const more = main().getByRole("button", { name: /load more|more results|show more/i });
    if (!(await more.count()) || !(await more.first().isVisible())) break;
    await more.first().click();
    await page.waitForTimeout(300);
  }
  return resultPaths();
}

async function searchBox(): Promise<Locator> {
  const box = main().getByRole("searchbox").or(main().getByRole("textbox")).or(main().getByRole("combobox")).first();
  await box.waitFor({ state: "visible", timeout: 30_000 });
  return box;
}

/** The checkbox of an actor filter value, opened into view; with its label text. */
async function actorFilter(): Promise<{ box: Locator; label: string; value: string }> {
  const boxes = main().locator("input[type=checkbox][name='actor' i], input[type=checkbox][name='actors' i]");
  await boxes.first().waitFor({ state: "attached", timeout: 30_000 });
  const options = await boxes.evaluateAll((els) =>
    els.map((el) => {
      const input = el as HTMLInputElement;
      const label = (input.labels?.[0]?.textContent ?? input.getAttribute("aria-label") ?? input.value).replace(/\s+/g, " ").trim();
      return { id: input.id, value: input.value, label };
    }),
  );
  const chosen = PREFERRED_ACTORS.map((name) => options.find((o) => o.value === name || o.label.startsWith(name))).find(Boolean) ?? options[0]!;
  const box = boxes.nth(options.indexOf(chosen));
  if (!(await box.isVisible())) {
    // Filter groups start folded (<details>, or a toggle button): open the one holding this box, as a reader would.
    const summary = box.locator("xpath=ancestor::details[1]/summary");
    if (await summary.count()) await summary.click();
    else await main().getByRole("button", { name: /actor|filter/i }).first().click();
  }
  return { box, label: chosen.label, value: chosen.value };
}

/** `shot`: the suffix of this suite's screenshots (test-results/screenshots), so the two suites keep their own. */
function searchSuite(name: string, shot: string, build: () => Promise<string>, bundles: (count: number) => void): void {
  describe(name, () => {
    beforeAll(async () => {
      const site = await build();
      const list = (JSON.parse(readFileSync(join(site, "pagefind", "sitrep-bundles.json"), "utf8")) as { bundles: string[] }).bundles;
      bundles(list.length);
      briefings = JSON.parse(readFileSync(join(site, "data", "briefings.json"), "utf8")) as BriefingJson[];
      ({ server, browser, watched, page } = await openSession(site));
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    let unfiltered: string[] = [];

    it("/search/ loads with no console errors, CSP violations or off-host requests", async () => {
      const mark = watched.events.length;
      const response = await visit(page, server.origin + "/search/");
      expect(response?.status(), "/search/").toBe(200);
      await searchBox();
      const events = watched.since(mark).filter((e) => e.kind !== "console");
      expect(formatEvents(events)).toBe("");
      expect(watched.blocked).toEqual([]);
    }, 120_000);

    it("typing “Khmeimim” finds the seed briefing", async () => {
      const box = await searchBox();
      await box.click();
      await box.pressSequentially("Khmeimim", { delay: 30 });
      const seedLink = main().locator(`a[href*="${SEED}"]`).first();
      await seedLink.waitFor({ state: "visible", timeout: 30_000 });
      unfiltered = await settledResults();
      expect(unfiltered).toContain(SEED);
      found.set(name, unfiltered);
      const titles = await main().locator(`a[href*="${SEED}"]`).allInnerTexts();
      expect(titles.join(" | ")).toMatch(/Russia withdraws troops/);
      await page.screenshot({ path: screenshotPath(`search-results-1280${shot}`), fullPage: true });
    }, 120_000);

    it("an actor filter narrows the results to briefings that mention the actor", async () => {
      const { box, label, value } = await actorFilter();
      await box.check();
      const filtered = await settledResults();
      expect(filtered.length, `after ticking ${label}`).toBeGreaterThan(0);
      expect(filtered.length, `after ticking ${label}: ${filtered.join(", ")} vs ${unfiltered.join(", ")}`).toBeLessThanOrEqual(unfiltered.length);
      for (const path of filtered) expect(unfiltered, `${path} appeared only after filtering`).toContain(path);
      const name = value.toLowerCase();
      const mentioning = new Set(
        briefings
          .filter((b) => b.actors.some((a) => a.name.toLowerCase() === name || a.id === name || (a.aliases ?? []).some((x) => x.toLowerCase() === name)))
          .map((b) => `/briefings/${b.id}/`),
      );
      expect(mentioning.size, `no briefing in data/briefings.json has the actor ${value}`).toBeGreaterThan(0);
      const stray = filtered.filter((p) => !mentioning.has(p));
      expect(stray, `results for actor ${value} that are not briefings mentioning it`).toEqual([]);
    }, 120_000);

    it("the search page with results and a filter is accessible, with no errors on the way", async () => {
      const violations = await runAxe(page);
      expect(formatViolations("/search/ with results", violations)).toBe("");
      expect(formatEvents(watched.events.filter((e) => e.kind !== "console"))).toBe("");
      expect(watched.blocked).toEqual([]);
    }, 120_000);
  });
}

searchSuite("search (Pagefind), one index", "", () => sharedSite(join(repoRoot, "content")), (n) => expect(n).toBe(1));

searchSuite(
  "search (Pagefind), the same site indexed in shards",
  "-shards",
  async () => buildSite(join(repoRoot, "content"), "sitrep-browser-shards-", { ...process.env, SITREP_SEARCH_SHARD_BYTES: "30000" }),
  (n) => expect(n).toBeGreaterThan(2),
);

describe("search over shards", () => {
  it("finds the same pages as over one index", () => {
    const [one, shards] = [...found.values()];
    expect(one?.length).toBeGreaterThan(0);
    expect(shards).toEqual(one);
  });
});

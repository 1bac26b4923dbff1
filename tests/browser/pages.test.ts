/**
 * Every page kind of the demo site in real Chromium: no accessibility violations (axe-core, at
 * 1280 px and 390 px), no sideways scrolling at either width, no console errors, no CSP violations, no request leaving 127.0.0.1, and a
 * full-page screenshot at both widths in test-results/screenshots/<kind>-<width>.png.
 * Also: no broken internal links or anchors anywhere in the built site.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { repoRoot } from "../helpers/shared.js";
import { brokenLinks } from "../helpers/site.js";
import type { StaticServer } from "../helpers/server.js";
import { sharedSite, formatEvents, formatViolations, runAxe, screenshotPath, visit, type Watched, openSession } from "../helpers/browser.js";

/** One page of every kind; `status` is what the server must answer. */
export const PAGE_KINDS: Array<{ kind: string; url: string; status?: number }> = [
  { kind: "home", url: "/" },
  { kind: "briefing", url: "/briefings/russia-syria-withdrawal/" },
  { kind: "actor", url: "/actors/russia/" },
  { kind: "base", url: "/bases/khmeimim-air-base/" },
  { kind: "location", url: "/locations/syria/" },
  { kind: "source", url: "/sources/cnn/" },
  { kind: "actors-index", url: "/actors/" },
  { kind: "bases-index", url: "/bases/" },
  { kind: "locations-index", url: "/locations/" },
  { kind: "sources-index", url: "/sources/" },
  { kind: "map", url: "/map/" },
  { kind: "search", url: "/search/" },
  { kind: "timeline", url: "/timeline/" },
  { kind: "archive", url: "/archive/" },
  { kind: "404", url: "/no-such-page/", status: 404 },
];

const WIDTHS = [1280, 390] as const;

let site: string;
let server: StaticServer;
let browser: Browser;
let watched: Watched;
let page: Page;

beforeAll(async () => {
  site = await sharedSite(join(repoRoot, "content"));
  ({ server, browser, watched, page } = await openSession(site));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("every page kind in Chromium", () => {
  for (const { kind, url, status = 200 } of PAGE_KINDS) {
    it(`${kind} (${url}): accessible, no console errors, no CSP violations, screenshots`, async () => {
      const mark = watched.events.length;
      const blockedMark = watched.blocked.length;
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      const response = await visit(page, server.origin + url);
      expect(response?.status(), `${url} answered ${response?.status()}`).toBe(status);
      if (status === 404) expect(await page.locator("h1").first().textContent()).toMatch(/not found|no such page|404/i);

      const violations: string[] = [];
      const overflow: string[] = [];
      for (const width of WIDTHS) {
        if (width !== WIDTHS[0]) {
          await page.setViewportSize({ width, height: 800 });
          await page.waitForTimeout(50);
        }
        // Reflow (WCAG 1.4.10): the page itself never scrolls sideways; wide tables and maps scroll in their own box.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) overflow.push(`${url} is ${scrollWidth}px wide at ${width}px`);
        // Screenshot before axe runs, so the picture is the page exactly as a reader gets it.
        await page.screenshot({ path: screenshotPath(`${kind}-${width}`), fullPage: true, animations: "disabled" });
        const found = await runAxe(page);
        if (found.length) violations.push(formatViolations(`${url} at ${width}px`, found));
      }

      const events = watched.since(mark).filter((e) => {
        // Chromium logs the 404 of the document itself as a console error: that is the point of this page.
        if (status === 404 && e.kind === "console-error" && /status of 404/.test(e.text) && e.text.includes(url)) return false;
        return e.kind !== "console";
      });
      expect.soft(violations.join("\n"), `axe-core violations on ${url}`).toBe("");
      expect.soft(overflow, `horizontal scrolling on ${url}`).toEqual([]);
      expect.soft(formatEvents(events.filter((e) => e.kind === "csp")), `CSP violations on ${url}`).toBe("");
      expect.soft(formatEvents(events.filter((e) => e.kind !== "csp")), `console errors on ${url}`).toBe("");
      expect.soft(watched.blocked.slice(blockedMark), `requests leaving 127.0.0.1 from ${url}`).toEqual([]);
    }, 180_000);
  }
});

describe("the whole site", () => {
  it("has no broken internal links or anchors", () => {
    expect(brokenLinks(site)).toEqual([]);
  });
});

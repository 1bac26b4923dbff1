/**
 * Issue 7: hostile content stays text. The fixture site (tests/fixtures/site/content) has an
 * article with <script>, <img onerror>, <svg onload>, javascript: links and HTML in its title,
 * outlet, licence and attribution, and registry entries with HTML in their name, role and prose.
 * In a normal context (CSP on), no dialog may fire, no marker may reach the console or `window`,
 * nothing may be requested beyond 127.0.0.1, no `javascript:` URL may be in the DOM, and the
 * markup must show as text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dirname, join } from "node:path";
import { rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { repoRoot } from "../helpers/shared.js";
import type { StaticServer } from "../helpers/server.js";
import { buildSite, formatEvents, visit, type Watched, openSession } from "../helpers/browser.js";

let site: string;
let server: StaticServer;
let browser: Browser;
let watched: Watched;
let page: Page;

beforeAll(async () => {
  site = buildSite(join(repoRoot, "tests", "fixtures", "site", "content"), "sitrep-hostile-");
  ({ server, browser, watched, page } = await openSession(site));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** Everything on the page that could run script or leave the host. */
async function dangerousDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        if (/^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value) && /^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attr.name)) {
          // Pagefind's own search form: `action="javascript:void(0);"`, never submitted. Not content.
          if (el.matches("form.pagefind-ui__form") && attr.name === "action" && attr.value === "javascript:void(0);") continue;
          found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        }
      }
    }
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))) if (a.protocol === "javascript:") found.push(`<a href="${a.getAttribute("href")}">`);
    for (const s of Array.from(document.scripts)) if (!s.src || new URL(s.src).hostname !== location.hostname) found.push(`<script src="${s.src}">${s.textContent?.slice(0, 80) ?? ""}`);
    for (const el of Array.from(document.querySelectorAll("iframe, object, embed, frame, base, meta[http-equiv=refresh]"))) found.push(el.outerHTML.slice(0, 120));
    const w = window as unknown as Record<string, unknown>;
    if (w.__pwned !== undefined) found.push(`window.__pwned = ${String(w.__pwned)}`);
    return found;
  });
}

/** The page, its escaped text, and the checks every hostile page must pass. */
async function loadHostile(url: string, mustShow: string[]) {
  const mark = watched.events.length;
  const blocked = watched.blocked.length;
  const response = await visit(page, server.origin + url);
  expect(response?.status(), url).toBe(200);
  // Give a late `onerror`/`onload` handler every chance to run.
  await page.waitForTimeout(300);
  const text = await page.locator("body").innerText();
  for (const shown of mustShow) expect(text, `${url} shows ${shown} as text`).toContain(shown);
  expect(await dangerousDom(page), `${url}: script-capable markup in the DOM`).toEqual([]);
  const events = watched.since(mark);
  expect(formatEvents(events.filter((e) => e.kind === "dialog")), `${url}: dialogs`).toBe("");
  expect(formatEvents(events.filter((e) => /alert|pwned/i.test(e.text) || e.kind === "page-error")), `${url}: script ran`).toBe("");
  expect(formatEvents(events.filter((e) => e.kind === "csp" || e.kind === "console-error")), `${url}: CSP violations or console errors`).toBe("");
  expect(watched.blocked.slice(blocked), `${url}: requests beyond 127.0.0.1`).toEqual([]);
  // The stray <img src=x> would ask the server for ./x.
  expect(server.log.filter((r) => /\/x$|pixel|tracker|evil/.test(r.path)).map((r) => r.path)).toEqual([]);
}

describe("hostile content in the browser (issue 7)", () => {
  it("the hostile briefing shows its markup as text and runs nothing", async () => {
    await loadHostile("/briefings/hostile/", [
      "<script>alert('title')</script> Hostile <b>title</b>",
      `Wire <img src=x onerror="alert('outlet')">`,
      "CC BY <script>alert('license')</script>",
      "<b>bold</b>",
      `Acme <img src=x onerror="alert('registry-name')"> Corp`,
    ]);
    expect(await page.locator("h1").first().innerText()).toBe("<script>alert('title')</script> Hostile <b>title</b>");
    expect(await page.title()).toContain("<script>alert('title')</script> Hostile <b>title</b>");
    expect(await page.locator("main b, main script, main img, main svg").count()).toBe(0);
  });

  it("the home page lists the hostile briefing as text", async () => {
    await loadHostile("/", ["<script>alert('title')</script> Hostile <b>title</b>"]);
  });

  it("Dmitry Peskov's page (registry prose with <script>) runs nothing", async () => {
    await loadHostile("/actors/dmitry-peskov/", ["Spokesperson of the Russian president."]);
    expect(await page.locator("main script").count()).toBe(0);
  });

  it("an actor whose registry name, role and prose carry HTML shows it as text", async () => {
    await loadHostile("/actors/acme-corp/", [`Acme <img src=x onerror="alert('registry-name')"> Corp`, "<script>alert('role')</script> contractor"]);
    expect(await page.locator("main img, main iframe, main script").count()).toBe(0);
  });

  it("the outlet's source page and the indexes show the hostile names as text", async () => {
    for (const url of ["/sources/", "/actors/"]) await loadHostile(url, [`Acme <img src=x onerror="alert('registry-name')"> Corp`]);
    await loadHostile("/sources/", [`Wire <img src=x onerror="alert('outlet')">`]);
  });

  it("search results and search filters for the hostile content run nothing and show the markup as text", async () => {
    const mark = watched.events.length;
    const blocked = watched.blocked.length;
    const logged = server.log.length;
    const response = await visit(page, `${server.origin}/search/`);
    expect(response?.status(), "/search/").toBe(200);
    const input = page.locator("main").getByRole("searchbox").or(page.locator("main").getByRole("textbox")).first();
    await input.pressSequentially("onerror", { delay: 20 });
    await page.locator("main").locator("a[href*='/briefings/hostile/'], a[href*='/actors/acme-corp/'], a[href*='/sources/']").first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    // Filter labels and result titles: the actor and outlet names carry <img onerror>.
    const main = await page.locator("main").innerText();
    expect(main).toContain(`Acme <img src=x onerror="alert('registry-name')"> Corp`);
    expect(await dangerousDom(page)).toEqual([]);
    expect(await page.locator("main img[src='x'], main img[onerror], main svg[onload], main script").count()).toBe(0);
    const events = watched.since(mark);
    expect(formatEvents(events.filter((e) => e.kind === "dialog" || /alert|pwned/i.test(e.text)))).toBe("");
    expect(formatEvents(events.filter((e) => e.kind === "csp" || e.kind === "console-error" || e.kind === "page-error"))).toBe("");
    expect(watched.blocked.slice(blocked)).toEqual([]);
    expect(server.log.slice(logged).filter((r) => r.status !== 200).map((r) => `${r.status} ${r.path}`)).toEqual([]);
  });
});

/**
 * The browser harness itself: a page built to fail every check must fail every check, so a green
 * browser suite means the checks ran (axe found nothing, the CSP listener heard nothing, the
 * request blocker saw nothing) rather than that they were silently not wired up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../helpers/server.js";
import { launchBrowser, openContext, runAxe, visit, type Watched } from "../helpers/browser.js";

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

let dir: string;
let server: StaticServer;
let browser: Browser;
let watched: Watched;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sitrep-harness-"));
  mkdirSync(join(dir, "bad"));
  writeFileSync(join(dir, "404.html"), `<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1></html>`);
  writeFileSync(join(dir, "data.json"), `{"ok":true}`);
  writeFileSync(join(dir, "index.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, "shard.pagefind"), "x");
  writeFileSync(
    join(dir, "bad", "index.html"),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>bad</title></head>
<body><img src="/pixel.png"><a href="#"></a><script>window.inline = 1</script>
<button onclick="alert(1)"></button></body></html>`,
  );
  // No CSP here: the request blocker is the second line of defence and must hold on its own.
  writeFileSync(join(dir, "leak.html"), `<!doctype html><html lang="en"><title>leak</title><img src="https://example.invalid/tracker.gif" alt="tracker"></html>`);
  writeFileSync(join(dir, "bad", "app.js"), `alert("from a file"); console.error("marker-error");`);
  writeFileSync(
    join(dir, "script.html"),
    `<!doctype html><html lang="en"><head><title>script</title><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body><main><h1>ok</h1></main><script src="/bad/app.js"></script></body></html>`,
  );
  [server, browser] = await Promise.all([serveStatic(dir), launchBrowser()]);
  watched = await openContext(browser);
  page = await watched.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the browser harness", () => {
  it("hears CSP violations, and axe reports violations", async () => {
    const mark = watched.events.length;
    await visit(page, `${server.origin}/bad/`);
    const events = watched.since(mark);
    expect(events.some((e) => e.kind === "csp" && /script-src/.test(e.text)), JSON.stringify(events)).toBe(true);
    const ids = (await runAxe(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["image-alt", "html-has-lang"]));
  });

  it("blocks and records requests that leave 127.0.0.1", async () => {
    await visit(page, `${server.origin}/leak.html`);
    expect(watched.blocked).toEqual(["https://example.invalid/tracker.gif"]);
    watched.blocked.length = 0;
  });

  it("hears dialogs and console errors", async () => {
    const mark = watched.events.length;
    await visit(page, `${server.origin}/script.html`);
    const events = watched.since(mark);
    expect(events.filter((e) => e.kind === "dialog").map((e) => e.text)).toEqual(["alert: from a file"]);
    expect(events.some((e) => e.kind === "console-error" && e.text.includes("marker-error"))).toBe(true);
  });

  it("the static server: content types, directory redirects, and the site's 404 page with status 404", async () => {
    const get = (path: string) => fetch(server.origin + path, { redirect: "manual" });
    const types = await Promise.all(["/data.json", "/index.wasm", "/shard.pagefind", "/bad/", "/bad/app.js"].map(async (p) => (await get(p)).headers.get("content-type")));
    expect(types).toEqual(["application/json; charset=utf-8", "application/wasm", "application/octet-stream", "text/html; charset=utf-8", "text/javascript; charset=utf-8"]);
    const redirect = await get("/bad");
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/bad/"]);
    const missing = await get("/nothing/here");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<h1>Not found</h1>");
    expect((await get("/../../etc/passwd")).status).toBe(404);
    expect((await get("/%2e%2e/%2e%2e/etc/passwd")).status).toBe(404);
  });
});

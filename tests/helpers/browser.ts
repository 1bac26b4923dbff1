/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for the browser tests.
 *
 * - One browser per test file (`launchBrowser`), closed in afterAll.
 * - `openContext` blocks every request that does not go to 127.0.0.1 and records it, and reports
 *   console errors, page errors, CSP violations and dialogs of every page it opens.
 * - `runAxe` injects axe-core from node_modules with `page.evaluate` of its source (the pages'
 *   CSP forbids inline scripts, so `addScriptTag` would be blocked; evaluate is not a script element).
 * - Nothing is downloaded: the browser is the system's, axe-core and vnu.jar are npm packages.
 */
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { repoRoot } from "./shared.js";
import { sitrep } from "./cli.js";
import { serveStatic, type StaticServer } from "./server.js";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
export const screenshotDir = join(repoRoot, "test-results", "screenshots");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Builds a content folder with the CLI into a fresh temporary folder; returns the site folder. */
export function buildSite(content: string, prefix = "sitrep-browser-", env: NodeJS.ProcessEnv = process.env): string {
  const site = join(mkdtempSync(join(tmpdir(), prefix)), "_site");
  const run = sitrep(["build", "--content", content, "--out", site], repoRoot, env);
  if (run.status !== 0) throw new Error(`sitrep build ${content} failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
  return site;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * One build of `content` shared by every browser test file of this test run (the files run in
 * separate workers of one vitest process): the first file to ask builds it, the others wait for it.
 * The folder is keyed by the vitest process id and removed by a later run once that process is gone.
 */
export async function sharedSite(content: string): Promise<string> {
  const run = process.ppid;
  for (const name of readdirSync(tmpdir())) {
    const m = /^sitrep-browser-shared-(\d+)-/.exec(name);
    if (m && Number(m[1]) !== run && !alive(Number(m[1]))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  const key = createHash("sha256").update(resolve(content)).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), `sitrep-browser-shared-${run}-${key}`);
  const site = join(dir, "_site");
  let builder = false;
  try {
    mkdirSync(dir);
    builder = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  if (builder) {
    const result = sitrep(["build", "--content", content, "--out", site]);
    if (result.status !== 0) {
      writeFileSync(join(dir, "failed"), `sitrep build ${content} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
    } else writeFileSync(join(dir, "done"), "");
  }
  const deadline = Date.now() + 300_000;
  while (!existsSync(join(dir, "done"))) {
    if (existsSync(join(dir, "failed"))) throw new Error(readFileSync(join(dir, "failed"), "utf8"));
    if (Date.now() > deadline) throw new Error(`timed out waiting for the shared build in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return site;
}

export interface PageEvent {
  kind: "console-error" | "page-error" | "csp" | "dialog" | "console";
  url: string;
  text: string;
}

export interface Watched {
  context: BrowserContext;
  /** Requests to anything but 127.0.0.1 that a page tried (all aborted). */
  blocked: string[];
  /** Console errors, uncaught errors, CSP violations, dialogs, in order. */
  events: PageEvent[];
  /** Events since `mark` (an index from `events.length`). */
  since(mark: number): PageEvent[];
}

export function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

const CSP_REPORTER = `(() => {
  document.addEventListener("securitypolicyviolation", (e) => {
    const report = globalThis.__sitrepReport;
    if (typeof report === "function") report(JSON.stringify({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample }));
  }, true);
})();`;

/** A browser context that blocks and records off-host requests and records what went wrong on its pages. */
export async function openContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block", ...options });
  const blocked: string[] = [];
  const events: PageEvent[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  await context.routeWebSocket(/.*/, (ws) => {
    if (isLocal(ws.url())) return ws.connectToServer();
    blocked.push(ws.url());
    return ws.close();
  });
  await context.exposeBinding("__sitrepReport", ({ page }, json: string) => {
    events.push({ kind: "csp", url: page.url(), text: json });
  });
  await context.addInitScript({ content: CSP_REPORTER });
  const watch = (page: Page) => {
    page.on("console", (msg: ConsoleMessage) => {
      const text = msg.text();
      if (msg.type() === "error") events.push({ kind: "console-error", url: page.url(), text: `${text} (${msg.location().url})` });
      else events.push({ kind: "console", url: page.url(), text });
      if (/Content[- ]Security[- ]Policy/i.test(text)) events.push({ kind: "csp", url: page.url(), text });
    });
    page.on("pageerror", (err) => events.push({ kind: "page-error", url: page.url(), text: String(err.stack ?? err) }));
    page.on("dialog", (dialog) => {
      events.push({ kind: "dialog", url: page.url(), text: `${dialog.type()}: ${dialog.message()}` });
      void dialog.dismiss().catch(() => undefined);
    });
  };
  context.on("page", watch);
  return { context, blocked, events, since: (mark) => events.slice(mark) };
}

/** Loads a URL and waits until the network is quiet (scripts, search index, map data). */
export async function visit(page: Page, url: string) {
  const response = await page.goto(url, { waitUntil: "load", timeout: 30_000 });
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return response;
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/** Runs axe-core with its default rules (WCAG 2.0–2.2 A/AA and best practices) on the page; returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** axe violations as readable lines: rule, impact, help, then each offending node. */
export function formatViolations(label: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => [`${label}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...v.nodes.slice(0, 8).map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`), ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : [])].join("\n"))
    .join("\n");
}

export function formatEvents(events: PageEvent[]): string {
  return events.map((e) => `${e.kind} on ${e.url}: ${e.text}`).join("\n");
}

export interface Session {
  server: StaticServer;
  browser: Browser;
  watched: Watched;
  page: Page;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 and opens one watched page on it in Chromium. */
export async function openSession(site: string): Promise<Session> {
  const [server, browser] = await Promise.all([serveStatic(site), launchBrowser()]);
  const watched = await openContext(browser);
  const page = await watched.context.newPage();
  return {
    server,
    browser,
    watched,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

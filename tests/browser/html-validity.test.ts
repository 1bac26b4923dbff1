/**
 * The Nu HTML Checker (vnu.jar from the vnu-jar package, run on the system's Java) over every page
 * of the built demo site, once: zero errors. It takes ~8–20 s on 2 cores, so it runs once in beforeAll.
 * With it, a home page of more briefings than it lists and an archive page between two others (the
 * demo has fewer briefings than either needs), so the note under the list and the pager are checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { repoRoot } from "../helpers/shared.js";
import { sharedSite } from "../helpers/browser.js";
import { loadSite } from "../../src/site/build.js";
import { LATEST_BRIEFINGS } from "../../src/site/feeds.js";
import type { SiteIndex } from "../../src/site/index.js";
import { render as renderHome } from "../../templates/index.11ty.js";
import { ARCHIVE_PAGE_SIZE, archivePages, render as renderArchive } from "../../templates/archive.11ty.js";

const require = createRequire(import.meta.url);
const vnuJar = join(dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

const CANARY = "vnu-canary.html";
const CAPPED_HOME = "home-capped.html";
const ARCHIVE_PAGE = "archive-page-2.html";
let cappedHome = "";
let archivePage = "";

/**
 * The demo site's home page, and the second of three archive pages (its pager), over its briefings
 * repeated (with ids of their own) past LATEST_BRIEFINGS and two archive pages.
 */
function pagesOfMany(): { home: string; archive: string } {
  const { index } = loadSite(join(repoRoot, "content"));
  const copies = Math.ceil((Math.max(LATEST_BRIEFINGS, 2 * ARCHIVE_PAGE_SIZE) + 1) / index.briefings.length);
  const briefings = Array.from({ length: copies }, (_, k) => index.briefings.map((b) => ({ ...b, id: `${b.id}-${k}`, url: `${b.url}#${k}` }))).flat();
  const sitrep = { ...index, briefings } as SiteIndex;
  return { home: renderHome({ sitrep }), archive: renderArchive({ sitrep, archive: archivePages(briefings)[1]! }) };
}
let site: string;
let canaryDir: string;
let messages: VnuMessage[];
let raw = "";

function runVnu(...dirs: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // C1-only JIT and the serial collector: a short batch job, about half the CPU of the defaults here.
    const child = spawn("java", ["-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", ...dirs], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (err) => reject(new Error(`cannot run java (${err.message}): .ci/run installs default-jre-headless`)));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  site = await sharedSite(join(repoRoot, "content"));
  // A canary page with a known error, checked in the same run, proves the checker really read files.
  canaryDir = mkdtempSync(join(tmpdir(), "sitrep-vnu-canary-"));
  writeFileSync(join(canaryDir, CANARY), `<!doctype html><html lang="en"><head><title>canary</title></head><body><p><div>x</div></p></body></html>`);
  ({ home: cappedHome, archive: archivePage } = pagesOfMany());
  writeFileSync(join(canaryDir, CAPPED_HOME), cappedHome);
  writeFileSync(join(canaryDir, ARCHIVE_PAGE), archivePage);
  const run = await runVnu(site, canaryDir);
  // vnu writes its JSON report to stderr; take whichever stream holds it.
  raw = [run.stderr, run.stdout].find((s) => s.trim().startsWith("{")) ?? "";
  if (!raw) throw new Error(`vnu produced no JSON report (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  messages = (JSON.parse(raw) as { messages: VnuMessage[] }).messages;
}, 300_000);

afterAll(() => {
  if (canaryDir) rmSync(canaryDir, { recursive: true, force: true });
});

function format(m: VnuMessage): string {
  const file = m.url ? relative(site, decodeURIComponent(new URL(m.url).pathname)) : "?";
  return `${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ${m.type}${m.subType ? `/${m.subType}` : ""} ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, "⏎")}` : ""}`;
}

describe("the Nu HTML Checker", () => {
  it("really checked the folder (the canary page's error is reported)", () => {
    expect(messages.filter((m) => m.url?.endsWith(CANARY)).map((m) => m.message)).toContain("No “p” element in scope but a “p” end tag seen.");
  });

  it("finds no errors in a home page that lists the latest of more briefings", () => {
    expect(cappedHome).toContain(`The newest ${LATEST_BRIEFINGS} of`);
    expect(cappedHome.match(/<li class="briefing-item">/g)).toHaveLength(LATEST_BRIEFINGS);
    const errors = messages.filter((m) => m.url?.endsWith(CAPPED_HOME)).filter((m) => m.type === "error" || m.type === "non-document-error" || m.subType === "fatal");
    expect(errors.map(format).join("\n"), `${errors.length} HTML errors`).toBe("");
  });

  it("finds no errors in an archive page between two others (its pager)", () => {
    expect(archivePage).toContain('rel="prev"');
    expect(archivePage).toContain('rel="next"');
    const errors = messages.filter((m) => m.url?.endsWith(ARCHIVE_PAGE)).filter((m) => m.type === "error" || m.type === "non-document-error" || m.subType === "fatal");
    expect(errors.map(format).join("\n"), `${errors.length} HTML errors`).toBe("");
  });

  it("finds no errors in any page of the built site", () => {
    const errors = messages.filter((m) => !m.url?.endsWith(CANARY) && !m.url?.endsWith(CAPPED_HOME) && !m.url?.endsWith(ARCHIVE_PAGE)).filter((m) => m.type === "error" || m.type === "non-document-error" || m.subType === "fatal");
    expect(errors.map(format).join("\n"), `${errors.length} HTML errors`).toBe("");
  });
});

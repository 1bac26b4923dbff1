/**
 * `sitrep build` and `check` extract once (`loadSite(dir, { oneShot: true })`): the worker pool stops
 * as soon as extraction ends instead of idling through the site index and the render. The dev server
 * loads without it and keeps the pool for its rebuilds (src/site/extract-all.ts). The commands are
 * held to it through the line they print under SITREP_STATS.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sitrep } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

// An idle pool lives on for the length of the file, so only `oneShot` can have stopped it (the
// modules are imported below, after this is set: extract-all reads it when it loads).
process.env.SITREP_POOL_IDLE_MS = "600000";
const { loadSite } = await import("../../src/site/build.js");
const { closeExtractionPool, configureExtraction, lastExtractionStats, poolSize } = await import("../../src/site/extract-all.js");

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");

// The fixture's six articles go to a pool of two workers (a build starts one from 50 articles).
configureExtraction({ cacheDir: null, workers: 2, minParallel: 1 });

afterEach(async () => {
  await closeExtractionPool();
});

describe("the extraction pool of a one-shot load", () => {
  it("lives on after a plain load (the dev server's)", () => {
    loadSite(fixture);
    expect(lastExtractionStats().pooled).toBe(6);
    expect(poolSize()).toBe(2);
  });

  it("is stopped when a one-shot load returns, and the site is the same", () => {
    const kept = loadSite(fixture);
    const once = loadSite(fixture, { oneShot: true });
    expect(lastExtractionStats().pooled).toBe(6);
    expect(poolSize()).toBe(0);
    expect(JSON.stringify(once.index)).toBe(JSON.stringify(kept.index));
  });
});

describe("sitrep check and build", () => {
  // Enough articles for the CLI to start a pool (DEFAULT_MIN_PARALLEL, 50): the fixture's six, nine times over.
  const dir = mkdtempSync(join(tmpdir(), "sitrep-one-shot-"));
  const content = join(dir, "content");
  cpSync(fixture, content, { recursive: true });
  const articles = join(content, "articles");
  for (const name of readdirSync(articles)) for (let copy = 2; copy <= 9; copy++) copyFileSync(join(articles, name), join(articles, name.replace(/\.md$/, `-${copy}.md`)));
  const env = { ...process.env, SITREP_CACHE: "off", SITREP_STATS: "1", SITREP_POOL_IDLE_MS: undefined };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["check", ["check", content]],
    ["build", ["build", "--content", content, "--out", join(dir, "site")]],
  ])("%s stops the pool as soon as extraction ends", (_, args) => {
    const run = sitrep(args, repoRoot, env);
    expect(run.status, run.stderr).toBe(0);
    const line = /sitrep: extraction: 54 articles, 0 from cache, (\d+) on (\d+) workers( \([^)]*\))?/.exec(run.stderr);
    expect(line, run.stderr).not.toBeNull();
    expect(Number(line![1])).toBe(54);
    expect(line![3]).toBe(" (stopped)");
  });
});

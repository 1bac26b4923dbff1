/**
 * `sitrep build` and `check` extract once (`loadSite(dir, { oneShot: true })`): the worker pool stops
 * as soon as extraction ends instead of idling through the site index and the render. The dev server
 * loads without it and keeps the pool for its rebuilds (src/site/extract-all.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
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

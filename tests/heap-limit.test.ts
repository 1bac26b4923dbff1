/**
 * `sitrep build` runs itself again with a heap limit sized to the archive (bin/sitrep.js): 2.5 GB up
 * to 52,000 articles, 40 KB an article more past that, never above three quarters of the machine; a
 * limit given in NODE_OPTIONS is kept. The build prints the limit it runs with under SITREP_STATS.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sitrep } from "./helpers/cli.js";
import { repoRoot } from "./helpers/shared.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");

function heapLimit(env: NodeJS.ProcessEnv): number {
  const out = join(mkdtempSync(join(tmpdir(), "sitrep-heap-")), "site");
  const run = sitrep(["build", "--content", fixture, "--out", out], repoRoot, { ...process.env, SITREP_CACHE: "off", SITREP_STATS: "1", ...env });
  expect(run.status, run.stderr).toBe(0);
  const m = /heap limit (\d+) MB/.exec(run.stderr);
  expect(m, run.stderr).not.toBeNull();
  return Number(m![1]);
}

describe("the build's heap limit", () => {
  it("is 2.5 GB of old space for a small archive, or what NODE_OPTIONS gives", () => {
    const env = { NODE_OPTIONS: undefined };
    // heap_size_limit is the old space plus the young generation (three 64 MB semi-spaces at most).
    const limit = heapLimit(env);
    expect(limit).toBeGreaterThanOrEqual(2560);
    expect(limit).toBeLessThanOrEqual(2560 + 3 * 64 + 64);
    const given = heapLimit({ NODE_OPTIONS: "--max-old-space-size=1536" });
    expect(given).toBeGreaterThanOrEqual(1536);
    expect(given).toBeLessThan(2048);
  });
});

/**
 * Builds are reproducible and atomic: the same content gives a byte-identical site, and a build
 * that fails midway (after pages were written) leaves the previous site exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { sitrep } from "./helpers/cli.js";
import { repoRoot } from "./helpers/shared.js";
import { hashTree } from "./helpers/tree.js";

const content = join(repoRoot, "tests", "fixtures", "site", "content");

describe("builds", () => {
  it("the same content builds to a byte-identical site", () => {
    const root = mkdtempSync(join(tmpdir(), "sitrep-det-"));
    const a = sitrep(["build", "--content", content, "--out", join(root, "a")]);
    const b = sitrep(["build", "--content", content, "--out", join(root, "b")]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const ha = hashTree(join(root, "a"));
    expect(Object.keys(ha).length).toBeGreaterThan(10);
    expect(hashTree(join(root, "b"))).toEqual(ha);
  });

  it("a build that fails after rendering leaves the previous site untouched", () => {
    const root = mkdtempSync(join(tmpdir(), "sitrep-atomic-"));
    const out = join(root, "_site");
    expect(sitrep(["build", "--content", content, "--out", out]).status).toBe(0);
    const before = hashTree(out);
    const failed = spawnSync(process.execPath, [join(repoRoot, "bin", "sitrep.js"), "build", "--content", content, "--out", out], {
      encoding: "utf8",
      env: { ...process.env, SITREP_FAULT: "after-render" },
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("build failed while rendering");
    expect(failed.stderr).toContain("was left unchanged");
    expect(hashTree(out)).toEqual(before);
    // No temporary folder is left behind.
    expect(spawnSync("ls", ["-A", root], { encoding: "utf8" }).stdout.trim().split("\n")).toEqual(["_site"]);
  });
});

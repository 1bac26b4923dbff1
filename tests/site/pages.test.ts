/**
 * The page table (src/site/pages.ts) that `sitrep build` writes from and the dev server renders on
 * request: every page it renders is byte-equal to the page Eleventy renders from the same templates
 * (eleventy.config.js, `SITREP_RENDERER=eleventy`), it has exactly the pages (and feeds) Eleventy
 * wrote, and the two builds are the same site, file for file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { sitrep } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { hashTree } from "../helpers/tree.js";
import { loadSite } from "../../src/site/build.js";
import { loadTemplates, outputPath, pageTable } from "../../src/site/pages.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
let site: string;
let streamed: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), "sitrep-pages-"));
  site = join(root, "eleventy");
  const run = spawnSync(process.execPath, [join(repoRoot, "bin", "sitrep.js"), "build", "--content", fixture, "--out", site], {
    encoding: "utf8",
    env: { ...process.env, SITREP_RENDERER: "eleventy" },
  });
  expect(run.status, run.stderr).toBe(0);
  streamed = join(root, "streamed");
  const own = sitrep(["build", "--content", fixture, "--out", streamed]);
  expect(own.status, own.stderr).toBe(0);
});

function written(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

describe("pages rendered on request", () => {
  it("equal the built pages, byte for byte, and are all of them", async () => {
    const table = pageTable(await loadTemplates(), loadSite(fixture).index);
    expect(table.size).toBeGreaterThan(20);
    for (const [url, render] of table) expect(render(), url).toBe(readFileSync(join(site, outputPath(url)), "utf8"));
    // Everything Eleventy rendered is in the table (the rest: public/, data export, sitemap, search index, map backgrounds).
    const rendered = written(site).filter((f) => /\.(html|xml|json)$/.test(f) && !/^(pagefind|data|css|js)\//.test(f) && f !== "sitemap.xml");
    expect([...table.keys()].map(outputPath).sort()).toEqual(rendered.sort());
  });

  it("sitrep build writes the same site as Eleventy", () => {
    const eleventy = hashTree(site);
    expect(Object.keys(eleventy).filter((f) => f.startsWith("maps/")).length).toBeGreaterThan(0);
    expect(hashTree(streamed)).toEqual(eleventy);
  });

  it("map the permalinks as Eleventy writes them", () => {
    expect(outputPath("/")).toBe("index.html");
    expect(outputPath("/actors/x/")).toBe("actors/x/index.html");
    expect(outputPath("/feed.xml")).toBe("feed.xml");
    expect(outputPath("/404.html")).toBe("404.html");
  });
});

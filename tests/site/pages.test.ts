/**
 * The page table (src/site/pages.ts) the dev server renders on request: every page it renders is
 * byte-equal to the page `sitrep build` wrote through Eleventy, and it has exactly the pages (and
 * feeds) Eleventy wrote.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { sitrep } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { loadSite } from "../../src/site/build.js";
import { loadTemplates, outputPath, pageTable } from "../../src/site/pages.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
let site: string;

beforeAll(() => {
  site = join(mkdtempSync(join(tmpdir(), "sitrep-pages-")), "_site");
  const run = sitrep(["build", "--content", fixture, "--out", site]);
  expect(run.status, run.stderr).toBe(0);
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

  it("the built site has the maps' background files the pages refer to", () => {
    const files = new Set(written(site));
    const refs = new Set<string>();
    for (const f of files) if (f.endsWith(".html")) for (const m of readFileSync(join(site, f), "utf8").matchAll(/<image class="map-[a-z]+" href="\/(maps\/[^"]+)"/g)) refs.add(m[1]!);
    expect(refs.size).toBeGreaterThan(0);
    for (const r of refs) expect(files.has(r), r).toBe(true);
    expect([...files].filter((f) => f.startsWith("maps/")).sort()).toEqual([...refs].sort());
  });

  it("map the permalinks as Eleventy writes them", () => {
    expect(outputPath("/")).toBe("index.html");
    expect(outputPath("/actors/x/")).toBe("actors/x/index.html");
    expect(outputPath("/feed.xml")).toBe("feed.xml");
    expect(outputPath("/404.html")).toBe("404.html");
  });
});

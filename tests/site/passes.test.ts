/**
 * A large site renders in several Eleventy passes (src/site/passes.ts). The pages must not depend
 * on how many: the fixture site built in one pass and in many (a tiny SITREP_PAGES_PER_PASS) has the
 * same files, byte for byte, search index included (its pages go to Pagefind in URL order).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sitrep } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { hashTree } from "../helpers/tree.js";
import { loadSite } from "../../src/site/build.js";
import { loadTemplates, lookup, pageEntries } from "../../src/site/pages.js";
import { PASS_WEIGHTS, PASSED_TEMPLATES, sharePasses } from "../../src/site/passes.js";
import { planRender } from "../../src/site/incremental.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
const PER_PASS = 7;
let one: string;
let many: string;

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), "sitrep-passes-"));
  one = join(tmp, "one");
  many = join(tmp, "many");
  const env = { ...process.env, SITREP_CACHE: "off" };
  delete env.SITREP_PAGES_PER_PASS;
  const onePass = sitrep(["build", "--content", fixture, "--out", one], repoRoot, env);
  expect(onePass.status, onePass.stderr).toBe(0);
  const manyPasses = sitrep(["build", "--content", fixture, "--out", many], repoRoot, { ...env, SITREP_PAGES_PER_PASS: String(PER_PASS) });
  expect(manyPasses.status, manyPasses.stderr).toBe(0);
  const summary = (out: string) => out.split("\n").find((l) => l.startsWith("sitrep: built"))?.replace(/ in [\d.]+ s$/, "");
  expect(summary(manyPasses.stderr)).toBe(summary(onePass.stderr)!.replace(one, many));
  // Each page is written once: the passes' counts add up to the one pass's.
  // ("Wrote 1 file" for a pass of one page.)
  const wrote = (out: string) => [...out.matchAll(/Wrote (\d+) files?/g)].reduce((n, m) => n + Number(m[1]), 0);
  expect(wrote(manyPasses.stdout)).toBe(wrote(onePass.stdout));
});

describe("rendering in passes", () => {
  it("the fixture site needs several passes at the test's page budget, one by default", async () => {
    const { index } = loadSite(fixture);
    const pages = pageEntries(await loadTemplates(), index);
    expect(planRender(pages, index, { cacheDir: null, previousDir: null }, PER_PASS).passes).toBeGreaterThan(3);
    expect(planRender(pages, index, { cacheDir: null, previousDir: null }).passes).toBe(1);
  });

  it("shares pages out by weight: contiguous runs of about the same weight, fewer heavy pages to a pass", () => {
    const { briefing, timeline } = PASS_WEIGHTS;
    expect(timeline).toBeGreaterThan(2 * briefing);
    // 2,000 briefing pages, then 2,000 timeline pages, 1,000 briefing pages' worth to a pass.
    const weights = [...Array<number>(2000).fill(briefing), ...Array<number>(2000).fill(timeline)];
    const { count, pass } = sharePasses(weights, 1000);
    const total = 2000 * briefing + 2000 * timeline;
    expect(count).toBe(Math.ceil(total / 1000));
    for (let i = 1; i < pass.length; i++) expect(pass[i]! - pass[i - 1]!).toBeGreaterThanOrEqual(0), expect(pass[i]! - pass[i - 1]!).toBeLessThanOrEqual(1);
    expect(pass[0]).toBe(0);
    expect(pass.at(-1)).toBe(count - 1);
    const per = Array.from({ length: count }, (_, k) => ({ pages: 0, weight: 0 }));
    pass.forEach((k, i) => (per[k]!.pages++, (per[k]!.weight += weights[i]!)));
    for (const p of per) expect(p.weight).toBeLessThanOrEqual(1000 + timeline);
    // A pass of briefing pages only renders more pages than a pass of timeline pages only.
    expect(per[0]!.pages).toBeGreaterThan(2 * per.at(-1)!.pages);
    // One pass when everything fits.
    expect(sharePasses(weights, total)).toEqual({ count: 1, pass: weights.map(() => 0) });
  });

  it("gives the same site in many passes as in one, search index included", () => {
    const a = hashTree(one);
    const b = hashTree(many);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    expect(Object.keys(a).filter((k) => !k.startsWith("pagefind/")).length).toBeGreaterThan(50);
    for (const path of Object.keys(a)) expect(b[path], path).toBe(a[path]);
  });

  it("PASSED_TEMPLATES lists exactly the templates whose pages are split over the passes", async () => {
    // The templates are compiled modules: set the pass on the compiled passes module they import.
    const compiled = (await import(pathToFileURL(join(repoRoot, "dist", "src", "site", "passes.js")).href)) as typeof import("../../src/site/passes.js");
    const { index } = loadSite(fixture);
    const split: string[] = [];
    for (const { name, module } of await loadTemplates()) {
      const pagination = module.data?.pagination;
      if (!pagination?.before) continue;
      const items = lookup(pagination.data, module, index) as never[];
      const all = pagination.before(items).length;
      compiled.providePass({ index: 0, count: 2 });
      try {
        if (pagination.before(items).length < all) split.push(name.replace(/\.11ty\.js$/, ""));
      } finally {
        compiled.providePass(null);
      }
    }
    expect(split.sort()).toEqual([...PASSED_TEMPLATES].sort());
  });
});

/**
 * Incremental rendering (src/site/incremental.ts): a page whose key is unchanged is copied from the
 * last build instead of rendered. Held here:
 * - every template's `inputs` covers what its pages show: over two versions of the fixture content,
 *   every page whose key did not change renders to the same bytes (a dependency left out of `inputs`
 *   is a page whose key stays while its HTML changes);
 * - the site a build makes from the last one is byte-identical to a full build of the same content,
 *   search index included, after nothing changed, after edits, after a page of the output was
 *   changed by hand and with a corrupt manifest;
 * - a build leaves in the cache folder only what the next can use: the entries of the articles it
 *   built and the manifests of output folders that exist.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sitrep } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";
import { hashTree } from "../helpers/tree.js";
import { loadSite } from "../../src/site/build.js";
import { planRender } from "../../src/site/incremental.js";
import { loadTemplates, outputPath, pageEntries, pageTable } from "../../src/site/pages.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
let tmp: string;

const rewrite = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, "utf8")));

/**
 * Edits of the fixture, each reaching other pages than its own file's: a place moved (the maps of
 * the places named beside it), an article retitled (every page that lists it), a claim added (its
 * actors, places, source and the timeline), a word of the first sentence changed for one as long (so
 * no position moves: the feeds of the actors named only further on, which carry the summary).
 */
const edits: Record<string, (content: string) => void> = {
  "place moved": (content) => rewrite(join(content, "entities", "tartus.md"), (t) => t.replace(/^coordinates: .*$/m, "coordinates: [35.9, 34.95]")),
  "article retitled": (content) => rewrite(join(content, "articles", "corrections.md"), (t) => t.replace(/^title: .*$/m, "title: A retitled briefing")),
  "claim added": (content) =>
    appendFileSync(join(content, "articles", "jets-leave-hmeimim.md"), "\nSatellite imagery suggests that more aircraft may reportedly leave Tartus soon, according to Turkish officials.\n"),
  "summary reworded": (content) => rewrite(join(content, "articles", "imagery-shows-khmeimim.md"), (t) => t.replace("cargo aircraft", "heavy aircraft")),
};

function edit(content: string): void {
  for (const change of Object.values(edits)) change(content);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "sitrep-incremental-"));
});

const env = (cache: string) => ({ ...process.env, SITREP_CACHE: cache });
const kept = (stderr: string) => Number(/\(([\d,]+) unchanged pages kept/.exec(stderr)?.[1]?.replace(/,/g, "") ?? 0);

function build(content: string, out: string, cache: string) {
  const run = sitrep(["build", "--content", content, "--out", out], repoRoot, env(cache));
  expect(run.status, run.stderr).toBe(0);
  return run;
}

describe("page keys", () => {
  it.each(Object.keys(edits))("change whenever a page's HTML changes: %s", async (name) => {
    const edited = join(tmp, "keys", name.replace(/ /g, "-"), "content");
    cpSync(fixture, edited, { recursive: true });
    edits[name]!(edited);
    const templates = await loadTemplates();
    const version = (dir: string) => {
      const { index } = loadSite(dir);
      const plan = planRender(pageEntries(templates, index), index, { cacheDir: null, previousDir: null });
      const table = pageTable(templates, index);
      return { keys: new Map(plan.pages.map((p) => [p.path, p.key])), render: new Map([...table].map(([url, render]) => [outputPath(url), render])) };
    };
    const before = version(fixture);
    const after = version(edited);
    let same = 0;
    let changed = 0;
    for (const [path, key] of before.keys) {
      if (after.keys.get(path) !== key) {
        changed++;
        continue;
      }
      same++;
      expect(after.render.get(path)!(), `${path}: same key, different page`).toBe(before.render.get(path)!());
    }
    // Both kinds occur, so the check above checked something.
    expect(same).toBeGreaterThan(10);
    expect(changed).toBeGreaterThan(0);
  });
});

// Each test runs four or five builds: the hooks' budget (vitest.config.ts), not a single test's.
const BUILDS = { timeout: 240_000 };

describe("a build from the last build", () => {
  it("keeps every page when nothing changed, and gives the same site", BUILDS, () => {
    const cache = join(tmp, "same", "cache");
    const out = join(tmp, "same", "_site");
    build(fixture, out, cache);
    const first = hashTree(out);
    const again = build(fixture, out, cache);
    const { index } = loadSite(fixture);
    expect(kept(again.stderr)).toBeGreaterThanOrEqual(index.briefings.length + index.actors.length);
    expect(hashTree(out)).toEqual(first);
  });

  it("after edits, renders what changed and equals a full build", BUILDS, () => {
    const content = join(tmp, "edit", "content");
    cpSync(fixture, content, { recursive: true });
    const cache = join(tmp, "edit", "cache");
    const out = join(tmp, "edit", "_site");
    const all = kept(build(content, out, cache).stderr);
    expect(all).toBe(0);
    const full = kept(build(content, out, cache).stderr);
    edit(content);
    const partial = kept(build(content, out, cache).stderr);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(full);
    const cold = join(tmp, "edit", "cold");
    build(content, cold, "off");
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("renders again a page changed by hand in the output, and ignores a corrupt manifest", BUILDS, () => {
    const cache = join(tmp, "tamper", "cache");
    const out = join(tmp, "tamper", "_site");
    build(fixture, out, cache);
    const cold = hashTree(out);
    const page = join(out, "actors", "dmitry-peskov", "index.html");
    writeFileSync(page, "<p>changed by hand</p>");
    const rebuilt = build(fixture, out, cache);
    expect(kept(rebuilt.stderr)).toBeGreaterThan(0);
    expect(hashTree(out)).toEqual(cold);
    const manifests = readdirSync(cache).filter((f) => f.startsWith("render-"));
    expect(manifests).toHaveLength(1);
    const manifest = join(cache, manifests[0]!);
    // A manifest that names a file outside the site, then one cut short: nothing is trusted.
    const json = JSON.parse(readFileSync(manifest, "utf8")) as { pages: Record<string, unknown[]> };
    for (const entry of Object.values(json.pages)) entry[4] = ["../../../etc/passwd"];
    for (const corrupt of [JSON.stringify(json), JSON.stringify(json).slice(0, 100)]) {
      writeFileSync(manifest, corrupt);
      const fresh = build(fixture, out, cache);
      expect(kept(fresh.stderr)).toBe(0);
      expect(hashTree(out)).toEqual(cold);
    }
  });
});

describe("the cache folder after a build", () => {
  const entries = (cache: string) =>
    readdirSync(cache)
      .filter((d) => /^[0-9a-f]{2}$/.test(d))
      .flatMap((d) => readdirSync(join(cache, d)).filter((n) => n.endsWith(".json")).map((n) => join(cache, d, n)));
  const manifests = (cache: string) => readdirSync(cache).filter((f) => /^render-.*\.json$/.test(f));

  it("holds the entries of the articles just built and the manifests of output folders that exist", BUILDS, () => {
    const content = join(tmp, "prune", "content");
    cpSync(fixture, content, { recursive: true });
    const articles = readdirSync(join(content, "articles")).filter((n) => n.endsWith(".md")).length;
    const cache = join(tmp, "prune", "cache");
    const out = join(tmp, "prune", "_site");
    const other = join(tmp, "prune", "other");
    build(content, out, cache);
    expect(entries(cache)).toHaveLength(articles);
    // An entry of no article (another extractor version, say), and a manifest from before manifests named their folder.
    mkdirSync(join(cache, "ff"), { recursive: true });
    const stale = join(cache, "ff", `${"0".repeat(62)}.json`);
    writeFileSync(stale, "sitrep-cache 1 x y\n{}");
    const unnamed = join(cache, "render-0123456789abcdef.json");
    writeFileSync(unnamed, JSON.stringify({ format: 2, pages: {} }));
    // A fresh entry of no article stays (another build may be using it); the day's grace is over for
    // entries last written or read two days ago. Entries the next build reads are marked used again.
    const fresh = join(cache, "ff", `${"1".repeat(62)}.json`);
    writeFileSync(fresh, "sitrep-cache 1 x y\n{}");
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const path of entries(cache)) if (path !== fresh) utimesSync(path, twoDaysAgo, twoDaysAgo);
    // Edited articles get new entries; the old ones go.
    edit(content);
    build(content, other, cache);
    expect(existsSync(fresh)).toBe(true);
    rmSync(fresh);
    expect(entries(cache)).toHaveLength(articles);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(unnamed)).toBe(false);
    expect(manifests(cache)).toHaveLength(2);
    // An output folder removed: its manifest goes with the next build. The first site's manifest
    // stayed, so its pages that the edits did not reach are kept; the site is what a full build makes.
    rmSync(other, { recursive: true, force: true });
    for (const path of entries(cache)) utimesSync(path, twoDaysAgo, twoDaysAgo);
    const again = build(content, out, cache);
    expect(manifests(cache)).toHaveLength(1);
    // The entries this build read from the cache are marked used (another build's pruning leaves them for a day).
    expect(entries(cache)).toHaveLength(articles);
    for (const path of entries(cache)) expect(statSync(path).mtimeMs, path).toBeGreaterThan(Date.now() - 3_600_000);
    expect(kept(again.stderr)).toBeGreaterThan(0);
    const cold = join(tmp, "prune", "cold");
    build(content, cold, "off");
    expect(hashTree(out)).toEqual(hashTree(cold));
  });
});

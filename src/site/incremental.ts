/**
 * Incremental rendering: a page renders only when what it shows changed since the last build.
 *
 * Every page of PASSED_TEMPLATES (./passes.ts: one per article, per entity, per entity feed and per
 * archive and timeline page, i.e. all but a handful of the site's pages) gets a key: sha256 of the render
 * version (the compiled code, the static files and the dependency lock: any change to them renders
 * everything again), the site's settings, the template, and what the template says the page shows
 * (its exported `inputs(data)`: the item it paginates over, plus for a place page the places its
 * map shows and for a feed the briefings it lists, the latest of them). Claims and briefings enter a key by their own
 * digest, so a page's key costs a hash of its item, not of everything the item links to.
 *
 * `sitrep build` keeps the key of every such page it wrote, with the file's size and modification
 * time, in a manifest in the cache folder (`render-<hash of the output folder>.json`). On the next
 * build a page whose key is unchanged and whose file in the current output is still the one written
 * (same size and time) is hard-linked (or copied) from it instead of rendered, with the map
 * backgrounds it refers to. The pages that always render (home, indexes, site feeds, map, search,
 * 404), the data export and the sitemap are made afresh from the whole site. The search index is
 * copied too when every HTML page of the site has the same content (by key, or by hash for the pages
 * that always render) as when it was made,
 * and otherwise made afresh from all pages: Pagefind cannot update an index.
 *
 * The result is byte-identical to a full build (tests/site/incremental.test.ts, which also holds
 * every template's `inputs` to what its pages actually show). A missing, corrupt or foreign
 * manifest, the cache turned off, or an output file changed by hand only means more pages render.
 */
import { createHash, hash } from "node:crypto";
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { packageRoot, publicDir, templatesDir } from "../paths.js";
import type { SiteIndex } from "./index.js";
import { outputPath, type PageEntry } from "./pages.js";
import { filesUnder } from "../util/files.js";
import { pagesPerPass, PASS_WEIGHTS, PASSED_TEMPLATES, sharePasses, type PassedTemplate } from "./passes.js";

/** Bump by hand when the manifest's layout changes. */
const MANIFEST_FORMAT = 2;

/** One page of the plan: where it goes and its key. */
export interface PlannedPage {
  url: string;
  /** Relative to the output folder (`actors/x/index.html`). */
  path: string;
  key: string;
}

/** A page file of the new site: the search index and the next manifest need its digest and maps. */
export interface PageFile {
  url: string;
  /** Relative to the output folder. */
  path: string;
  /** What its content is a function of: its key for a planned page, else the hash of its content. */
  digest: string;
  /** The map backgrounds it refers to (`maps/<hash>-land.svg`). */
  maps: string[];
}

export interface RenderPlan {
  /** Per template, the pass that renders each of its pages, -1 for none (./passes.ts hands this to the templates). */
  render: Map<string, number[]>;
  /** How many Eleventy passes render the pages (./passes.ts). */
  passes: number;
  /** Every page of PASSED_TEMPLATES, in template and page order. */
  pages: PlannedPage[];
  /** The pages copied from the previous output instead of rendered. */
  reused: PlannedPage[];
  /** How many pages of PASSED_TEMPLATES render. */
  rendered: number;
  /** The manifest of the previous output, when it is usable. */
  previous: Manifest | null;
}

export interface Manifest {
  /** The output folder it describes (first, so `pruneManifests` reads only the start of the file). */
  out: string;
  format: number;
  version: string;
  /** Output path → [key, size, mtimeMs, digest (./PageFile), map files] of each planned page as written. */
  pages: Record<string, [string, number, number, string, string[]]>;
  /** The search index: the key of the pages it was made from, and its files → [size, mtimeMs]. */
  search: { key: string; files: Record<string, [number, number]> } | null;
}

let version: string | null = null;

/**
 * sha256 of everything that shapes a page besides the index: the compiled templates and sources,
 * the static files, package.json and package-lock.json. Computed once per process.
 */
export function renderVersion(): string {
  if (version) return version;
  const h = createHash("sha256").update(`sitrep-render ${MANIFEST_FORMAT}\0`);
  const files = [...filesUnder(templatesDir), ...filesUnder(join(packageRoot, "dist", "src")), ...filesUnder(publicDir)];
  for (const file of ["package.json", "package-lock.json"]) if (existsSync(join(packageRoot, file))) files.push(join(packageRoot, file));
  for (const file of files) h.update(`${relative(packageRoot, file)}\0`).update(readFileSync(file)).update("\0");
  return (version = h.digest("hex"));
}

/** sha256 in hex, in one call (`crypto.hash`: no Hash object per digest, which cost more than the hashing for the short texts of claims). */
const sha256 = (text: string) => hash("sha256", text, "hex");

/**
 * The text a page's key is hashed from. The index's claims, briefing pages and article references
 * stand in by their own digest, made once each: the claims a page lists are the index's own objects,
 * so a key costs a hash of the page's item, not of everything it links to. A briefing page's text is
 * not in the index (./details.ts); its `textDigest` stands for it. Objects are walked (in JavaScript)
 * only as deep as the index keeps those objects; anything below is serialised by `JSON.stringify` as
 * it is, which is correct either way, only slower if something known sits deeper.
 */
class KeyText {
  private readonly known = new WeakMap<object, string>();

  constructor(index: SiteIndex) {
    // An article's reference (./index.ts ArticleRef) is one object shared by its claims, its
    // mentions and the article lists of the pages that name it: half of a claim's JSON, and most of
    // a mention's, so each is serialised once, and a claim's digest is made of its article's and the
    // JSON of everything else it has (the same as its whole JSON, the article written once).
    for (const claim of index.claims) {
      const { article, ...rest } = claim;
      this.known.set(claim, `claim:${sha256(`${this.article(article)}${JSON.stringify(rest)}`)}`);
    }
    for (const pages of [index.actors, index.bases, index.locations, index.sources]) for (const page of pages) for (const ref of page.articles) this.article(ref);
    for (const page of index.briefings) this.known.set(page, `briefing:${sha256(this.of(page))}`);
  }

  /** An article reference's digest (a fixed length, so what follows it in a claim's text cannot shift into it). */
  private article(ref: object): string {
    let digest = this.known.get(ref);
    if (digest === undefined) this.known.set(ref, (digest = `article:${sha256(JSON.stringify(ref))}`));
    return digest;
  }

  of(value: unknown): string {
    return JSON.stringify(this.compact(value, WALK_DEPTH));
  }

  private compact(value: unknown, depth: number): unknown {
    if (typeof value !== "object" || value === null) return value;
    const digest = this.known.get(value);
    if (digest !== undefined) return digest;
    if (depth === 0) return value;
    if (Array.isArray(value)) return value.map((v) => this.compact(v, depth - 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.compact(v, depth - 1);
    return out;
  }
}

/** Deep enough for a timeline page's claims (inputs → page → claims → claim) and a feed's briefings. */
const WALK_DEPTH = 5;

/**
 * The render plan: every page of PASSED_TEMPLATES with its key, and which of them can be copied
 * from `previousDir` (the current output) because the manifest in `cacheDir` shows the file there
 * was written from the same key. Without a cache folder or previous output, every page renders.
 * `pages` are the site's pages (./pages.ts `pageEntries`, made outside any pass: every page).
 */
export function planRender(pages: readonly PageEntry[], index: SiteIndex, options: { cacheDir: string | null; previousDir: string | null }, perPass: number = pagesPerPass()): RenderPlan {
  const previous = options.cacheDir && options.previousDir ? readManifest(options.cacheDir, options.previousDir) : null;
  const text = new KeyText(index);
  const common = `${renderVersion()}\0${JSON.stringify(index.site)}\0`;
  const plan: RenderPlan = { render: new Map(), passes: 1, pages: [], reused: [], rendered: 0, previous };
  const toRender: Array<{ url: string; passes: number[]; at: number; weight: number }> = [];
  const passed = new Set<string>(PASSED_TEMPLATES);
  for (const { template, module, data, url } of pages) {
    const stem = template.replace(/\.11ty\.js$/, "");
    if (!passed.has(stem)) continue;
    if (!module.data?.pagination?.before || !module.inputs) throw new Error(`sitrep: template ${template} must paginate with pageItems and export inputs()`);
    // A template's pages come in its `before` order, the order the passes filter.
    let passes = plan.render.get(stem);
    if (!passes) plan.render.set(stem, (passes = []));
    const page = { url, path: outputPath(url), key: sha256(`${common}${stem}\0${text.of(module.inputs(data as never))}`) };
    plan.pages.push(page);
    if (previous !== null && unchanged(previous, options.previousDir!, page)) {
      plan.reused.push(page);
      passes.push(-1);
    } else {
      toRender.push({ url, passes, at: passes.length, weight: PASS_WEIGHTS[stem as PassedTemplate] });
      passes.push(0);
    }
  }
  // The pages to render go to the passes in site order (template by template, each in its page
  // order: the order Eleventy renders them in), a contiguous run each, by weight (./passes.ts).
  plan.rendered = toRender.length;
  const shared = sharePasses(toRender.map((p) => p.weight), perPass);
  plan.passes = shared.count;
  toRender.forEach(({ passes, at }, i) => (passes[at] = shared.pass[i]!));
  return plan;
}

const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** The manifest says this file was written from this key, and the file is still as written. */
function unchanged(manifest: Manifest, dir: string, page: PlannedPage): boolean {
  const entry = manifest.pages[page.path];
  return entry !== undefined && entry[0] === page.key && asWritten(join(dir, page.path), entry[1], entry[2]);
}

function asWritten(path: string, size: number, mtimeMs: number): boolean {
  const stat = statOf(path);
  return stat !== null && stat.isFile() && stat.size === size && stat.mtimeMs === mtimeMs;
}

/**
 * A page Eleventy just rendered, as the search index and the manifest need it. A planned page's
 * content is a function of its key, so the key stands for it; another page's content is hashed.
 */
export function pageFile(url: string, path: string, content: string, key?: string): PageFile {
  // The names are copied out of the page (`flatCopy`): a regexp match is a slice of its subject, and
  // the build keeps every page's record until it ends, so a slice kept the whole page alive with it.
  const maps = path.endsWith(".html") && content.includes('"/maps/') ? [...new Set(Array.from(content.matchAll(MAP_FILE), (m) => flatCopy(`maps/${m[1]}`)))] : [];
  return { url, path, digest: key ? `key:${key}` : sha256(content), maps };
}

/** A copy of a short string that shares no memory with the string it was cut from. */
function flatCopy(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

/** Hard-links a file, or copies it where a link cannot be made (another file system). */
function linkOrCopy(from: string, to: string, made: Set<string>): void {
  const dir = dirname(to);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Copies the plan's reused pages from `fromDir` (the current output) into `toDir`; returns them as page files. */
export function copyReused(plan: RenderPlan, fromDir: string, toDir: string): PageFile[] {
  const made = new Set<string>();
  return plan.reused.map(({ url, path }) => {
    const [, , , digest, maps] = plan.previous!.pages[path]!;
    linkOrCopy(join(fromDir, path), join(toDir, path), made);
    return { url, path, digest, maps };
  });
}

/**
 * Copies the map backgrounds (named by their content's hash) that the reused pages refer to and
 * this build did not draw (after the render: the files it drew are written then).
 */
export function copyReusedMaps(reused: readonly PageFile[], fromDir: string, toDir: string): void {
  const made = new Set<string>();
  const maps = new Set(reused.flatMap((f) => f.maps));
  for (const path of [...maps].sort()) if (!existsSync(join(toDir, path))) linkOrCopy(join(fromDir, path), join(toDir, path), made);
}

const MAP_PATH = /^maps\/[\w-]+\.svg$/;
const SEARCH_PATH = /^pagefind\/[\w./-]+$/;
const MAP_FILE = /"\/maps\/([\w-]+\.svg)"/g;

/** What the search index is made from: every HTML page's URL and digest. */
export function searchKey(pages: readonly PageFile[]): string {
  const h = createHash("sha256");
  for (const p of pages.filter((p) => p.path.endsWith(".html")).sort(byUrl)) h.update(`${p.url}\0${p.digest}\0`);
  return h.digest("hex");
}

/**
 * Copies the previous output's search index (`pagefind/`) when it was made from the same pages and
 * its files are as written; false (nothing copied) otherwise.
 */
export function copySearchIndex(plan: RenderPlan, key: string, fromDir: string, toDir: string): boolean {
  const search = plan.previous?.search;
  if (!search || search.key !== key) return false;
  const files = Object.entries(search.files);
  if (files.length === 0 || !files.every(([path, [size, mtimeMs]]) => asWritten(join(fromDir, path), size, mtimeMs))) return false;
  const made = new Set<string>();
  for (const [path] of files) linkOrCopy(join(fromDir, path), join(toDir, path), made);
  return true;
}

function manifestPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, `render-${sha256(resolve(outDir)).slice(0, 16)}.json`);
}

function readManifest(cacheDir: string, outDir: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(cacheDir, outDir), "utf8")) as Partial<Manifest>;
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== renderVersion() || typeof manifest.pages !== "object" || manifest.pages === null) return null;
    // Entries are checked where they are used (a wrong one is a page that renders again).
    // Paths it names are only ever ours: map backgrounds and search index files, never `..`.
    for (const entry of Object.values(manifest.pages)) if (!Array.isArray(entry) || entry.length !== 5 || !Array.isArray(entry[4]) || !entry[4].every((m) => typeof m === "string" && MAP_PATH.test(m))) return null;
    const search = manifest.search;
    if (search !== null && (typeof search !== "object" || typeof search.files !== "object" || search.files === null || !Object.keys(search.files).every((f) => SEARCH_PATH.test(f) && !f.split("/").includes("..")))) return null;
    return manifest as Manifest;
  } catch {
    // Missing or unreadable: everything renders (and the next manifest replaces it).
    return null;
  }
}

/**
 * Records the plan's pages and the search index as they now are in `outDir` (after the new site was
 * swapped in), for the next build. Written to a temporary file renamed into place; a failure to
 * write only costs the next build its reuse.
 */
export function writeManifest(plan: RenderPlan, files: readonly PageFile[], search: string, cacheDir: string, outDir: string): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const pages: Manifest["pages"] = {};
  for (const { path, key } of plan.pages) {
    const file = byPath.get(path);
    const stat = file && statOf(join(outDir, path));
    if (file && stat) pages[path] = [key, stat.size, stat.mtimeMs, file.digest, file.maps];
  }
  const searchFiles: Record<string, [number, number]> = {};
  for (const file of filesUnder(join(outDir, "pagefind"))) {
    const stat = statOf(file);
    if (stat) searchFiles[relative(outDir, file).split(sep).join("/")] = [stat.size, stat.mtimeMs];
  }
  const target = manifestPath(cacheDir, outDir);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, JSON.stringify({ out: resolve(outDir), format: MANIFEST_FORMAT, version: renderVersion(), pages, search: { key: search, files: searchFiles } } satisfies Manifest));
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * Removes the manifests of output folders that no longer exist (a manifest per output folder ever
 * built accumulates otherwise: every test and benchmark build writes one), and those that do not
 * say which folder they describe (written before they did; that site renders in full once more).
 * The manifest of `outDir` stays. Best effort.
 */
export function pruneManifests(cacheDir: string, outDir: string): number {
  const current = manifestPath(cacheDir, outDir);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(cacheDir).filter((n) => /^render-[0-9a-f]{16}\.json$/.test(n));
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(cacheDir, name);
    if (path === current) continue;
    const out = manifestOut(path);
    if (out === null || !existsSync(out)) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** The output folder a manifest names, from the first bytes of the file; null if it names none. */
function manifestOut(path: string): string | null {
  try {
    const fd = openSync(path, "r");
    const head = Buffer.alloc(8192);
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const m = /^\{"out":("(?:[^"\\]|\\.)*")/.exec(head.subarray(0, n).toString("utf8"));
    return m ? (JSON.parse(m[1]!) as string) : null;
  } catch {
    return null;
  }
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

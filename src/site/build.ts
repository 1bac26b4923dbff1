/**
 * `sitrep build`: extract every article, fold them into the site index once, render with Eleventy
 * into a fresh folder beside the output, and swap it in only when everything succeeded. Content
 * files are only read; a failed build leaves the previous site exactly as it was.
 */
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import type { VFile } from "vfile";
import { loadRegistry, type Registry } from "../registry.js";
import { findArticles } from "../content.js";
import { buildSiteIndex, defaultSiteMeta, type SiteIndex, type SiteMeta } from "./index.js";
import { provideSite, provideWritten } from "./eleventy.js";
import { provideRendered } from "./rendered.js";
import { postBuild } from "./postbuild.js";
import { startSearch, type SearchFeed } from "./search-index.js";
import { copyReused, copyReusedMaps, copySearchIndex, pageFile, planRender, pruneManifests, searchKey, writeManifest, type PageFile, type RenderPlan } from "./incremental.js";
import { loadTemplates, outputPath, pageEntries } from "./pages.js";
import { eleventyConfigPath, templatesDir } from "../paths.js";
import { hasErrors } from "../util/messages.js";
import { lastExtractionStats, type ExtractionOptions } from "./extract-all.js";
import { extractArchive, type Extraction } from "./extraction.js";
import { ExtractionCache } from "./cache.js";
import type { RecordList } from "./details.js";
import { providePass } from "./passes.js";
import { peakRssSinceLast } from "../util/proc.js";

export { extractArticles, type Extraction } from "./extraction.js";

/** A content folder extracted and indexed; its `records` are read back from the extraction cache one at a time where they are in it (./details.ts). */
export interface LoadedSite extends Extraction<RecordList> {
  index: SiteIndex;
  registry: Registry;
  /** The extraction cache folder (also holds the render manifest); null when caching is off. */
  cacheDir: string | null;
}

/** Everything `check`, `build` and the dev server need from a content folder. */
export function loadSite(contentDir: string, options: Pick<ExtractionOptions, "oneShot"> = {}): LoadedSite {
  const { registry, files: registryFiles } = loadRegistry(contentDir);
  const articlesDir = join(contentDir, "articles");
  const paths = existsSync(articlesDir) ? findArticles([articlesDir]) : [];
  // Records in the extraction cache are not held but read back from it: by the index while it is
  // built, and by each briefing page when it renders (./details.ts).
  const extraction = extractArchive(paths, registry, options);
  const { cacheDir } = lastExtractionStats();
  const index = buildSiteIndex(extraction.records, registry, readSiteMeta(contentDir));
  return { ...extraction, files: [...registryFiles, ...extraction.files], index, registry, cacheDir };
}

function readSiteMeta(contentDir: string): SiteMeta {
  const path = join(contentDir, "site.yml");
  if (!existsSync(path)) return defaultSiteMeta;
  const data = (parseYaml(readFileSync(path, "utf8")) ?? {}) as Partial<Record<keyof SiteMeta, unknown>>;
  const text = (v: unknown, fallback: string) => (typeof v === "string" && v.trim() ? v.trim() : fallback);
  return {
    title: text(data.title, defaultSiteMeta.title),
    description: text(data.description, defaultSiteMeta.description),
    url: typeof data.url === "string" && /^https?:\/\//.test(data.url) ? data.url.replace(/\/+$/, "") : null,
    language: text(data.language, defaultSiteMeta.language),
  };
}

export interface RenderOptions {
  /** The current output, whose unchanged pages are copied instead of rendered (./incremental.ts). */
  previousDir?: string | null;
  /** Where the render manifest lives (the extraction cache folder); null: every page renders. */
  cacheDir?: string | null;
}

/** What `renderSite` made, for the manifest written once the site is in place (./incremental.ts). */
export interface Rendered {
  plan: RenderPlan;
  files: PageFile[];
  searchKey: string;
}

/**
 * Renders the index with Eleventy into `outDir`: plans which pages changed since the build that
 * wrote `previousDir` (./incremental.ts), renders those in one or more passes (./passes.ts),
 * copies the others, makes (or copies) the search index, and writes the post-build files.
 */
export async function renderSite(index: SiteIndex, outDir: string, options: RenderOptions = {}): Promise<Rendered> {
  const previousDir = options.previousDir ?? null;
  const pages = pageEntries(await loadTemplates(), index);
  const plan = planRender(pages, index, { cacheDir: options.cacheDir ?? null, previousDir });
  const files: PageFile[] = [];
  const reused = previousDir ? copyReused(plan, previousDir, outDir) : [];
  const { order, breaks } = searchOrder(pages, new Set(plan.pages.map((p) => p.url)));
  let search: SearchFeed | null = null;
  provideSite(() => index);
  const keys = new Map(plan.pages.map((p) => [p.path, p.key]));
  provideWritten((pages) => {
    for (const { url, outputPath, content } of pages) {
      const path = relative(outDir, resolve(outputPath)).split(sep).join("/");
      files.push(pageFile(url, path, content, keys.get(path)));
    }
  });
  try {
    if (plan.rendered > 0 || !previousDir) {
      // Pages will change: Pagefind indexes them on the other core while Eleventy renders.
      const running = (search = startSearch({ outDir, order, breaks, fromDisk: reused.map((f) => f.url) }));
      provideRendered((url, html) => running.arrive(url, html));
    }
    await writePages(outDir, plan);
    provideWritten(null);
    provideRendered(null);
    copyReusedMaps(reused, previousDir ?? outDir, outDir);
    files.push(...reused);
    const key = searchKey(files);
    if (!search && !copySearchIndex(plan, key, previousDir!, outDir)) {
      // Only the few pages that always render changed: index the whole site from disk.
      search = startSearch({ outDir, order, breaks, fromDisk: order });
    }
    // The last shard is written while the data export and the sitemap are.
    const searched = search?.finish();
    searched?.catch(() => undefined);
    // Test hook: fail after pages were written, to prove a half-built site is never published.
    if (process.env.SITREP_FAULT === "after-render") throw new Error("fault injected after rendering (SITREP_FAULT)");
    postBuild(index, outDir, files.filter((f) => f.path.endsWith(".html")).map((f) => f.url));
    await searched;
    return { plan, files, searchKey: key };
  } finally {
    provideSite(null);
    provideWritten(null);
    provideRendered(null);
    await search?.close();
  }
}

/** The template whose pages go to shards of their own: the briefings, nearly all of Pagefind's work. */
const OWN_SHARDS = "briefing.11ty.js";

/** The order the search index gets the site's HTML pages in, and where a shard may end early. */
export interface SearchOrder {
  order: string[];
  /** Positions in `order` where the pages of OWN_SHARDS begin or end. */
  breaks: number[];
}

/**
 * Every HTML page of the site, in the order the search index gets them: a function of the site
 * alone, so the index files do not depend on what rendered when. `pages` are the site's pages in
 * site order (./pages.ts `pageEntries`: template by template, each in its pagination order). The
 * pages of the paginated templates (`paginated`: nearly all) come first in that order, the order
 * the passes share them out in and each template renders them in (./passes.ts; briefings paginate
 * newest first, not in URL order). The few other pages (home, indexes, search, map), which the
 * first pass renders, follow in URL order: nothing waits for them.
 *
 * Pagefind writes a shard only once it has all of the shard's pages, and writing costs it about as
 * much as indexing (about 5 ms a briefing). The briefings render first and end their shard
 * (`breaks`, ./search-index.ts `endShard`), so that shard is written while the other pages still
 * render, and what is left after the last pass is the small entity pages' shard.
 */
export function searchOrder(pages: ReadonlyArray<{ url: string; template: string }>, paginated: ReadonlySet<string>): SearchOrder {
  const html = pages.filter((p) => outputPath(p.url).endsWith(".html"));
  const first = html.filter((p) => paginated.has(p.url));
  const own = (i: number) => first[i]!.template === OWN_SHARDS;
  const breaks = first.flatMap((_, i) => (i > 0 && own(i) !== own(i - 1) ? [i] : []));
  if (first.length > 0 && own(first.length - 1) && first.length < html.length) breaks.push(first.length);
  return { order: [...first.map((p) => p.url), ...html.filter((p) => !paginated.has(p.url)).map((p) => p.url).sort()], breaks };
}

/**
 * Eleventy keeps every page it rendered (its content and data: ~500 MB of heap per 1,000 articles)
 * until its instance is dropped, so the instance lives only here, not through the post-build steps.
 */
async function writePages(outDir: string, plan: RenderPlan): Promise<void> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  // A large site renders in several passes (./passes.ts), each its own Eleventy instance.
  const count = plan.passes;
  // SITREP_STATS: the peak memory before the render, then each pass's pages and peak. Each reading
  // resets the process's high-water mark, so a tool that reads it at exit (GNU time's %M) sees only
  // the time since the last pass: the whole build's peak is the largest of these lines and that.
  if (process.env.SITREP_STATS) {
    const before = peakRssSinceLast();
    // The heap limit bin/sitrep.js chose for this archive (or the one given in NODE_OPTIONS).
    const { getHeapStatistics } = await import("node:v8");
    console.error(
      `sitrep: render: ${count} pass${count === 1 ? "" : "es"}, heap limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MB${before === null ? "" : `; before it, peak RSS ${before} MB`}`,
    );
  }
  try {
    for (let pass = 0; pass < count; pass++) {
      providePass({ index: pass, count, render: plan.render });
      await writePass(new Eleventy(templatesDir, outDir, { quietMode: true, configPath: eleventyConfigPath }));
      if (process.env.SITREP_STATS) {
        const pages = [...plan.render.values()].reduce((n, passes) => n + passes.filter((p) => p === pass).length, 0);
        const peak = peakRssSinceLast();
        console.error(`sitrep: pass ${pass + 1} of ${count}: ${pages} pages${peak === null ? "" : `, peak RSS ${peak} MB`}`);
      }
    }
  } finally {
    providePass(null);
  }
}

/**
 * One pass, in a function of its own: `write()` resolves to every page the pass wrote, content
 * included, and the async function that awaits it keeps the value it was last resumed with until it
 * is resumed again: awaited in the loop above, one pass's pages lived through the whole of the next
 * pass. Here the value dies with this function's frame. Heap after a full collection between passes
 * (1,000 articles, 1,500-page passes): 111–123 MB before, 66–80 MB after; at 50,000 articles, after
 * the first pass (home page, site feeds, actor pages), 3,102 MB before and 1,207 MB after (with the
 * passes shared out by weight).
 */
async function writePass(eleventy: { write(): Promise<unknown> }): Promise<void> {
  await eleventy.write();
}

/**
 * Builds into `<out>.tmp-<pid>` beside the output and swaps it in. Any failure removes the
 * temporary folder and leaves `<out>` untouched.
 */
export async function writeSiteAtomically(outDir: string, write: (dir: string) => Promise<void>): Promise<void> {
  const out = resolve(outDir);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(out)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(out)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    await write(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(out);
  if (hadOld) renameSync(out, old);
  try {
    renameSync(tmp, out);
  } catch (error) {
    if (hadOld) renameSync(old, out);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  // The old site's thousands of folders go with many removals in flight at once (fs.promises.rm):
  // on a slow file system that is several times quicker than one at a time, for the same CPU.
  if (hadOld) await rm(old, { recursive: true, force: true });
}

export interface BuildResult {
  ok: boolean;
  /** Every file read, with its messages (an article's text is emptied once it is extracted). */
  files: VFile[];
  index: SiteIndex | null;
  /** Pages copied from the previous build because nothing they show changed (./incremental.ts). */
  reused: number;
}

/** What `build` keeps of a loaded site through the render: not its records, only the cache keys they were read from (the entries pruning keeps). */
function withoutRecords(site: LoadedSite): Pick<LoadedSite, "files" | "index" | "cacheDir"> & { built: Set<string> } {
  return { files: site.files, index: site.index, cacheDir: site.cacheDir, built: new Set(site.records.cacheKeys()) };
}

export async function build(contentDir: string, outDir: string, options: { strict?: boolean } = {}): Promise<BuildResult> {
  // Only the index, the files' messages and the cache folder live on through the render: the
  // extraction records (the index keeps what it shows of them) and the articles' text (every
  // message is made by now) go before the first page renders — 61 MB of heap at 4,000 articles.
  const { files: read, index, cacheDir, built } = withoutRecords(loadSite(contentDir, { oneShot: true }));
  for (const file of read) file.value = "";
  const messages = read.flatMap((f) => f.messages);
  if (hasErrors(messages) || (options.strict && messages.length > 0)) return { ok: false, files: read, index: null, reused: 0 };
  const previousDir = existsSync(outDir) ? outDir : null;
  let rendered: Rendered | null = null;
  await writeSiteAtomically(outDir, async (dir) => {
    rendered = await renderSite(index, dir, { previousDir, cacheDir });
  });
  const { plan, files, searchKey } = rendered!;
  if (cacheDir) {
    writeManifest(plan, files, searchKey, cacheDir, outDir);
    // The cache keeps what the next build can use: this site's entries and the manifests of output folders that exist.
    new ExtractionCache(cacheDir).prune(built);
    pruneManifests(cacheDir, outDir);
  }
  return { ok: true, files: read, index, reused: plan.reused.length };
}

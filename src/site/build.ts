/**
 * `sitrep build`: extract every article, fold them into the site index once, render with Eleventy
 * into a fresh folder beside the output, and swap it in only when everything succeeded. Content
 * files are only read; a failed build leaves the previous site exactly as it was.
 */
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { VFile } from "vfile";
import { createExtractor, extractFile } from "../pipeline.js";
import { loadRegistry, type Registry } from "../registry.js";
import { dedupeIds, findArticles, readArticle } from "../content.js";
import { buildSiteIndex, defaultSiteMeta, type ArticleRecord, type SiteIndex, type SiteMeta } from "./index.js";
import { provideSearch, provideSite } from "./eleventy.js";
import { postBuild } from "./postbuild.js";
import { openSearchIndex } from "./search-index.js";
import { eleventyConfigPath, templatesDir } from "../paths.js";
import { hasErrors } from "../util/messages.js";
import { extractAll } from "./extract-all.js";
import { passCount, providePass } from "./passes.js";

export interface Extraction {
  records: ArticleRecord[];
  /** Every file read (articles and registry), with its messages. */
  files: VFile[];
}

/** Extracts the given article files with one extractor (the registry links names to ids). */
export function extractArticles(paths: string[], registry: Registry): Extraction {
  // The cache and the worker pool live in ./extract-all.ts; records come back in input order.
  const all = paths.map(readArticle);
  const records = extractAll(dedupeIds(all), registry);
  return { records, files: all };
}

export interface LoadedSite extends Extraction {
  index: SiteIndex;
  registry: Registry;
}

/** Everything `check`, `build` and the dev server need from a content folder. */
export function loadSite(contentDir: string): LoadedSite {
  const { registry, files: registryFiles } = loadRegistry(contentDir);
  const articlesDir = join(contentDir, "articles");
  const paths = existsSync(articlesDir) ? findArticles([articlesDir]) : [];
  const extraction = extractArticles(paths, registry);
  const index = buildSiteIndex(extraction.records, registry, readSiteMeta(contentDir));
  return { ...extraction, files: [...registryFiles, ...extraction.files], index, registry };
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

/**
 * Renders the index with Eleventy into `outDir`. The search index is opened first and fed each
 * pass's pages after the pass (./search-index.ts); it is stopped on failure too.
 */
export async function renderSite(index: SiteIndex, outDir: string): Promise<void> {
  const search = await openSearchIndex();
  provideSite(() => index);
  provideSearch((url, html) => search.add(url, html));
  try {
    await writePages(outDir, index);
    // Test hook: fail after pages were written, to prove a half-built site is never published.
    if (process.env.SITREP_FAULT === "after-render") throw new Error("fault injected after rendering (SITREP_FAULT)");
    await postBuild(index, outDir, search);
  } finally {
    provideSite(null);
    provideSearch(null);
    await search.close();
  }
}

/**
 * Eleventy keeps every page it rendered (its content and data: ~500 MB of heap per 1,000 articles)
 * until its instance is dropped, so the instance lives only here, not through the post-build steps.
 */
async function writePages(outDir: string, index: SiteIndex): Promise<void> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  // A large site renders in several passes (./passes.ts), each its own Eleventy instance.
  const count = passCount(index);
  try {
    for (let pass = 0; pass < count; pass++) {
      providePass({ index: pass, count });
      const eleventy = new Eleventy(templatesDir, outDir, { quietMode: true, configPath: eleventyConfigPath });
      await eleventy.write();
    }
  } finally {
    providePass(null);
  }
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
    rmSync(tmp, { recursive: true, force: true });
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
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

export interface BuildResult {
  ok: boolean;
  files: VFile[];
  index: SiteIndex | null;
}

export async function build(contentDir: string, outDir: string, options: { strict?: boolean } = {}): Promise<BuildResult> {
  const site = loadSite(contentDir);
  const messages = site.files.flatMap((f) => f.messages);
  if (hasErrors(messages) || (options.strict && messages.length > 0)) return { ok: false, files: site.files, index: null };
  await writeSiteAtomically(outDir, (dir) => renderSite(site.index, dir));
  return { ok: true, files: site.files, index: site.index };
}


/**
 * The Eleventy plugin: wires the site index in as global data (`sitrep`), the page templates'
 * helpers as filters, the stylesheet as passthrough, and the content folder as a watch target.
 * Page templates live in `templates/` (TypeScript, compiled to `dist/templates/*.11ty.js`).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { templatesDir } from "../paths.js";
import { currentPass, PASSED_TEMPLATES } from "./passes.js";
import type { SiteIndex } from "./index.js";
import { mapFiles, resetMapFiles } from "./map.js";

/** Eleventy's config API, the part we use (Eleventy ships no types for it). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  ignores: Set<string>;
  addPassthroughCopy(paths: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
}

/** One page of `eleventy.after`'s results (the part we use). */
export interface RenderedPage {
  url: string | false;
  outputPath: string | false;
  content: string;
}

export interface Options {
  /** Produces the site index; called on every (re)build. */
  site: () => SiteIndex | Promise<SiteIndex>;
  /** Folders whose changes trigger a rebuild in `npm start`. */
  watch?: string[];
  /** Static assets copied to the site root. */
  publicDir: string;
}

let provider: Options["site"] | null = null;

/** `sitrep build` hands Eleventy the index it already built (so nothing is extracted twice). */
export function provideSite(site: Options["site"] | null): void {
  provider = site;
}

type SearchSink = (url: string, html: string) => Promise<void>;
let searchSink: SearchSink | null = null;

/** `sitrep build` hands each rendered page to the search index (./search-index.ts) after each pass. */
export function provideSearch(sink: SearchSink | null): void {
  searchSink = sink;
}

export function currentProvider(): Options["site"] | null {
  return provider;
}

export default function sitrepEleventy(eleventyConfig: EleventyConfig, options: Options): void {
  // The compiled templates live in dist/, which .gitignore lists.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addGlobalData("sitrep", () => options.site());
  const pass = currentPass();
  if (pass && pass.index > 0) {
    // Later passes of a large build (./passes.ts) render only their share of the pages of
    // PASSED_TEMPLATES; the first pass did the rest.
    const passed = new Set<string>(PASSED_TEMPLATES.map((stem) => `${stem}.11ty.js`));
    // (Eleventy takes ignores as globs relative to the working directory, so by file name.)
    for (const name of readdirSync(templatesDir)) if (name.endsWith(".11ty.js") && !passed.has(name)) eleventyConfig.ignores.add(`**/${name}`);
  } else {
    eleventyConfig.addPassthroughCopy({ [options.publicDir]: "/" });
  }
  for (const path of options.watch ?? []) eleventyConfig.addWatchTarget(path);
  // The maps' shared backgrounds (src/site/map.ts): drawn while pages render, written once each.
  eleventyConfig.on("eleventy.before", () => resetMapFiles());
  eleventyConfig.on("eleventy.after", async (event: { directories: { output: string }; results?: RenderedPage[] }) => {
    writeMapFiles(event.directories.output);
    // The pass's HTML pages go to the search index, sorted by URL: Pagefind numbers pages in the
    // order it gets them, and Eleventy's results come in the order its renders finished (a no-op
    // in the dev server, which builds no search index).
    if (!searchSink) return;
    const pages = (event.results ?? []).filter((p): p is RenderedPage & { url: string } => typeof p.url === "string" && typeof p.outputPath === "string" && p.outputPath.endsWith(".html"));
    pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    for (const { url, content } of pages) await searchSink(url, content);
  });
}

/** Writes the background files the pages' maps refer to (`/maps/<key>-land.svg`, `…-borders.svg`). */
export function writeMapFiles(outDir: string): void {
  for (const [path, svg] of mapFiles()) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, svg);
  }
}

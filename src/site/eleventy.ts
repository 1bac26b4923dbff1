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
import { pageWritten, renderedPassStarts } from "./rendered.js";

/** Eleventy's config API, the part we use (Eleventy ships no types for it). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  ignores: Set<string>;
  addPassthroughCopy(paths: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addTransform(name: string, fn: (this: never, content: string) => string): void;
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

/** A page Eleventy wrote. */
export type WrittenPage = RenderedPage & { url: string; outputPath: string };

type WrittenSink = (pages: WrittenPage[]) => void;
let writtenSink: WrittenSink | null = null;

/** `sitrep build` collects the pages each pass wrote (for the search index, ./build.ts). */
export function provideWritten(sink: WrittenSink | null): void {
  writtenSink = sink;
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
  // Pages go to the search index as their templates make them (./rendered.ts); this hands over
  // any page that did not go that way.
  eleventyConfig.addTransform("sitrep-rendered", function (this: { page: { url: string | false; outputPath: string | false } }, content: string) {
    const { url, outputPath } = this.page;
    if (typeof url === "string" && typeof outputPath === "string" && outputPath.endsWith(".html")) pageWritten(url, content);
    return content;
  });
  // The maps' shared backgrounds (src/site/map.ts): drawn while pages render, written once each.
  eleventyConfig.on("eleventy.before", () => {
    resetMapFiles();
    renderedPassStarts();
  });
  eleventyConfig.on("eleventy.after", (event: { directories: { output: string }; results?: RenderedPage[] }) => {
    writeMapFiles(event.directories.output);
    // The pages this pass wrote, for `sitrep build` (./build.ts: search index, render manifest).
    writtenSink?.((event.results ?? []).filter((p): p is WrittenPage => typeof p.url === "string" && typeof p.outputPath === "string"));
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

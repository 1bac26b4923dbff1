/**
 * The Eleventy plugin: wires the site index in as global data (`sitrep`), the page templates'
 * helpers as filters, the stylesheet as passthrough, and the content folder as a watch target.
 * Page templates live in `templates/` (TypeScript, compiled to `dist/templates/*.11ty.js`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SiteIndex } from "./index.js";
import { mapFiles, resetMapFiles } from "./map.js";

/** Eleventy's config API, the part we use (Eleventy ships no types for it). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(paths: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
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

export function currentProvider(): Options["site"] | null {
  return provider;
}

export default function sitrepEleventy(eleventyConfig: EleventyConfig, options: Options): void {
  // The compiled templates live in dist/, which .gitignore lists.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addGlobalData("sitrep", () => options.site());
  eleventyConfig.addPassthroughCopy({ [options.publicDir]: "/" });
  for (const path of options.watch ?? []) eleventyConfig.addWatchTarget(path);
  // The maps' shared backgrounds (src/site/map.ts): drawn while pages render, written once each.
  eleventyConfig.on("eleventy.before", () => resetMapFiles());
  eleventyConfig.on("eleventy.after", (event: { directories: { output: string } }) => writeMapFiles(event.directories.output));
}

/** Writes the background files the pages' maps refer to (`/maps/<key>-land.svg`, `…-borders.svg`). */
export function writeMapFiles(outDir: string): void {
  for (const [path, svg] of mapFiles()) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, svg);
  }
}

/**
 * Rendering a large site in several Eleventy passes. Eleventy renders every page of a build before
 * it writes any and keeps each page's output until the instance is dropped (about 0.5 MB of heap
 * per article at 1,000 articles), so one pass over an archive of tens of thousands of articles runs
 * out of memory. `sitrep build` therefore splits the templates that make one page per article or
 * entity, and the timeline (its pages list 200 claims each: the largest pages of an archive), into
 * passes of at most `pagesPerPass()` pages: pass k renders the k-th contiguous share of each of
 * their lists, and only the first pass renders the other pages (home, indexes, site feeds, search,
 * map, 404) and copies the static files. Each pass is its own Eleventy instance,
 * dropped before the next starts. The pages are the same whatever the number of passes
 * (tests/site/passes.test.ts); a site of up to `pagesPerPass()` such pages is one pass.
 */
import type { SiteIndex } from "./index.js";

export interface Pass {
  /** 0-based. */
  index: number;
  count: number;
}

/** Templates whose pagination takes `passItems` (file stems under templates/; tests hold this to the templates). */
export const PASSED_TEMPLATES = ["actor", "actor-feed", "base", "base-feed", "briefing", "location", "source", "timeline"] as const;

let current: Pass | null = null;
let generation = 0;

/** `sitrep build` sets the pass before each Eleventy instance; null (the dev server, tests) is every page. */
export function providePass(pass: Pass | null): void {
  current = pass;
  generation++;
}

/**
 * Changes whenever a pass starts or ends: render caches keyed by the index's objects (which live
 * through the whole build) start afresh when it changes, so they hold one pass's strings, not the
 * whole archive's.
 */
export function passGeneration(): number {
  return generation;
}

export function currentPass(): Pass | null {
  return current;
}

/** `pagination.before` of the per-article, per-entity and timeline templates: this pass's share of the list. */
export function passItems<T>(items: T[]): T[] {
  if (!current || current.count <= 1) return items;
  const { index, count } = current;
  return items.slice(Math.floor((items.length * index) / count), Math.floor((items.length * (index + 1)) / count));
}

/** Pages per pass: `SITREP_PAGES_PER_PASS` (a positive integer) or 10,000. */
export function pagesPerPass(): number {
  const n = Number(process.env.SITREP_PAGES_PER_PASS);
  return Number.isInteger(n) && n > 0 ? n : 10_000;
}

/**
 * How many passes the index needs: its per-article, per-entity and timeline pages over
 * `pagesPerPass()`. The timeline lists every claim twice (all, and by certainty) at 200 a page.
 */
export function passCount(index: SiteIndex, perPass: number = pagesPerPass()): number {
  const timeline = Math.ceil((2 * index.claims.length) / 200) + 3;
  const pages = index.briefings.length + 2 * index.actors.length + 2 * index.bases.length + index.locations.length + index.sources.length + timeline;
  return Math.max(1, Math.ceil(pages / perPass));
}

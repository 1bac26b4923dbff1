/**
 * Rendering a large site in several Eleventy passes. Eleventy renders every page of a build before
 * it writes any and keeps each page's output until the instance is dropped (about 0.5 MB of heap
 * per article at 1,000 articles), so one pass over an archive of tens of thousands of articles runs
 * out of memory. `sitrep build` therefore splits the templates that make one page per article or
 * entity, the timeline (its pages list 200 claims each: the largest pages of an archive) and the
 * archive of all briefings (200 a page), into
 * passes of at most `pagesPerPass()` pages, and only the first pass renders the other pages (home,
 * indexes, site feeds, search, map, 404) and copies the static files. Each pass is its own Eleventy
 * instance, dropped before the next starts. The pages are the same whatever the number of passes
 * (tests/site/passes.test.ts); a site of up to `pagesPerPass()` such pages is one pass.
 *
 * Which pass renders which page comes from the build's render plan (./incremental.ts): pages that
 * did not change since the last build are in no pass (they are copied), and the others are shared
 * out in site order (pass k renders the k-th contiguous run of them, template by template in the
 * order of PASSED_TEMPLATES, each template's pages in their pagination order), the order Eleventy
 * renders them in and the search index takes them in (./build.ts `searchOrder`): a page waits to
 * be indexed only for the pages rendered beside it, never for the next pass.
 */

export interface Pass {
  /** 0-based. */
  index: number;
  count: number;
  /** Per template of PASSED_TEMPLATES, the pass that renders each of its pages (in `pageItems` order), -1 for none; absent: a contiguous share of each template's pages. */
  render?: ReadonlyMap<string, readonly number[]>;
}

/**
 * Templates whose pagination takes `pageItems` (file stems under templates/; tests hold this to the
 * templates), in the order their pages render (./pages.ts `loadTemplates`). Pagefind, indexing on
 * the other core, is the slowest step of a cold build, so the pages it indexes come first, the
 * longest (briefings, about 10 ms of Pagefind's time each) before the entity pages: it indexes
 * them while the feeds, the timeline and the archive render, instead of being left with the
 * briefings after the last pass.
 */
export const PASSED_TEMPLATES = ["briefing", "actor", "location", "source", "base", "timeline", "archive", "actor-feed", "base-feed"] as const;
export type PassedTemplate = (typeof PASSED_TEMPLATES)[number];

let current: Pass | null = null;
let generation = 0;

/** `sitrep build` sets the pass before each Eleventy instance; null (the dev server, tests) is every page. */
export function providePass(pass: Pass | null): void {
  current = pass;
  generation++;
}

/**
 * A render cache kept for one pass: `make()` starts it afresh whenever a pass starts or ends, so a
 * cache keyed by the index's objects (which live through the whole build) holds one pass's strings,
 * not the whole archive's. The returned function gives the current pass's cache.
 */
export function perPass<T>(make: () => T): () => T {
  let value = make();
  let made = generation;
  return () => {
    if (made !== generation) (value = make()), (made = generation);
    return value;
  };
}

export function currentPass(): Pass | null {
  return current;
}

/**
 * `pagination.before` of the per-article, per-entity and timeline templates: `expand` (a template
 * whose pages are not one per item makes its page list from the list it paginates), then the
 * pages the render plan gives this pass (without a plan, a contiguous share of them). Without a
 * pass (the dev server, Eleventy run directly, tests) every page.
 */
export function pageItems<T, U = T>(template: PassedTemplate, expand?: (items: T[]) => U[]): (items: T[]) => U[] {
  return (items) => {
    const pages = expand ? expand(items) : (items as unknown as U[]);
    const render = current?.render?.get(template);
    if (!render) return passItems(pages);
    if (render.length !== pages.length) throw new Error(`sitrep: render plan of ${template} has ${render.length} pages, the template ${pages.length}`);
    const pass = current!.index;
    return pages.filter((_, i) => render[i] === pass);
  };
}

/** This pass's contiguous share of a list (all of it without a pass or in a one-pass build). */
export function passItems<T>(items: T[]): T[] {
  if (!current || current.count <= 1) return items;
  const { index, count } = current;
  return items.slice(Math.floor((items.length * index) / count), Math.floor((items.length * (index + 1)) / count));
}

/**
 * How much one page of each template weighs in a pass, in briefing pages: about its output's size
 * against a briefing page's, because a pass holds its pages' output until it ends. Averages over the
 * 10,000-article benchmark corpus: a briefing page 49 KB, an actor page 57 KB, a location page 78
 * KB, a timeline page (200 claims) 130 KB, an archive page (200 briefings) 132 KB, an entity feed
 * (50 entries at most) about 70 KB.
 */
export const PASS_WEIGHTS: Readonly<Record<PassedTemplate, number>> = {
  briefing: 1,
  source: 1,
  base: 1.2,
  actor: 1.2,
  location: 1.6,
  "actor-feed": 1.5,
  "base-feed": 1.5,
  timeline: 2.6,
  archive: 2.6,
};

/**
 * A pass's budget, in briefing pages (`PASS_WEIGHTS`): `SITREP_PAGES_PER_PASS` (a positive number)
 * or 3,000. (2,500 was tried on 2026-11-26: at 50,000 articles the build's process peaked at 3,516 MB
 * against 3,584, but summed with Pagefind's process at 4,233 MB against 4,188, for 127 more
 * CPU-seconds of passes.) A pass holds its pages' output and Eleventy's state for them until it ends: at 4,000
 * articles, without the search feed, 10,000-page passes (two) peaked at 3.1 GB RSS, 3,000-page
 * passes (five) at 2.2 GB for the same CPU; at 10,000 articles, with passes counted in pages, a pass
 * of 2,741 timeline pages left 1.7 GB of heap after a full collection and one of briefing pages 0.8 GB
 * (both then still holding the pass's own pages: `writePass` in ./build.ts; BENCHMARKS.md).
 */
export function pagesPerPass(): number {
  const n = Number(process.env.SITREP_PAGES_PER_PASS);
  return Number.isFinite(n) && n > 0 ? n : 3_000;
}

/**
 * Shares pages of the given weights (in site order) out to passes of at most about `perPass` each:
 * how many passes, and each page's pass. A pass is a contiguous run, and the passes weigh about the
 * same (a page goes to the pass its middle falls in).
 */
export function sharePasses(weights: readonly number[], perPass: number = pagesPerPass()): { count: number; pass: number[] } {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const count = passCount(total, perPass);
  let before = 0;
  const pass = weights.map((w) => {
    const middle = before + w / 2;
    before += w;
    return Math.min(count - 1, Math.floor((middle * count) / total));
  });
  return { count, pass };
}

/** How many passes it takes to render pages weighing `weight` in all (at least one: the other templates). */
export function passCount(weight: number, perPass: number = pagesPerPass()): number {
  // (Less a hair: a sum of fractional weights can come out a little above what it adds up to.)
  return Math.max(1, Math.ceil(weight / perPass - 1e-9));
}

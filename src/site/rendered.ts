/**
 * Rendered pages handed to the search index (./build.ts) as soon as their template has made them.
 *
 * Eleventy renders every page of a pass before it runs any transform or writes any file, so pages
 * handed over by a transform all arrived at the end of their pass: Pagefind, on the other core,
 * idled while a pass of briefings rendered (22 s of 34 at 4,000 articles) and then had the whole
 * pass to index at once. Every template renders its page through one layout
 * (templates/lib/layout.ts), which hands the finished page here: it is what Eleventy writes, as no
 * transform changes a page. Eleventy's transform (./eleventy.ts) still hands over any page the
 * layout did not (a page whose template does not use the layout or gives it another URL), so each
 * page comes once, whichever way it is made.
 */

/** Receives each HTML page of a build once: its URL and content ("" for a page that is not searched). */
export type RenderedSink = (url: string, html: string) => void;

let sink: RenderedSink | null = null;
/** The URLs handed over in this pass (a pass renders each page once). */
const handed = new Set<string>();

/** `sitrep build` receives each page as soon as it is rendered; null stops it. */
export function provideRendered(next: RenderedSink | null): void {
  sink = next;
  handed.clear();
}

/** A pass starts: what the last pass handed over is forgotten (its pages are not rendered again). */
export function renderedPassStarts(): void {
  handed.clear();
}

/**
 * A page as its template made it (the layout). A page without `data-pagefind-body` (`searched`
 * false) goes as "": the search index only needs to know it came, not to copy a large timeline page
 * to its thread.
 */
export function pageRendered(url: string, html: string, searched: boolean): void {
  hand(url, searched ? html : "");
}

/** A page as Eleventy writes it (its transform): handed over unless its template already did. */
export function pageWritten(url: string, html: string): void {
  hand(url, html);
}

/** Hands a page over once per pass, when a build is listening. */
function hand(url: string, html: string): void {
  if (sink === null || handed.has(url)) return;
  handed.add(url);
  sink(url, html);
}

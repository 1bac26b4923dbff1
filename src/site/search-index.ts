/**
 * The Pagefind search index (`/pagefind/`), fed from the pages as Eleventy renders them.
 *
 * Pagefind's Node API runs its indexer as a separate process (its binary ships in the
 * `@pagefind/<platform>` npm package: nothing is downloaded), so it indexes on the other core while
 * the main thread renders. `sitrep build` (./build.ts) opens the index before rendering and hands it
 * each HTML page as soon as it is rendered (a transform, ./eleventy.ts), or read from disk for the
 * pages copied from the last build, so Pagefind does not read the whole output folder back. Only the
 * pages that carry `<main data-pagefind-body>` are sent: the site uses that attribute, so Pagefind
 * leaves every other page out of the index anyway (a page that merely quotes the attribute is sent
 * and then left out by Pagefind). A site with no such page at all gets an empty index, where
 * indexing the folder would have indexed every page's whole body.
 *
 * Pages go to Pagefind one at a time, in the URL order of the whole site (`OrderedFeed`): Pagefind
 * numbers pages in the order it finishes them, so pages sent while others were in flight, or in the
 * order Eleventy's renders happened to finish, made the index files differ from build to build.
 */
import { join } from "node:path";
import type { PagefindIndex } from "pagefind";

export interface SearchIndex {
  /** Hands one rendered page to Pagefind; resolves when Pagefind has read it (await before the next). */
  add(url: string, html: string): Promise<void>;
  /** Throws if Pagefind rejected a page; resolves to the number of pages handed in. */
  settled(): Promise<number>;
  /**
   * Builds the index and writes `<outDir>/pagefind/` (after `settled`). The request goes out
   * before this returns, so the caller can work on while Pagefind writes.
   */
  write(outDir: string): Promise<void>;
  /** Stops the Pagefind process (also after a failure); safe to call twice. */
  close(): Promise<void>;
}

const BODY = "data-pagefind-body";

/** Starts Pagefind and creates an empty index. */
export async function openSearchIndex(): Promise<SearchIndex> {
  const pagefind = await import("pagefind");
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await pagefind.close();
  };
  let index: PagefindIndex;
  try {
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    if (!created.index) throw new Error(`pagefind: ${created.errors.join("; ")}`);
    index = created.index;
  } catch (error) {
    await close();
    throw error;
  }
  const errors: string[] = [];
  let pages = 0;
  return {
    async add(url, html) {
      if (!html.includes(BODY)) return;
      pages++;
      try {
        const added = await index.addHTMLFile({ url, content: html });
        errors.push(...added.errors.map((e) => `${url}: ${e}`));
      } catch (error) {
        errors.push(`${url}: ${String(error)}`);
      }
    },
    async settled() {
      if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
      return pages;
    },
    write(outDir) {
      return index.writeFiles({ outputPath: join(outDir, "pagefind") }).then((written) => {
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
      });
    },
    close,
  };
}

/**
 * Hands pages to the search index in one fixed order (the URL order of the whole site, so the index
 * files do not depend on which pages rendered when, in how many passes, or which were copied)
 * while Eleventy is still rendering: Pagefind indexes on the other core. A page that arrives before
 * its turn waits here; `read` gives the pages that are not rendered (copied from the last build,
 * already on disk) when their turn comes.
 */
export class OrderedFeed {
  private next = 0;
  private readonly arrived = new Map<string, string>();
  private wake: (() => void) | null = null;
  private done = false;
  private failure: unknown = null;
  private readonly loop: Promise<void>;

  constructor(
    private readonly search: SearchIndex,
    private readonly order: readonly string[],
    private readonly read: (url: string) => string | null,
  ) {
    this.loop = this.run();
  }

  /** A page Eleventy rendered. */
  arrive(url: string, html: string): void {
    this.arrived.set(url, html);
    this.wake?.();
  }

  private async run(): Promise<void> {
    try {
      while (this.next < this.order.length) {
        const url = this.order[this.next]!;
        const html = this.arrived.get(url) ?? this.read(url);
        if (html === null) {
          // Not rendered yet: wait for the next arrival (or the end of the render).
          if (this.done) return;
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          continue;
        }
        this.arrived.delete(url);
        await this.search.add(url, html);
        this.next++;
      }
    } catch (error) {
      this.failure = error;
    }
  }

  /** After the last page was rendered: feeds what is left; throws if a page never came or Pagefind failed. */
  async finish(): Promise<void> {
    this.done = true;
    this.wake?.();
    await this.loop;
    if (this.failure !== null) throw this.failure;
    if (this.next < this.order.length) throw new Error(`sitrep: the page ${this.order[this.next]} was expected but never rendered`);
  }
}

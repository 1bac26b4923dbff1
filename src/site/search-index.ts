/**
 * The Pagefind search index (`/pagefind/`), fed page by page while Eleventy renders.
 *
 * Pagefind's Node API runs its indexer as a separate process (its binary ships in the
 * `@pagefind/<platform>` npm package: nothing is downloaded). `sitrep build` opens the index before
 * rendering and hands it each page as Eleventy renders it (the plugin's transform in
 * ./eleventy.ts), so Pagefind parses pages on the other core while Eleventy goes on rendering,
 * instead of reading the whole output folder again afterwards. Only the pages that carry
 * `<main data-pagefind-body>` are sent: the site uses that attribute, so Pagefind leaves every
 * other page out of the index anyway (a page that merely quotes the attribute is sent and then
 * left out by Pagefind). A site with no such page at all gets an empty index, where indexing the
 * folder would have indexed every page's whole body.
 *
 * Eleventy writes pages synchronously and chains its renders as promises, so without a pause the
 * event loop never reaches its I/O phase while rendering: the pages would pile up in Node's pipe
 * to Pagefind and reach it only after the last page. So `add` pauses the renderer after each page
 * until the next turn of the event loop (the pipe drains, Pagefind's answers come in), and longer
 * while more than `MAX_BEHIND` pages wait for Pagefind, which also bounds the memory the queued
 * pages take. Pages go to Pagefind one at a time, in the order they were rendered: its service
 * works on concurrent requests in parallel and numbers pages in the order they finish, so sending
 * several at once made the index files differ from build to build.
 */
import { join } from "node:path";
import type { PagefindIndex } from "pagefind";

export interface SearchIndex {
  /**
   * Hands one rendered page to Pagefind. Resolves once the page is on its way (its indexing is
   * awaited by `write`); the caller awaits it before rendering on.
   */
  add(url: string, html: string): Promise<void>;
  /** Waits until Pagefind has read every page handed in; resolves to their number. */
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
const MAX_BEHIND = 32;

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
  const queue: Array<{ url: string; html: string }> = [];
  const errors: string[] = [];
  let pages = 0;
  let sending = false;
  // Resolved when the queue is empty and no page is with Pagefind.
  let idle: (() => void) | null = null;
  // The pause every page rendered in this turn of the event loop waits on, and how to end it.
  let pause: Promise<void> | null = null;
  let endPause: (() => void) | null = null;
  const caughtUp = () => {
    if (queue.length > MAX_BEHIND || !endPause) return;
    const end = endPause;
    endPause = null;
    pause = null;
    end();
  };
  // One page with Pagefind at a time: its service indexes concurrent requests in whatever order
  // they finish, and that order numbers the pages in the index files.
  const pump = () => {
    const next = queue.shift();
    if (!next) {
      sending = false;
      idle?.();
      return;
    }
    sending = true;
    // Caught here, so a page that fails is reported by `settled`, never as an unhandled rejection.
    index
      .addHTMLFile({ url: next.url, content: next.html })
      .then(
        (added) => void errors.push(...added.errors.map((e) => `${next.url}: ${e}`)),
        (error: unknown) => void errors.push(`${next.url}: ${String(error)}`),
      )
      .finally(() => {
        pump();
        caughtUp();
      });
  };
  return {
    async add(url, html) {
      if (!html.includes(BODY)) return;
      pages++;
      queue.push({ url, html });
      if (!sending) pump();
      pause ??= new Promise<void>((resolve) => {
        endPause = resolve;
        setImmediate(caughtUp);
      });
      await pause;
    },
    async settled() {
      if (sending) await new Promise<void>((resolve) => (idle = resolve));
      idle = null;
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

/**
 * The Pagefind search index (`/pagefind/`), fed from the pages as Eleventy renders them.
 *
 * Pagefind's Node API runs its indexer as a separate process (its binary ships in the
 * `@pagefind/<platform>` npm package: nothing is downloaded), so it indexes on the other core while
 * the main thread renders. `sitrep build` (./build.ts) opens the index before rendering and hands it
 * each HTML page as soon as its template has made it (./rendered.ts), or read from disk for the
 * pages copied from the last build, so Pagefind does not read the whole output folder back. What is
 * sent is the page's search view (`searchView`), and a large site's index is written in shards
 * (`openSearchIndex`). Only the
 * pages that carry `<main data-pagefind-body>` are sent: the site uses that attribute, so Pagefind
 * leaves every other page out of the index anyway (a page that merely quotes the attribute is sent
 * and then left out by Pagefind). A site with no such page at all gets an empty index, where
 * indexing the folder would have indexed every page's whole body.
 *
 * Pages go to Pagefind one at a time, in one fixed order of the whole site (`OrderedFeed`, ./build.ts `searchOrder`): Pagefind
 * numbers pages in the order it finishes them, so pages sent while others were in flight, or in the
 * order Eleventy's renders happened to finish, made the index files differ from build to build.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { childPids } from "../util/proc.js";
import { SpillMap, type SpillStats } from "../util/spill.js";
import type { PagefindIndex } from "pagefind";

export interface SearchIndex {
  /**
   * Hands one page's search view (`searchView`) to Pagefind; resolves when Pagefind has read it
   * (await before the next). Closing a full shard happens here, so this can take a while.
   */
  add(url: string, view: string): Promise<void>;
  /**
   * The pages so far may end their shard (`SearchSetup.breaks`): it is written now if it holds at
   * least an eighth of `shardBytes()`, so that a small site stays one shard.
   */
  endShard(): Promise<void>;
  /** Throws if Pagefind rejected a page; resolves to the number of pages handed in. */
  settled(): Promise<number>;
  /** Writes the last shard and the list of shards (after `settled`). */
  write(): Promise<void>;
  /** Stops the Pagefind process (also after a failure); safe to call twice. */
  close(): Promise<void>;
}

const BODY = "data-pagefind-body";

/** The list of index shards the search page merges (public/js/search.js reads it). */
export const BUNDLES_FILE = "pagefind/sitrep-bundles.json";

/**
 * Search-view bytes per shard: `SITREP_SEARCH_SHARD_BYTES` (a positive integer) or 24 MB. Pagefind's
 * process holds about 8 bytes of memory per byte it was given while pages come in and peaks near
 * 30 while it writes the index, so a shard of 24 MB (≈ 1,800 briefings) keeps it under ≈ 800 MB
 * whatever the size of the site. (At 32 MB its writes peaked at 0.9–1.05 GB in a 50,000-article
 * build, and summed with the build's own process at 3.9–4.1 GB.)
 */
export function shardBytes(): number {
  const n = Number(process.env.SITREP_SEARCH_SHARD_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 24 << 20;
}

/**
 * Bytes of search view the feed keeps in memory for pages rendered before their turn:
 * `SITREP_SEARCH_WAIT_BYTES` (a non-negative integer) or 64 MB; the rest wait in a temporary file.
 */
export function waitBytes(): number {
  const raw = process.env.SITREP_SEARCH_WAIT_BYTES?.trim();
  const n = raw ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : 64 << 20;
}

/**
 * What Pagefind needs of a page: the `<html>` tag (its language), the title, and the
 * `<main data-pagefind-body>` element without the elements marked `data-pagefind-ignore` — except
 * those that carry filters, metadata or sort keys, which Pagefind reads from ignored elements too —
 * and without the ids of elements other than headings (`withoutAnchors`). Pagefind indexes nothing
 * outside that element, so the index is byte for byte the one the whole page gives less those
 * anchors (tests/site/search-index.test.ts), for about half of Pagefind's CPU time: the whole page
 * is three times longer, most of it navigation and the claims list. "" for a page without the
 * attribute (not indexed).
 */
export function searchView(html: string): string {
  const open = html.indexOf("<main");
  if (open < 0 || !html.includes(BODY)) return "";
  const bodyStart = html.indexOf(">", open) + 1;
  const close = html.lastIndexOf("</main>");
  if (bodyStart === 0 || close < bodyStart || !html.slice(open, bodyStart).includes(BODY)) return html;
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? "<html>";
  const title = /<title>[^<]*<\/title>/.exec(html)?.[0] ?? "";
  const inner = html.slice(bodyStart, close);
  let kept = "";
  let from = 0;
  const ignored = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
  for (let m = ignored.exec(inner); m; m = ignored.exec(inner)) {
    const end = closingTagEnd(inner, m[1]!, m.index + m[0].length);
    if (end < 0) break;
    if (/data-pagefind-(?:filter|meta|sort)/.test(inner.slice(m.index, end))) continue;
    kept += inner.slice(from, m.index);
    from = end;
    ignored.lastIndex = end;
  }
  kept += inner.slice(from);
  return `<!doctype html>\n${htmlTag}<head>${title}</head><body>${withoutAnchors(html.slice(open, bodyStart))}${withoutAnchors(kept)}</main></body></html>`;
}

/** An `id` on an element other than a heading (the name and the value). */
const ANCHOR = /(<(?!h[1-6][\s>])[a-z][a-z0-9]*\b[^>]*?)\sid="[^"]*"/g;

/**
 * The markup without the ids of elements other than headings. Pagefind keeps every element with an
 * id as an anchor, with its text, and only headings' anchors make the sub-results of a result: the
 * id of every sentence of a briefing (its claims link to it) put the whole article text in its
 * fragment a second time, for Pagefind to compress and write (about 15 % of its time).
 */
function withoutAnchors(markup: string): string {
  return markup.replace(ANCHOR, "$1");
}

/** The index just after the `</tag>` closing the element whose content starts at `from`; -1 if none. */
function closingTagEnd(html: string, tag: string, from: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "g");
  tags.lastIndex = from;
  let depth = 1;
  for (let t = tags.exec(html); t; t = tags.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return t.index + t[0].length;
  }
  return -1;
}

/**
 * Starts an index that `sitrep build` writes into `<outDir>/pagefind/` in shards: the pages go to one
 * Pagefind process until they reach `shardBytes()` of search view, then that shard is written and
 * its process stopped (Pagefind frees nothing before), and the next pages go to a new one. The
 * first shard is the bundle the search page loads (`/pagefind/`); the others are
 * `/pagefind/shard-<n>/`, merged into its results in the browser (Pagefind's `mergeIndex`, which
 * ranks the results of all shards together), listed in `BUNDLES_FILE`. A small site is one shard.
 */
export async function openSearchIndex(outDir: string): Promise<SearchIndex> {
  const pagefind = await import("pagefind");
  const budget = shardBytes();
  const errors: string[] = [];
  const bundles: string[] = [];
  let pages = 0;
  let index: PagefindIndex | null = null;
  let bytes = 0;
  let running = false;

  const stop = async () => {
    if (!running) return;
    running = false;
    await stopPagefind(() => pagefind.close());
  };
  const start = async () => {
    running = true;
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    if (!created.index) throw new Error(`pagefind: ${created.errors.join("; ")}`);
    index = created.index;
    bytes = 0;
  };
  const writeShard = async () => {
    if (!index) await start();
    const bundle = bundles.length === 0 ? "pagefind" : `pagefind/shard-${bundles.length + 1}`;
    const written = await index!.writeFiles({ outputPath: join(outDir, bundle) });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    bundles.push(`/${bundle}/`);
    index = null;
    await stop();
  };
  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async add(url, view) {
      if (!view) return;
      if (!index) await start();
      pages++;
      try {
        const added = await index!.addHTMLFile({ url, content: view });
        errors.push(...added.errors.map((e) => `${url}: ${e}`));
      } catch (error) {
        errors.push(`${url}: ${String(error)}`);
      }
      bytes += view.length;
      if (bytes >= budget) await writeShard();
    },
    async endShard() {
      if (index && bytes >= budget / 8) await writeShard();
    },
    async settled() {
      if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
      return pages;
    },
    async write() {
      // The last shard; a site with no indexed page at all still gets an (empty) index.
      if (index || bundles.length === 0) await writeShard();
      mkdirSync(join(outDir, "pagefind"), { recursive: true });
      writeFileSync(join(outDir, BUNDLES_FILE), `${JSON.stringify({ bundles })}\n`);
    },
    close: stop,
  };
}

/**
 * Stops Pagefind's process and waits until it has exited. The package kills its process without
 * waiting for it; unwaited, the process is left for whoever reaps it, and a build that exits at
 * once never counts its CPU time (nor does `time sitrep build`).
 */
async function stopPagefind(close: () => Promise<unknown>): Promise<void> {
  const pids = pagefindPids();
  await close();
  for (const pid of pids) {
    for (let waited = 0; waited < 5_000 && alive(pid); waited += 10) await new Promise((r) => setTimeout(r, 10));
  }
}

/** This process's Pagefind children (Linux: /proc; elsewhere none, and nothing is waited for). */
function pagefindPids(): number[] {
  return childPids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("pagefind");
    } catch {
      return false;
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Hands pages to the search index in one fixed order (./build.ts `searchOrder`, so the index
 * files do not depend on which pages rendered when, in how many passes, or which were copied)
 * while Eleventy is still rendering: Pagefind indexes on the other core. A page that arrives before
 * its turn waits here, its search view in memory up to `budget` bytes and in a temporary file past
 * that (./../util/spill.ts): how many wait depends on Eleventy's order and on Pagefind keeping up.
 * `read` gives the pages that are not rendered (copied from the last build, already on disk) when
 * their turn comes.
 */
export class OrderedFeed {
  private next = 0;
  private readonly waiting: SpillMap;
  private wake: (() => void) | null = null;
  private done = false;
  private over = false;
  private failure: unknown = null;
  private readonly loop: Promise<void>;
  /** The pages of `order` that have not had their turn yet. */
  private readonly expected: Set<string>;

  constructor(
    private readonly search: SearchIndex,
    private readonly order: readonly string[],
    private readonly read: (url: string) => string | null,
    budget: number = waitBytes(),
    private readonly breaks: ReadonlySet<number> = new Set(),
  ) {
    this.waiting = new SpillMap(budget);
    this.expected = new Set(order);
    this.loop = this.run();
  }

  /** How many pages waited for their turn at most, and how many of them waited on disk. */
  get stats(): SpillStats {
    return { ...this.waiting.stats };
  }

  private readView(url: string): string | null {
    const html = this.read(url);
    return html === null ? null : searchView(html);
  }

  /** A page Eleventy rendered (only its search view waits here); a page not expected (or fed already) is dropped. */
  arrive(url: string, html: string): void {
    if (this.over || !this.expected.has(url)) return;
    this.waiting.set(url, searchView(html));
    this.wake?.();
  }

  private async run(): Promise<void> {
    try {
      let ended = -1;
      while (this.next < this.order.length) {
        if (this.breaks.has(this.next) && ended !== this.next) await this.search.endShard(), (ended = this.next);
        const url = this.order[this.next]!;
        const view = this.waiting.take(url) ?? this.readView(url);
        if (view === null) {
          // Not rendered yet: wait for the next arrival (or the end of the render).
          if (this.done) return;
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          continue;
        }
        await this.search.add(url, view);
        this.expected.delete(url);
        this.next++;
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.over = true;
      this.waiting.close();
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

  /** Stops feeding (after a failure elsewhere) and removes the waiting pages' file. */
  async abandon(): Promise<void> {
    this.failure ??= new Error("abandoned");
    this.done = true;
    this.next = this.order.length;
    this.wake?.();
    await this.loop;
  }
}

/** What the search thread (./search-worker.ts) starts from. */
export interface SearchSetup {
  outDir: string;
  /** Every HTML page of the site, in the order the index gets them. */
  order: string[];
  /** Positions in `order` where a shard may end before it is full (./build.ts `searchOrder`). */
  breaks: number[];
  /** The pages read from `outDir` when their turn comes (copied from the last build), not posted. */
  fromDisk: string[];
}

export type ToSearch = { type: "page"; url: string; html: string } | { type: "finish" } | { type: "close" };
export type FromSearch = { type: "done"; pages: number; waited: SpillStats } | { type: "failed"; message: string } | { type: "closed" };

/** The search index on its own thread, as the build sees it. */
export interface SearchFeed {
  /** A page Eleventy rendered (posted to the search thread at once). */
  arrive(url: string, html: string): void;
  /** After the last page was rendered: resolves when every shard and the list are written; rejects if Pagefind failed. */
  finish(): Promise<number>;
  /** Stops Pagefind and the thread (also after a failure); safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the search index on its own thread (./search-worker.ts): the feed, the search views and
 * Pagefind's process are handled there while the main thread renders.
 */
export function startSearch(setup: SearchSetup): SearchFeed {
  const worker = new Worker(new URL("./search-worker.js", import.meta.url), { workerData: setup });
  let failure: Error | null = null;
  let exited = false;
  const waiters = new Map<FromSearch["type"], Array<(m: FromSearch) => void>>();
  const settle = (message: FromSearch) => {
    for (const waiter of waiters.get(message.type) ?? []) waiter(message);
    waiters.delete(message.type);
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const list of waiters.values()) for (const waiter of list) waiter({ type: "failed", message: failure.message });
    waiters.clear();
  };
  const next = (type: FromSearch["type"]) =>
    new Promise<FromSearch>((resolve) => {
      if (failure) return resolve({ type: "failed", message: failure.message });
      if (exited) return resolve({ type: "closed" });
      waiters.set(type, [...(waiters.get(type) ?? []), resolve]);
    });
  worker.on("message", (message: FromSearch) => (message.type === "failed" ? fail(new Error(message.message)) : settle(message)));
  worker.on("error", (error) => fail(error));
  worker.on("exit", () => {
    exited = true;
    settle({ type: "closed" });
    fail(new Error("the search index's thread stopped"));
  });
  let closing: Promise<void> | null = null;
  return {
    arrive(url, html) {
      if (!failure && !exited) worker.postMessage({ type: "page", url, html } satisfies ToSearch);
    },
    async finish() {
      const done = next("done");
      worker.postMessage({ type: "finish" } satisfies ToSearch);
      const message = await done;
      if (message.type !== "done") throw failure ?? new Error("sitrep: the search index was not written");
      if (process.env.SITREP_STATS) {
        const w = message.waited;
        const mb = (n: number) => (n / 1048576).toFixed(1);
        console.error(`sitrep: search: ${message.pages} pages indexed; at most ${w.mostWaiting} (${mb(w.mostWaitingBytes)} MB) waited for their turn, ${w.spilled} (${mb(w.spilledBytes)} MB) of them in a file`);
      }
      return message.pages;
    },
    close() {
      closing ??= (async () => {
        if (!exited) {
          const closed = next("closed");
          worker.postMessage({ type: "close" } satisfies ToSearch);
          await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000).unref())]);
        }
        await worker.terminate();
      })();
      return closing;
    },
  };
}

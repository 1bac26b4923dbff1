/**
 * The search index's own thread (see ./search-index.ts `startSearch`). The render keeps the main
 * thread's event loop busy for seconds at a time, and the feed sends Pagefind one page at a time,
 * waiting for its answer each time: on the main thread it hardly ran until a pass had ended, every
 * rendered page waited in memory (1.4 GB at 4,000 articles) and Pagefind idled while Eleventy
 * rendered. Here the feed has an event loop of its own: pages are posted to it as they are rendered,
 * it cuts their search view, hands them to Pagefind in one fixed order and writes the shards.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openSearchIndex, OrderedFeed, type FromSearch, type SearchIndex, type SearchSetup, type ToSearch } from "./search-index.js";
import { outputPath } from "./pages.js";

const setup = workerData as SearchSetup;
const post = (message: FromSearch) => parentPort!.postMessage(message);
const copied = new Set(setup.fromDisk);
let search: SearchIndex | null = null;
let feed: OrderedFeed | null = null;

try {
  search = await openSearchIndex(setup.outDir);
  const read = (url: string) => (copied.has(url) ? readFileSync(join(setup.outDir, outputPath(url)), "utf8") : null);
  feed = new OrderedFeed(search, setup.order, read, undefined, new Set(setup.breaks));
  parentPort!.on("message", (message: ToSearch) => {
    if (message.type === "page") feed!.arrive(message.url, message.html);
    else if (message.type === "finish") void finish(feed!);
    else if (message.type === "close") void close();
  });
} catch (error) {
  post({ type: "failed", message: String(error instanceof Error ? (error.stack ?? error.message) : error) });
}

async function finish(feed: OrderedFeed): Promise<void> {
  try {
    await feed.finish();
    const pages = await search!.settled();
    await search!.write();
    await search!.close();
    post({ type: "done", pages, waited: feed.stats });
  } catch (error) {
    post({ type: "failed", message: String(error instanceof Error ? error.message : error) });
  }
}

async function close(): Promise<void> {
  await feed?.abandon();
  await search?.close().catch(() => undefined);
  post({ type: "closed" });
  parentPort!.close();
}

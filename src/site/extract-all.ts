/**
 * Extracting a whole archive: the extraction cache (./cache.ts) first, then whatever is left either
 * on this thread (small inputs) or on a pool of worker threads (./worker.ts), one per core.
 *
 * It stays synchronous, because `extractArticles()` and everything above it (`loadSite`, the
 * Eleventy data provider, `check`) is: the main thread posts chunks of articles to the workers and
 * sleeps in `Atomics.wait` until one of them signals, then collects results with
 * `receiveMessageOnPort`. The workers run their own event loops, so nothing needs ours.
 *
 * Whatever the route — this thread, a worker, the cache — an article comes back the same: the same
 * record (JSON-identical, in input order, ids from file names) and the same messages appended to its
 * file (text, place, rule, severity, url), so `check` and `build` print the same.
 *
 * The pool is created on first need, reused by calls that follow soon after (tests, a dev-server
 * rebuild of many files), and stopped when idle (see POOL_IDLE_MS), or as soon as the call ends when
 * none will follow (`oneShot`); it is unref'd, so it never keeps the process alive.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { createExtractor, extractFile, type Extractor } from "../pipeline.js";
import { packageRoot } from "../paths.js";
import type { Registry, RegistryEntry } from "../registry.js";
import type { ArticleRecord } from "./index.js";
import { RecordList } from "./details.js";
import { cacheKey, ExtractionCache, extractorVersion, registryHash, type EntryMark, type Payload, type PlainMessage } from "./cache.js";

export interface ExtractionOptions {
  /** Cache folder; null turns the cache off; undefined: `SITREP_CACHE`, else `.sitrep-cache/` beside the content folder. */
  cacheDir?: string | null;
  /** Worker threads; 0 extracts on this thread. Default: `os.availableParallelism()`. */
  workers?: number;
  /** Below this many articles to extract, a pool is not started (start-up would dominate). */
  minParallel?: number;
  /** Articles per task sent to a worker; default adapts to the input. */
  chunkSize?: number;
  /** Overrides the computed extractor version in cache keys (tests). */
  extractorVersion?: string;
  /**
   * No extraction follows this one (`sitrep build`, `check`): the pool stops as soon as it is done
   * instead of idling for POOL_IDLE_MS, its workers' heaps adding to the memory of the site index
   * and the render. The dev server leaves it off and keeps the pool for its rebuilds.
   */
  oneShot?: boolean;
}

/** What the last `extractAll` call did (for tests and the benchmark). */
export interface ExtractionStats {
  articles: number;
  cacheDir: string | null;
  hits: number;
  /** Extracted on worker threads. */
  pooled: number;
  /** Extracted on this thread. */
  inThread: number;
}

let stats: ExtractionStats = { articles: 0, cacheDir: null, hits: 0, pooled: 0, inThread: 0 };

export function lastExtractionStats(): ExtractionStats {
  return { ...stats };
}

let defaults: ExtractionOptions = {};

/** Process-wide defaults (a `--cache` flag, a test) merged under each call's options. */
export function configureExtraction(options: ExtractionOptions): void {
  defaults = { ...defaults, ...options };
}

const DEFAULT_MIN_PARALLEL = 50;

/**
 * The cache folder for these files: `SITREP_CACHE` when set ("off", "0" or "" disable it), else
 * `.sitrep-cache/` in the parent of the content folder (the folder above `articles/`). Files outside
 * a content folder are not cached unless a folder is given.
 */
export function resolveCacheDir(files: readonly VFile[], option?: string | null): string | null {
  if (option !== undefined) return option;
  const env = process.env.SITREP_CACHE;
  if (env !== undefined) return env === "" || env === "0" || env.toLowerCase() === "off" || env.toLowerCase() === "false" ? null : resolve(env);
  const first = files[0];
  if (!first) return null;
  let dir = dirname(resolve(first.path));
  while (basename(dir) !== "articles") {
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return join(dirname(dirname(dir)), ".sitrep-cache");
}

// ── one article, the same way on every thread ────────────────────────────────────────────────

export function toPlainMessage(m: VFileMessage): PlainMessage {
  return {
    reason: m.reason,
    place: (m.place as PlainMessage["place"]) ?? null,
    ruleId: m.ruleId ?? null,
    source: m.source ?? null,
    fatal: m.fatal ?? null,
    url: m.url ?? null,
    note: m.note ?? null,
    expected: m.expected ?? null,
    actual: m.actual ?? null,
  };
}

/** Appends stored messages to a file exactly as `report()` made them. */
export function applyMessages(file: VFile, messages: readonly PlainMessage[]): void {
  for (const p of messages) {
    const m = file.message(p.reason, { place: p.place ?? undefined, ruleId: p.ruleId ?? undefined, source: p.source ?? undefined });
    m.fatal = p.fatal ?? undefined;
    if (p.url !== null) m.url = p.url;
    if (p.note !== null) m.note = p.note;
    if (p.expected !== null) m.expected = p.expected;
    if (p.actual !== null) m.actual = p.actual;
  }
}

/** Extracts one file in place (its messages grow) and returns its payload. */
export function extractOne(extractor: Extractor, file: VFile): Payload {
  const before = file.messages.length;
  const briefing = extractFile(extractor, file);
  const meta = file.data.meta;
  return {
    record: {
      briefing,
      sentences: file.data.sentences ?? [],
      meta: { datePrecision: meta?.datePrecision ?? "day", license: meta?.license ?? null, licenseUrl: meta?.licenseUrl ?? null, attribution: meta?.attribution ?? null },
    },
    messages: file.messages.slice(before).map(toPlainMessage),
  };
}

const priorRules = (file: VFile) => file.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`).join(",");

// ── the worker pool ──────────────────────────────────────────────────────────────────────────

/** Messages between this thread and a worker. */
export type ToWorker =
  | { type: "registry"; hash: string; entries: RegistryEntry[] }
  | { type: "task"; task: number; registry: string; cacheDir: string | null; items: TaskItem[] };
/** One article sent to a worker: its index in the input, display path, text and cache key. */
export interface TaskItem {
  i: number;
  path: string;
  value: string;
  key: string | null;
}
export type FromWorker =
  | { type: "done"; task: number; results: Array<{ i: number; json: string; mark: EntryMark | null } | { i: number; error: string }> }
  | { type: "fatal"; error: string };

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  registry: string | null;
  inflight: number;
}

interface Pool {
  workers: PoolWorker[];
  signal: Int32Array;
}

let pool: Pool | null = null;

function workerFile(): string {
  const sibling = fileURLToPath(new URL("./worker.js", import.meta.url));
  // Under a TypeScript test runner this module is src/site/extract-all.ts; workers always run the compiled code.
  return existsSync(sibling) ? sibling : join(packageRoot, "dist", "src", "site", "worker.js");
}

function startPool(size: number): Pool {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workers: PoolWorker[] = [];
  for (let k = 0; k < size; k++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerFile(), { workerData: { port: port2, signal }, transferList: [port2] });
    worker.unref();
    // A crash is seen by the stall check below; the listener only keeps it from being an uncaught error.
    worker.on("error", () => {});
    workers.push({ worker, port: port1, registry: null, inflight: 0 });
  }
  return { workers, signal };
}

/** Stops the workers (tests; the CLI never needs to: they are unref'd). */
export async function closeExtractionPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (p) await Promise.all(p.workers.map((w) => (w.port.close(), w.worker.terminate())));
}

/** Whether a pool is running (for tests and the benchmark). */
export function poolSize(): number {
  return pool?.workers.length ?? 0;
}

/**
 * Idle workers are stopped after this long (default 10 s): a build renders for minutes after
 * extracting, and the workers' heaps (model, garbage of the last chunks) would only add to its peak
 * memory. The dev server's later single-article rebuilds extract on the main thread anyway.
 */
const POOL_IDLE_MS = Number(process.env.SITREP_POOL_IDLE_MS ?? 10_000);
let idleTimer: ReturnType<typeof setTimeout> | null = null;

function releaseLater(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeExtractionPool(), POOL_IDLE_MS);
  idleTimer.unref();
}

const STALL_MS = Number(process.env.SITREP_WORKER_STALL_MS ?? 600_000);

/**
 * Runs the items on the pool, handing each payload's JSON to `onResult`; returns the indexes done.
 * Items a worker failed on, or all that are left when the pool stalls, are not among them.
 */
function runOnPool(p: Pool, registry: Registry, regHash: string, cacheDir: string | null, items: TaskItem[], chunkSize: number, onResult: (i: number, json: string, mark: EntryMark | null) => void): Set<number> {
  // Results are handed over as they arrive, so their JSON is parsed while the workers go on and is
  // garbage at once (holding every payload string to the end would double the peak memory).
  const out = new Set<number>();
  const chunks: TaskItem[][] = [];
  for (let k = 0; k < items.length; k += chunkSize) chunks.push(items.slice(k, k + chunkSize));
  let next = 0;
  let task = 0;
  let pending = 0;
  const send = (w: PoolWorker) => {
    const chunk = chunks[next++]!;
    if (w.registry !== regHash) {
      w.worker.postMessage({ type: "registry", hash: regHash, entries: registry.entries } satisfies ToWorker);
      w.registry = regHash;
    }
    w.worker.postMessage({ type: "task", task: task++, registry: regHash, cacheDir, items: chunk } satisfies ToWorker);
    w.inflight++;
    pending++;
  };
  // Two chunks in flight per worker, so a worker never waits for this thread to wake up.
  for (let round = 0; round < 2; round++) for (const w of p.workers) if (next < chunks.length) send(w);
  let lastProgress = Date.now();
  while (pending > 0) {
    const seen = Atomics.load(p.signal, 0);
    let progressed = false;
    for (const w of p.workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const msg = m.message as FromWorker;
        if (msg.type === "fatal") {
          console.error(`sitrep: an extraction worker failed to start; extracting on the main thread\n${msg.error}`);
          void closeExtractionPool();
          return out;
        }
        for (const r of msg.results) {
          if (!("json" in r)) continue;
          onResult(r.i, r.json, r.mark);
          out.add(r.i);
        }
        w.inflight--;
        pending--;
        progressed = true;
        if (next < chunks.length) send(w);
      }
    }
    if (progressed) {
      lastProgress = Date.now();
      continue;
    }
    if (Date.now() - lastProgress > STALL_MS) {
      console.error(`sitrep: extraction workers made no progress for ${STALL_MS / 1000} s; finishing on the main thread`);
      void closeExtractionPool();
      break;
    }
    Atomics.wait(p.signal, 0, seen, 1000);
  }
  return out;
}

// ── the entry point ──────────────────────────────────────────────────────────────────────────

/** This thread's extractor for the latest registry (by content: the dev server re-reads it on every rebuild). */
let mainExtractor: { hash: string; extractor: Extractor } | null = null;
const extractorFor = (registry: Registry, hash: string) => {
  if (mainExtractor?.hash !== hash) mainExtractor = { hash, extractor: createExtractor({ registry }) };
  return mainExtractor.extractor;
};

/**
 * Extracts every file (in order) and returns one record each; each file's messages grow by what
 * extraction reported. Cached articles are not re-extracted; the rest go to the pool when there
 * are enough of them (or when a pool is already warm).
 */
export function extractAll(files: readonly VFile[], registry: Registry, options: ExtractionOptions = {}): ArticleRecord[] {
  const records = new Array<ArticleRecord>(files.length);
  extractInto(files, registry, options, (i, record) => void (records[i] = record));
  return records;
}

/**
 * `extractAll`, for a whole archive: the records whose cache entry is on disk are not kept but read
 * back from it when asked for (./details.ts `RecordList`).
 */
export function extractRecordList(files: readonly VFile[], registry: Registry, options: ExtractionOptions = {}): RecordList {
  const records = RecordList.collect(files.length, resolveCacheDir(files, { ...defaults, ...options }.cacheDir));
  extractInto(files, registry, options, records.set);
  return records.done();
}

/** Extracts every file, handing each record over with its cache key (null without one) as soon as it is made or read. */
function extractInto(files: readonly VFile[], registry: Registry, options: ExtractionOptions, keep: (i: number, record: ArticleRecord, key: string | null, mark: EntryMark | null) => void): void {
  const started = performance.now();
  const opts = { ...defaults, ...options };
  const cacheDir = resolveCacheDir(files, opts.cacheDir);
  const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
  const regHash = registryHash(registry);
  const salt = cache ? `${opts.extractorVersion ?? extractorVersion()}:${regHash}` : "";
  stats = { articles: files.length, cacheDir, hits: 0, pooled: 0, inThread: 0 };
  const keys: Array<string | null> = new Array(files.length).fill(null);
  const todo: number[] = [];

  const adopt = (i: number, payload: Payload, mark: EntryMark | null) => {
    const file = files[i]!;
    applyMessages(file, payload.messages);
    keep(i, { ...payload.record, path: file.path }, keys[i] ?? null, mark);
  };

  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    if (cache) {
      const key = cacheKey(salt, file.stem ?? "", priorRules(file), String(file.value));
      keys[i] = key;
      const hit = cache.read(key);
      if (hit) {
        cache.touch(key);
        adopt(i, hit.payload, hit.mark);
        stats.hits++;
        continue;
      }
    }
    todo.push(i);
  }

  const size = opts.workers ?? availableParallelism();
  let workers = 0;
  // Whether the pool is stopped at once (`oneShot`); the stats line says so (the tests read it).
  let stopped = false;
  const minParallel = opts.minParallel ?? DEFAULT_MIN_PARALLEL;
  if (todo.length && size > 0 && (todo.length >= minParallel || pool)) {
    if (pool && pool.workers.length !== size) void closeExtractionPool();
    if (idleTimer) clearTimeout(idleTimer);
    pool ??= startPool(size);
    const chunkSize = opts.chunkSize ?? Math.max(1, Math.min(16, Math.ceil(todo.length / (size * 8))));
    const items = todo.map((i) => ({ i, path: files[i]!.path, value: String(files[i]!.value), key: keys[i] ?? null }));
    const done = runOnPool(pool, registry, regHash, cacheDir, items, chunkSize, (i, json, mark) => {
      adopt(i, JSON.parse(json) as Payload, mark);
      stats.pooled++;
    });
    const left = todo.filter((i) => !done.has(i));
    todo.length = 0;
    todo.push(...left);
    workers = pool?.workers.length ?? 0;
    stopped = Boolean(pool && opts.oneShot);
    // Not awaited (extraction stays synchronous): terminate() has each worker stop and free its heap
    // on its own thread, while this one goes on (a 500 MB worker's memory left the process's RSS
    // during a busy loop here, before the event loop turned again).
    if (stopped) void closeExtractionPool();
    else if (pool) releaseLater();
  }

  if (todo.length) {
    const extractor = extractorFor(registry, regHash);
    for (const i of todo) {
      const file = files[i]!;
      const payload = extractOne(extractor, file);
      stats.inThread++;
      const key = keys[i] ?? null;
      const mark = cache && key ? cache.set(key, JSON.stringify(payload)) : null;
      keep(i, { ...payload.record, path: file.path }, key, mark);
    }
  }
  if (process.env.SITREP_STATS) {
    const s = stats;
    console.error(`sitrep: extraction: ${s.articles} articles, ${s.hits} from cache, ${s.pooled} on ${workers} workers${workers ? (stopped ? " (stopped)" : ` (kept ${POOL_IDLE_MS / 1000} s)`) : ""}, ${s.inThread} on the main thread in ${((performance.now() - started) / 1000).toFixed(2)} s (cache: ${s.cacheDir ?? "off"})`);
  }
}

/**
 * Extraction throughput, in-process (run as a child by bench/run.ts, prints one JSON line):
 *
 *   node dist/bench/throughput.js <content dir> [--limit N] [--mode single|pool]
 *
 * single: one extractor on this thread over the first N articles (after one warm-up article, so the
 *         model load is reported apart): MB/s per core, by wall time and by CPU time (the CPU figure
 *         is the one to trust on a machine shared with other work); this first pass is fresh text in
 *         a fresh process, V8 still compiling. Then the articles after them, still fresh text: from
 *         the `SETTLED`th article on, for a few CPU-seconds, the rate a long build's workers reach
 *         once V8 has compiled the code. Then the first N articles again for a few CPU-seconds: the
 *         warm rate on text the process has seen (what `npm run eval` measures on the news corpus).
 * pool:   `extractArticles()` as `sitrep build` calls it (worker pool, cache off): MB/s in total,
 *         and CPU time / wall time, i.e. how many cores extraction keeps busy.
 */
import { readFileSync } from "node:fs";
import { VFile } from "vfile";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createExtractor, extractFile } from "../src/pipeline.js";
import { findArticles, readArticle } from "../src/content.js";
import { loadRegistry } from "../src/registry.js";
import { extractArticles } from "../src/site/build.js";
import { configureExtraction } from "../src/site/extract-all.js";
import { allocateYoung, tuneForFreshText } from "../src/tiering.js";

// V8 tuned as `sitrep extract` runs (src/tiering.ts); `node --interrupt-budget=67584
// --allocation-site-pretenuring` measures V8's defaults.
tuneForFreshText();
allocateYoung();

const { values, positionals } = parseArgs({ options: { limit: { type: "string" }, mode: { type: "string" } }, allowPositionals: true });
const content = positionals[0];
if (!content) throw new Error("usage: throughput.js <content dir> [--limit N] [--mode single|pool]");
const limit = Number(values.limit ?? Infinity);
/** CPU-seconds of repeated passes over the same articles for the warm rate (single mode). */
const WARM_CPU_SECONDS = 3;
const mode = values.mode ?? "single";
const all = findArticles([join(content, "articles")]);
const paths = all.slice(0, Number.isFinite(limit) ? limit + 1 : undefined);
/**
 * Articles one thread extracts before its rate on fresh text has settled: over blocks of 300 fresh
 * articles of the 10,000 corpus, one process ran at 0.92–0.99, then 1.64–1.82, then 2.27–3.27 MB per
 * CPU-second from the 601st article on (V8 compiling the names layer meanwhile; 2026-11-27).
 */
const SETTLED = 600;
const bytes = (ps: string[]) => ps.reduce((n, p) => n + readFileSync(p).byteLength, 0);
const cpu = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};

const { registry } = loadRegistry(content);
if (mode === "single") {
  const extractor = createExtractor({ registry });
  let t = performance.now();
  extractFile(extractor, readArticle(paths[0]!));
  const warmup = (performance.now() - t) / 1000;
  const rest = paths.slice(1);
  const files = rest.map(readArticle);
  const c0 = cpu();
  t = performance.now();
  for (const file of files) extractFile(extractor, file);
  const wall = (performance.now() - t) / 1000;
  const b = bytes(rest);
  const used = cpu() - c0;
  // Fresh text once V8 has compiled the code: the articles after the first pass, those from the
  // SETTLEDth on measured (read a block at a time, outside the measured time), for WARM_CPU_SECONDS
  // or until the corpus ends.
  let settledBytes = 0;
  let settledCpu = 0;
  let settledArticles = 0;
  for (let at = paths.length; at < all.length && settledCpu < WARM_CPU_SECONDS; at += 50) {
    const block = all.slice(at, at + 50);
    const blockFiles = block.map(readArticle);
    const p0 = cpu();
    for (const file of blockFiles) extractFile(extractor, file);
    if (at < SETTLED) continue;
    settledCpu += cpu() - p0;
    settledBytes += bytes(block);
    settledArticles += block.length;
  }
  const settledMbPerCpuSecond = settledArticles > 0 ? settledBytes / 1e6 / settledCpu : null;
  // The first articles again, over and over for WARM_CPU_SECONDS: text the process has seen, as
  // `npm run eval` measures on the news corpus (within about 10 % of the settled rate above). The
  // first pass above is the rate on fresh text in a fresh process.
  const values = files.map((f) => ({ path: f.path, value: String(f.value) }));
  let passes = 0;
  let warmCpu = 0;
  while (warmCpu < WARM_CPU_SECONDS) {
    const pass = values.map((v) => new VFile(v));
    const p0 = cpu();
    for (const file of pass) extractFile(extractor, file);
    warmCpu += cpu() - p0;
    passes++;
  }
  const warmMbPerCpuSecond = (b * passes) / 1e6 / warmCpu;
  console.log(JSON.stringify({ mode, articles: rest.length, bytes: b, wall, cpu: used, warmup, mbPerSecond: b / 1e6 / wall, mbPerCpuSecond: b / 1e6 / used, warmMbPerCpuSecond, warmPasses: passes, settledMbPerCpuSecond, settledArticles }));
} else {
  configureExtraction({ cacheDir: null });
  const c0 = cpu();
  const t = performance.now();
  const { records } = extractArticles(paths, registry);
  const wall = (performance.now() - t) / 1000;
  const b = bytes(paths);
  const used = cpu() - c0;
  console.log(JSON.stringify({ mode, articles: records.length, bytes: b, wall, cpu: used, cores: used / wall, mbPerSecond: b / 1e6 / wall, mbPerCpuSecond: b / 1e6 / used }));
}
process.exit(0);

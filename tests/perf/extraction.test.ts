/**
 * The extraction cache and the worker pool (src/site/extract-all.ts) change how fast extraction is,
 * never what it gives: records JSON-identical and in order, messages identical (text, line, column,
 * rule, severity, url). Correctness only; nothing here is timed.
 *
 * Fixture: a content folder in a temporary directory with the 24 gum-news articles of ../shared, and
 * every malformed article of tests/fixtures/bad (invalid UTF-8, BOM, broken YAML…: the messages).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createHash } from "node:crypto";
import type { VFile } from "vfile";
import type { Registry as RegistryClass, RegistryEntry } from "../../src/registry.js";
import type { ExtractionOptions } from "../../src/site/extract-all.js";
import { repoRoot, sharedDir } from "../helpers/shared.js";

// Workers always run the compiled code (dist/), so the main-thread side of every comparison runs it
// too: `npm test` compiles first, and both sides then execute the very same modules.
// One pool for the whole file (it would otherwise stop after 10 s idle and restart).
process.env.SITREP_POOL_IDLE_MS = "600000";
const dist = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(repoRoot, "dist", "src", path)).href)) as T;
const { dedupeIds, findArticles, readArticle } = await dist<typeof import("../../src/content.js")>("content.js");
const { loadRegistry, Registry } = await dist<typeof import("../../src/registry.js")>("registry.js");
const { formatMessage } = await dist<typeof import("../../src/util/messages.js")>("util/messages.js");
const { closeExtractionPool, extractAll, lastExtractionStats, poolSize } = await dist<typeof import("../../src/site/extract-all.js")>("site/extract-all.js");
const { CACHE_FORMAT, cacheKey, ExtractionCache, extractorVersion, isPayload, registryHash } = await dist<typeof import("../../src/site/cache.js")>("site/cache.js");

let root: string;
let content: string;
let registry: RegistryClass;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "sitrep-perf-"));
  content = join(root, "content");
  const articles = join(content, "articles");
  mkdirSync(articles, { recursive: true });
  cpSync(join(repoRoot, "content", "entities"), join(content, "entities"), { recursive: true });
  const news = join(sharedDir, "corpus", "gum-news", "articles");
  if (!existsSync(news)) throw new Error(`missing ${news}: the tests need the project's shared/ folder beside the repository`);
  for (const name of readdirSync(news).filter((n) => n.endsWith(".md"))) copyFileSync(join(news, name), join(articles, name));
  const bad = join(repoRoot, "tests", "fixtures", "bad");
  for (const name of readdirSync(bad).filter((n) => n.endsWith(".md"))) copyFileSync(join(bad, name), join(articles, `bad-${name}`));
  registry = loadRegistry(content).registry;
});

afterAll(async () => {
  await closeExtractionPool();
  rmSync(root, { recursive: true, force: true });
});

/** Reads the fixture afresh (new VFiles, as every build does) and extracts it. */
function run(options: ExtractionOptions, reg: RegistryClass = registry) {
  const all = findArticles([join(content, "articles")]).map(readArticle);
  const records = extractAll(dedupeIds(all), reg, options);
  return { records, files: all, stats: lastExtractionStats() };
}

/** Everything about messages that anyone prints or reads, per file, in order. */
function messages(files: VFile[]) {
  return files.map((f) => ({
    path: f.path,
    messages: f.messages.map((m) => ({
      printed: formatMessage(m, f.path),
      reason: m.reason,
      line: m.line,
      column: m.column,
      place: m.place,
      ruleId: m.ruleId,
      source: m.source,
      fatal: m.fatal,
      url: m.url,
      name: m.name,
      file: m.file,
    })),
  }));
}

const json = (x: unknown) => JSON.stringify(x);
const V = "test-version-1";
const freshCache = () => mkdtempSync(join(root, "cache-"));

let reference: ReturnType<typeof run>;

describe("the fixture", () => {
  it("has a few dozen articles, with errors and warnings among them", () => {
    reference = run({ cacheDir: null, workers: 0 });
    expect(reference.records.length).toBeGreaterThanOrEqual(30);
    expect(reference.stats.inThread).toBe(reference.records.length);
    const all = reference.files.flatMap((f) => f.messages);
    expect(all.some((m) => m.fatal === true)).toBe(true);
    expect(all.some((m) => m.fatal === false)).toBe(true);
  });
});

describe("worker threads", () => {
  it("are not started for small inputs", () => {
    expect(poolSize()).toBe(0);
    const small = run({ cacheDir: null, workers: 2, minParallel: 1000 });
    expect(small.stats.pooled).toBe(0);
    expect(poolSize()).toBe(0);
    expect(json(small.records)).toBe(json(reference.records));
  });

  it("give byte-for-byte the records and messages of a single thread, in the same order", () => {
    const pooled = run({ cacheDir: null, workers: 2, minParallel: 1, chunkSize: 3 });
    expect(poolSize()).toBe(2);
    expect(pooled.stats.pooled).toBe(reference.records.length);
    expect(pooled.stats.inThread).toBe(0);
    expect(json(pooled.records)).toBe(json(reference.records));
    expect(messages(pooled.files)).toEqual(messages(reference.files));
  });
});

describe("the extraction cache", () => {
  it("returns identical records and messages on a hit", () => {
    const cacheDir = freshCache();
    const cold = run({ cacheDir, workers: 0, extractorVersion: V });
    expect(cold.stats.hits).toBe(0);
    const warm = run({ cacheDir, workers: 0, extractorVersion: V });
    expect(warm.stats.hits).toBe(reference.records.length);
    expect(warm.stats.inThread + warm.stats.pooled).toBe(0);
    expect(json(warm.records)).toBe(json(reference.records));
    expect(messages(warm.files)).toEqual(messages(reference.files));
  });

  it("is shared by workers and the main thread (entries written by workers read back identical)", () => {
    const cacheDir = freshCache();
    const pooled = run({ cacheDir, workers: 2, minParallel: 1, extractorVersion: V });
    expect(pooled.stats.pooled).toBe(reference.records.length);
    const warm = run({ cacheDir, workers: 0, extractorVersion: V });
    expect(warm.stats.hits).toBe(reference.records.length);
    expect(json(warm.records)).toBe(json(reference.records));
    expect(messages(warm.files)).toEqual(messages(reference.files));
  });

  it("ignores and rebuilds corrupt entries: bad JSON, truncated, checksum mismatch, wrong shape, wrong key, empty", () => {
    const cacheDir = freshCache();
    run({ cacheDir, workers: 0, extractorVersion: V });
    const cache = new ExtractionCache(cacheDir);
    const files = findArticles([join(content, "articles")]).map(readArticle);
    const salt = `${V}:${registryHash(registry)}`;
    const keyOf = (f: VFile) => cacheKey(salt, f.stem ?? "", f.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`).join(","), String(f.value));
    const victims = files.slice(0, 6).map(keyOf);
    const header = (key: string, body: string) => `sitrep-cache ${CACHE_FORMAT} ${key} ${createHash("sha256").update(body).update("\0").digest("hex")}\n${body}`;
    const corrupt: Array<(key: string, text: string) => string> = [
      (key) => header(key, "{not json"),
      (_key, text) => text.slice(0, Math.floor(text.length / 2)),
      (_key, text) => text.replace(/"title":"/, '"title":"X'),
      (key) => header(key, JSON.stringify({ record: { briefing: {} }, messages: [] })),
      (_key, text) => text.replace(/^sitrep-cache \d+ [0-9a-f]+/, `sitrep-cache ${CACHE_FORMAT} ${"0".repeat(64)}`),
      () => "",
    ];
    victims.forEach((key, k) => {
      const path = cache.entryPath(key);
      expect(existsSync(path), path).toBe(true);
      writeFileSync(path, corrupt[k]!(key, readFileSync(path, "utf8")));
      expect(cache.get(key)).toBeNull();
    });
    const again = run({ cacheDir, workers: 0, extractorVersion: V });
    expect(again.stats.hits).toBe(reference.records.length - victims.length);
    expect(again.stats.inThread).toBe(victims.length);
    expect(json(again.records)).toBe(json(reference.records));
    expect(messages(again.files)).toEqual(messages(reference.files));
    for (const key of victims) expect(isPayload(cache.get(key))).toBe(true);
  });

  it("is invalidated by a change to an article's content (only that article)", () => {
    const cacheDir = freshCache();
    run({ cacheDir, workers: 0, extractorVersion: V });
    const target = findArticles([join(content, "articles")]).find((p) => p.includes("GUM_news"))!;
    const original = readFileSync(target);
    try {
      writeFileSync(target, `${original.toString("utf8").trimEnd()}\n\nThe Kremlin said the talks in Damascus would continue.\n`);
      const edited = run({ cacheDir, workers: 0, extractorVersion: V });
      expect(edited.stats.hits).toBe(reference.records.length - 1);
      expect(edited.stats.inThread).toBe(1);
      expect(json(edited.records)).toBe(json(run({ cacheDir: null, workers: 0 }).records));
      expect(json(edited.records)).not.toBe(json(reference.records));
    } finally {
      writeFileSync(target, original);
    }
    expect(run({ cacheDir, workers: 0, extractorVersion: V }).stats.hits).toBe(reference.records.length);
  });

  it("is invalidated by a new extractor version, and by a registry change", () => {
    const cacheDir = freshCache();
    run({ cacheDir, workers: 0, extractorVersion: V });
    const v2 = run({ cacheDir, workers: 0, extractorVersion: "test-version-2" });
    expect(v2.stats.hits).toBe(0);
    expect(run({ cacheDir, workers: 0, extractorVersion: V }).stats.hits).toBe(reference.records.length);
    const extra: RegistryEntry = { id: "robot-olympics", name: "Robot Olympics", type: "actor", kind: "organization", aliases: [], wikidata: null, coordinates: null, within: null, operator: null, role: null, body: "", path: "entities/robot-olympics.md" };
    const changed = new Registry([...registry.entries, extra]);
    expect(run({ cacheDir, workers: 0, extractorVersion: V }, changed).stats.hits).toBe(0);
  });

  it("derives the extractor version from the compiled extractor, models and lockfile (stable within a process)", () => {
    const v = extractorVersion();
    expect(v).toMatch(/^[0-9a-f]{64}$/);
    expect(extractorVersion()).toBe(v);
  });
});

/**
 * Where a briefing page finds its article's text when it renders. The text sentence by sentence
 * (its own page) and the Briefing as extracted (the data export) are the bulk of an article's
 * record and no other page reads them, so the site index does not hold them through the build: a
 * page whose record came through the extraction cache reads it back from its entry (./cache.ts)
 * each time it is asked, and drops it after. Without a cache entry (the cache off, or an entry that
 * could not be written) the page keeps its record's parts in memory, as before.
 *
 * At 4,000 articles these parts were 133 MB of the index's 281 MB of heap.
 */
import { existsSync } from "node:fs";
import { ExtractionCache } from "./cache.js";
import type { ArticleRecord } from "./index.js";

/** The parts of a record that only a briefing's own page and the data export read. */
export type RecordText = Pick<ArticleRecord, "briefing" | "sentences">;

/** Gives a record's text; a cache-backed one reads it from disk on every call. */
export type RecordSource = () => RecordText;

/** The record's parts, kept in memory. */
export function fromMemory(record: RecordText): RecordSource {
  const kept: RecordText = { briefing: record.briefing, sentences: record.sentences };
  return () => kept;
}

/**
 * The record's parts, read back from its cache entry. Entries are content-addressed (the key hashes
 * everything the record is made from), so the entry holds exactly the record extraction gave; one
 * removed or damaged while the build runs fails the build (which then leaves the old site in place).
 */
export function fromCache(cache: ExtractionCache, key: string, path: string): RecordSource {
  return () => {
    const payload = cache.get(key);
    if (!payload) throw new Error(`sitrep: the extraction cache entry of ${path} (${cache.entryPath(key)}) was removed or changed during the build; build again`);
    return payload.record;
  };
}

/**
 * For each record (`keys[i]`: its cache key, null without one), where its page reads its text: the
 * cache entry when it is on disk, else memory.
 */
export function recordSources(records: readonly ArticleRecord[], keys: ReadonlyArray<string | null>, cacheDir: string | null): RecordSource[] {
  const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
  return records.map((record, i) => {
    const key = keys[i];
    return cache && key && existsSync(cache.entryPath(key)) ? fromCache(cache, key, record.path) : fromMemory(record);
  });
}

/**
 * Where a briefing page finds its article's text when it renders. The text sentence by sentence
 * (its own page) and the Briefing as extracted (the data export) are the bulk of an article's
 * record and no other page reads them, so the site index does not hold them through the build: a
 * page whose record came through the extraction cache reads it back from its entry (./cache.ts)
 * each time it is asked, and drops it after. Without a cache entry (the cache off, or an entry that
 * could not be written) the page keeps its record's parts in memory, as before.
 *
 * At 4,000 articles these parts were 133 MB of the index's 281 MB of heap.
 *
 * The same goes for the records themselves while the index is built (`RecordList`): `sitrep build`
 * and the dev server keep a reference to each record's cache entry, not the record.
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
export function fromCache(cache: ExtractionCache, key: string, path: string): () => Omit<ArticleRecord, "path"> {
  return () => {
    const payload = cache.get(key);
    if (!payload) throw new Error(`sitrep: the extraction cache entry of ${path} (${cache.entryPath(key)}) was removed or changed during the build; build again`);
    return payload.record;
  };
}

/** A record held as a reference to its cache entry: what the index needs to order it without reading it. */
interface Stored {
  key: string;
  path: string;
  id: string;
  date: string;
}

/**
 * An archive's records as extraction handed them over, in input order. A record whose cache entry
 * is on disk is not kept: it is read back from the entry each time it is asked for (the site index
 * reads each twice while it is built, and its briefing page once more, ./details.ts), so the whole
 * archive's records never sit in memory together — at 50,000 articles they were 2.3 GB of heap on
 * top of the index built from them. Records without an entry (the cache off, an entry that could
 * not be written) stay in memory.
 */
export class RecordList implements Iterable<ArticleRecord> {
  private constructor(
    private readonly items: ReadonlyArray<ArticleRecord | Stored>,
    private readonly cache: ExtractionCache | null,
  ) {}

  /** Records kept in memory. */
  static of(records: readonly ArticleRecord[]): RecordList {
    return new RecordList(records, null);
  }

  /**
   * `length` records given one at a time, in any order: `set(i, record, key)` keeps a reference to
   * the cache entry `key` when it is on disk in `cacheDir`, else the record.
   */
  static collect(length: number, cacheDir: string | null): { set(i: number, record: ArticleRecord, key: string | null): void; done(): RecordList } {
    const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
    const items = new Array<ArticleRecord | Stored>(length);
    return {
      set(i, record, key) {
        const stored = cache && key && existsSync(cache.entryPath(key));
        items[i] = stored ? { key, path: record.path, id: record.briefing.id, date: record.briefing.date } : record;
      },
      done: () => new RecordList(items, cache),
    };
  }

  get length(): number {
    return this.items.length;
  }

  /** The i-th record, read from its cache entry when it is not kept. */
  at(i: number): ArticleRecord {
    const item = this.items[i]!;
    if (!isStored(item)) return item;
    return { ...this.text(item)(), path: item.path } as ArticleRecord;
  }

  /** The i-th briefing's id and date, without reading its record. */
  head(i: number): { id: string; date: string } {
    const item = this.items[i]!;
    return isStored(item) ? item : item.briefing;
  }

  /** The cache keys of the records read back from the cache (the entries a build keeps, ./cache.ts `prune`). */
  cacheKeys(): string[] {
    return this.items.filter(isStored).map((item) => item.key);
  }

  /** Where the page of the i-th record reads its text. */
  source(i: number): RecordSource {
    const item = this.items[i]!;
    return isStored(item) ? this.text(item) : fromMemory(item);
  }

  *[Symbol.iterator](): Iterator<ArticleRecord> {
    for (let i = 0; i < this.items.length; i++) yield this.at(i);
  }

  private text(item: Stored): () => Omit<ArticleRecord, "path"> {
    return fromCache(this.cache!, item.key, item.path) as () => Omit<ArticleRecord, "path">;
  }
}

const isStored = (item: ArticleRecord | Stored): item is Stored => !("briefing" in item);

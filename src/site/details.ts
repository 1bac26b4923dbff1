/**
 * Where a briefing page finds its article's text when it renders. The text sentence by sentence
 * (its own page) and the Briefing as extracted (the data export) are the bulk of an article's
 * record and no other page reads them, so the site index does not hold them through the build: a
 * page whose record came through the extraction cache reads it back from its entry (./cache.ts)
 * each time it is asked, and drops it after: only the part asked for, the sentences parsed alone and
 * the Briefing's JSON as the entry's bytes (`CachedText`). Without a cache entry (the cache off, or an entry that
 * could not be written) the page keeps its record's parts in memory, as before.
 *
 * At 4,000 articles these parts were 133 MB of the index's 281 MB of heap.
 *
 * The same goes for the records themselves while the index is built (`RecordList`): `sitrep build`
 * and the dev server keep a reference to each record's cache entry, not the record.
 */
import { ExtractionCache, payloadLayout, type EntryMark } from "./cache.js";
import { hash } from "node:crypto";
import type { SentenceSpan } from "../plugins/sentences.js";
import type { ArticleRecord } from "./index.js";
import { nameKey } from "../slug.js";

/** The parts of a record that only a briefing's own page and the data export read. */
export type RecordText = Pick<ArticleRecord, "briefing" | "sentences">;

/** Gives a record's text; a cache-backed one reads it from disk on every call. */
export interface RecordSource {
  /** The article's sentences (its briefing page). */
  sentences(): SentenceSpan[];
  /** `JSON.stringify` of the Briefing as extracted (the data export). */
  briefingJson(): string;
}

/** The record's parts, kept in memory. */
export function fromMemory(record: RecordText): RecordSource {
  const { briefing, sentences } = record;
  return { sentences: () => sentences, briefingJson: () => JSON.stringify(briefing) };
}

/**
 * The record's parts, read back from its cache entry. Entries are content-addressed (the key hashes
 * everything the record is made from), so the entry holds exactly the record extraction gave; one
 * removed or changed while the build runs fails the build (which then leaves the old site in place).
 * With the `mark` this process took when it verified or wrote the entry, a read-back checks the
 * entry's header and size against it rather than hashing and validating it again (./cache.ts
 * `reread`): a change that keeps both and the JSON valid would go unseen.
 */
export function fromCache(cache: ExtractionCache, key: string, path: string, mark: EntryMark | null = null): () => Omit<ArticleRecord, "path"> {
  return () => {
    const payload = mark ? cache.reread(key, mark) : cache.get(key);
    if (!payload) throw changed(cache, key, path);
    return payload.record;
  };
}

const changed = (cache: ExtractionCache, key: string, path: string) =>
  new Error(`sitrep: the extraction cache entry of ${path} (${cache.entryPath(key)}) was removed or changed during the build; build again`);

/**
 * A record's text read back from its cache entry, with the `mark` this process took of it (see
 * `fromCache`). Only the part asked for is decoded: the page's sentences are parsed alone (a third
 * of the entry, the Briefing is most of the rest), and the Briefing's JSON is the entry's own bytes,
 * not parsed and stringified again (./cache.ts `payloadLayout`). An entry laid out otherwise is
 * parsed whole. At 1,000 articles: every page's `detail()` 430 → 135 CPU-ms, the data export's
 * briefings 610 → 100 CPU-ms.
 */
export class CachedText implements RecordSource {
  constructor(
    private readonly cache: ExtractionCache,
    private readonly key: string,
    private readonly path: string,
    private readonly mark: EntryMark,
  ) {}

  sentences(): SentenceSpan[] {
    const json = this.part("sentences");
    if (json === null) return this.record().sentences;
    let sentences: unknown;
    try {
      sentences = JSON.parse(json);
    } catch {
      throw changed(this.cache, this.key, this.path);
    }
    if (!Array.isArray(sentences)) throw changed(this.cache, this.key, this.path);
    return sentences as SentenceSpan[];
  }

  briefingJson(): string {
    return this.part("briefing") ?? JSON.stringify(this.record().briefing);
  }

  /** The part's JSON, or null when the entry is not laid out as expected. */
  private part(which: "briefing" | "sentences"): string | null {
    const json = this.cache.rereadJson(this.key, this.mark);
    if (!json) throw changed(this.cache, this.key, this.path);
    const at = payloadLayout(json);
    return at ? json.toString("utf8", ...at[which]) : null;
  }

  private record(): Omit<ArticleRecord, "path"> {
    return fromCache(this.cache, this.key, this.path, this.mark)();
  }
}

/**
 * What a briefing page shows of its text stands on (the render plan's key of the page,
 * ./incremental.ts): sha256 of the sentences' JSON, offsets included. Read back from the cache, it
 * is the hash of the entry's bytes of them (`RecordList.indexed`), which are that JSON.
 */
export function textDigest(sentences: readonly SentenceSpan[]): string {
  return hash("sha256", JSON.stringify(sentences), "hex");
}

/** A record as the site index folds it: without its sentences, which only its page reads, but with their digest. */
export interface IndexedRecord {
  record: Omit<ArticleRecord, "sentences">;
  textDigest: string;
}

/** Where a name of an entity was first met: the first mention in the first record (in input order) that names it so. */
export interface Sighting {
  name: string;
  at: { path: string; line: number; column: number } | null;
  /** The record's number in input order. */
  record: number;
}

/**
 * What the site index allocates its ids from (./index.ts `resolveIds`): for each entity
 * (`category:id`), each of its names (by `nameKey`) with where it was first met. Noted as the records
 * come, in any order, so the index does not read every record once more for it.
 */
export class Sightings {
  readonly claimants = new Map<string, Map<string, Sighting>>();

  /** Notes the entities of the `i`-th record. */
  add(i: number, record: ArticleRecord): void {
    const b = record.briefing;
    for (const a of b.actors) this.note("actor", i, record.path, a);
    for (const l of b.locations) this.note("location", i, record.path, l);
    for (const s of b.sources) this.note("source", i, record.path, s);
  }

  private note(category: string, i: number, path: string, e: { id: string; name: string; mentions: Array<{ line: number; column: number }> }): void {
    const key = `${category}:${e.id}`;
    let names = this.claimants.get(key);
    if (!names) this.claimants.set(key, (names = new Map()));
    const k = nameKey(e.name);
    const seen = names.get(k);
    if (seen && seen.record <= i) return;
    const m = e.mentions[0];
    names.set(k, { name: e.name, at: m ? { path, line: m.line, column: m.column } : null, record: i });
  }
}

/** A record held as a reference to its cache entry: what the index needs to order it without reading it. */
interface Stored {
  key: string;
  /** The entry as this process verified or wrote it: read back, it is not hashed and validated again. */
  mark: EntryMark;
  path: string;
  id: string;
  date: string;
}

/**
 * An archive's records as extraction handed them over, in input order. A record whose cache entry
 * is on disk is not kept: it is read back from the entry each time it is asked for (the site index
 * reads each once while it is built, its briefing page once more, and the data export once more), so the whole
 * archive's records never sit in memory together — at 50,000 articles they were 2.3 GB of heap on
 * top of the index built from them. Records without an entry (the cache off, an entry that could
 * not be written) stay in memory.
 */
export class RecordList implements Iterable<ArticleRecord> {
  private constructor(
    private readonly items: ReadonlyArray<ArticleRecord | Stored>,
    private readonly cache: ExtractionCache | null,
    /** The records' entity names, noted as they came. */
    readonly sightings: Sightings,
  ) {}

  /** Records kept in memory. */
  static of(records: readonly ArticleRecord[]): RecordList {
    const sightings = new Sightings();
    records.forEach((record, i) => sightings.add(i, record));
    return new RecordList(records, null, sightings);
  }

  /**
   * `length` records given one at a time, in any order: `set(i, record, key, mark)` keeps a reference
   * to the cache entry `key` when it is on disk in `cacheDir` (`mark`: as the caller just read or
   * wrote it; null: it is looked at now), else the record.
   */
  static collect(length: number, cacheDir: string | null): { set(i: number, record: ArticleRecord, key: string | null, mark?: EntryMark | null): void; done(): RecordList } {
    const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
    const items = new Array<ArticleRecord | Stored>(length);
    const sightings = new Sightings();
    return {
      set(i, record, key, known = null) {
        const mark = cache && key ? (known ?? cache.mark(key)) : null;
        items[i] = mark ? { key: key!, mark, path: record.path, id: record.briefing.id, date: record.briefing.date } : record;
        sightings.add(i, record);
      },
      done: () => new RecordList(items, cache, sightings),
    };
  }

  get length(): number {
    return this.items.length;
  }

  /** The i-th record, read from its cache entry when it is not kept. */
  at(i: number): ArticleRecord {
    const item = this.items[i]!;
    if (!isStored(item)) return item;
    return { ...fromCache(this.cache!, item.key, item.path, item.mark)(), path: item.path } as ArticleRecord;
  }

  /**
   * The i-th record without its sentences, and their digest: read from its cache entry, the
   * sentences are neither decoded nor parsed (a third of the entry), only hashed as they are.
   */
  indexed(i: number): IndexedRecord {
    const item = this.items[i]!;
    if (!isStored(item)) return { record: item, textDigest: textDigest(item.sentences) };
    const json = this.cache!.rereadJson(item.key, item.mark);
    if (!json) throw changed(this.cache!, item.key, item.path);
    const at = payloadLayout(json);
    if (!at) {
      const record = this.at(i);
      return { record, textDigest: textDigest(record.sentences) };
    }
    let briefing: unknown, meta: unknown;
    try {
      briefing = JSON.parse(json.toString("utf8", ...at.briefing));
      meta = JSON.parse(json.toString("utf8", ...at.meta));
    } catch {
      throw changed(this.cache!, item.key, item.path);
    }
    const record = { briefing, meta, path: item.path } as Omit<ArticleRecord, "sentences">;
    return { record, textDigest: hash("sha256", json.subarray(...at.sentences), "hex") };
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
    return isStored(item) ? new CachedText(this.cache!, item.key, item.path, item.mark) : fromMemory(item);
  }

  *[Symbol.iterator](): Iterator<ArticleRecord> {
    for (let i = 0; i < this.items.length; i++) yield this.at(i);
  }
}

const isStored = (item: ArticleRecord | Stored): item is Stored => !("briefing" in item);

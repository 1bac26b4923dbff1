/**
 * The extraction cache: one file per extracted article under `.sitrep-cache/` (or `SITREP_CACHE`),
 * holding what extraction produced for it — the ArticleRecord (without its path) and the file's
 * messages — as plain JSON.
 *
 * Key = sha256 of (cache format, extractor version, registry hash, file stem, the messages reading
 * the file already gave, the file's text). The stem is in the key because it is the article id;
 * the path itself is not (the record's path and the messages' file are the current ones on reading).
 *
 * Extractor version = sha256 of the cache format constant below, sitrep's package version, the
 * compiled extraction code (every `dist/src/**\/*.js` except the site, CLI and scaffolding modules
 * that do not shape an ArticleRecord), the trained models in `models/`, and package-lock.json (the
 * parser and NLP dependencies' versions). Any change to any of them is a new version: no one has to
 * remember to bump anything. `CACHE_FORMAT` is bumped by hand only when the entry layout changes.
 *
 * Entry file: `sitrep-cache <format> <key> <sha256 of payload>\n<payload JSON>`. An entry whose header,
 * checksum, JSON or shape is wrong is never trusted: it reads as a miss and is rewritten.
 * Writes go to a temporary file renamed into place, so readers never see half an entry, and two
 * builds writing the same entry at once both leave a whole one.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { packageRoot } from "../paths.js";
import { filesUnder } from "../util/files.js";
import type { Registry } from "../registry.js";
import type { ArticleRecord } from "./index.js";

/** Bump by hand when the entry layout or the payload shape changes. */
export const CACHE_FORMAT = 1;

/** A vfile message as plain JSON: everything `report()` and `file.message()` set. */
export interface PlainMessage {
  reason: string;
  place: { line: number; column: number; offset?: number } | { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } | null;
  ruleId: string | null;
  source: string | null;
  /** true (error), false (warning) or null (info: vfile's `undefined`). */
  fatal: boolean | null;
  url: string | null;
  note: string | null;
  expected: string[] | null;
  actual: string | null;
}

/** What extraction produced for one article. */
export interface Payload {
  record: Omit<ArticleRecord, "path">;
  messages: PlainMessage[];
}

const sha256 = (...parts: Array<string | Buffer>) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p), h.update("\0");
  return h.digest("hex");
};

/** Modules under dist/src that do not shape an ArticleRecord (so editing them keeps the cache). */
const NOT_EXTRACTION = [/^site\/(?!extract-all\.js$|worker\.js$|cache\.js$)/, /^cli\.js$/, /^import\.js$/, /^new\.js$/, /^types\//];

let version: string | null = null;

/** The extractor version (see the module comment); computed once per process. */
export function extractorVersion(): string {
  if (version) return version;
  const h = createHash("sha256");
  h.update(`sitrep-cache ${CACHE_FORMAT}\0`);
  const pkg = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version?: string };
  h.update(`${pkg.version ?? "0"}\0`);
  const compiled = join(packageRoot, "dist", "src");
  const code = existsSync(compiled)
    ? filesUnder(compiled, (rel) => rel.endsWith(".js") && !NOT_EXTRACTION.some((re) => re.test(rel)))
    : filesUnder(join(packageRoot, "src"), (rel) => rel.endsWith(".ts") && !NOT_EXTRACTION.some((re) => re.test(rel.replace(/\.ts$/, ".js"))));
  const models = filesUnder(join(packageRoot, "models"), () => true);
  const lock = join(packageRoot, "package-lock.json");
  for (const file of [...code, ...models, ...(existsSync(lock) ? [lock] : [])]) {
    h.update(relative(packageRoot, file));
    h.update("\0");
    h.update(readFileSync(file));
    h.update("\0");
  }
  version = h.digest("hex");
  return version;
}

/** For tests: forget the memoised version (after changing a file it hashes). */
export function resetExtractorVersion(): void {
  version = null;
}

/** Everything about the registry that extraction reads (entries as plain JSON). */
export function registryHash(registry: Registry): string {
  return sha256(JSON.stringify(registry.entries));
}

/** The cache key of one article (see the module comment). */
export function cacheKey(salt: string, stem: string, priorRules: string, value: string): string {
  return sha256(salt, stem, priorRules, value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isPoint = (v: unknown) => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.column);
const nullOr = (v: unknown, t: string) => v === null || typeof v === t;

function isPlainMessage(v: unknown): v is PlainMessage {
  return (
    isObject(v) &&
    typeof v.reason === "string" &&
    (v.place === null || isPoint(v.place) || (isObject(v.place) && isPoint(v.place.start) && isPoint(v.place.end))) &&
    nullOr(v.ruleId, "string") &&
    nullOr(v.source, "string") &&
    nullOr(v.fatal, "boolean") &&
    nullOr(v.url, "string") &&
    nullOr(v.note, "string") &&
    nullOr(v.actual, "string") &&
    (v.expected === null || (Array.isArray(v.expected) && v.expected.every((x) => typeof x === "string")))
  );
}

/** The shape an entry must have to be used (a wrong shape is a miss, never an exception later). */
export function isPayload(v: unknown): v is Payload {
  if (!isObject(v) || !Array.isArray(v.messages) || !v.messages.every(isPlainMessage)) return false;
  const r = v.record;
  if (!isObject(r) || !Array.isArray(r.sentences) || !isObject(r.meta) || !isObject(r.briefing)) return false;
  const b = r.briefing;
  return (
    typeof b.id === "string" &&
    typeof b.title === "string" &&
    typeof b.date === "string" &&
    typeof b.summary === "string" &&
    ["claims", "actors", "locations", "sources"].every((k) => Array.isArray(b[k])) &&
    typeof r.meta.datePrecision === "string" &&
    r.sentences.every((s) => isObject(s) && typeof s.text === "string" && typeof s.index === "number")
  );
}

/**
 * An entry as this process found it on disk after it verified or wrote it: its checksum (from its
 * header) and its size in bytes. Reading it back again in the same process (./details.ts) checks the
 * header and size against these instead of hashing and validating the payload once more.
 */
export interface EntryMark {
  checksum: string;
  size: number;
}

/** The checksum an entry's header line names, or null when it is not a header of this format and key. */
function headerChecksum(header: string, key: string): string | null {
  const [magic, format, storedKey, checksum] = header.split(" ");
  return magic === "sitrep-cache" && format === String(CACHE_FORMAT) && storedKey === key && checksum ? checksum : null;
}

const RECORD_START = Buffer.from('{"record":{"briefing":');
const SENTENCES_KEY = Buffer.from('},"sentences":[');
const META_KEY = Buffer.from('],"meta":{');
const MESSAGES_KEY = Buffer.from('},"messages":[');

/**
 * Where the record's Briefing, its sentences and its meta lie in a payload's JSON (byte ranges, end
 * exclusive), found without parsing it; null when the JSON is not laid out as `JSON.stringify` lays
 * out a payload of ./extract-all.ts `extractOne`: `{"record":{"briefing":…,"sentences":[…],"meta":{…}},"messages":[…]}`.
 *
 * Why a search finds them: in `JSON.stringify`'s output every `"` inside a string is escaped (`\"`),
 * so `,"` only ever opens a key, and none of the objects after the Briefing (sentences, meta,
 * messages) has a key `sentences`, `meta` or `messages` of its own: searching back from the end,
 * the first of each is the payload's own. Each range is then exactly `JSON.stringify` of that
 * value (JSON.stringify of what JSON.parse makes of it gives the same text back).
 */
export function payloadLayout(json: Buffer): { briefing: [number, number]; sentences: [number, number]; meta: [number, number] } | null {
  if (json.length < RECORD_START.length || !json.subarray(0, RECORD_START.length).equals(RECORD_START)) return null;
  const messages = json.lastIndexOf(MESSAGES_KEY);
  const meta = messages < 0 ? -1 : json.lastIndexOf(META_KEY, messages);
  const sentences = meta < 0 ? -1 : json.lastIndexOf(SENTENCES_KEY, meta);
  if (sentences < RECORD_START.length) return null;
  return { briefing: [RECORD_START.length, sentences + 1], sentences: [sentences + SENTENCES_KEY.length - 1, meta + 1], meta: [meta + META_KEY.length - 1, messages] };
}

export class ExtractionCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  /** The payload stored under `key`, or null when missing, unreadable, corrupt or of another key. */
  get(key: string): Payload | null {
    return this.read(key)?.payload ?? null;
  }

  /** `get`, with the mark of the entry as it was read (what `mark` would say of it now, without opening it again). */
  read(key: string): { payload: Payload; mark: EntryMark } | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path(key));
    } catch {
      return null;
    }
    // The header is decoded on its own: the mark's checksum, cut from it, lives as long as the
    // record's reference does (./details.ts), and a slice of the whole text would keep all of it.
    const nl = bytes.indexOf(10);
    if (nl < 0) return null;
    const checksum = headerChecksum(bytes.toString("latin1", 0, nl), key);
    if (checksum === null) return null;
    const body = bytes.toString("utf8", nl + 1);
    if (sha256(body) !== checksum) return null;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return null;
    }
    return isPayload(payload) ? { payload, mark: { checksum, size: bytes.length } } : null;
  }

  /** The mark of the entry under `key` as it is on disk now (its header only is read), or null when it is missing or not an entry of that key. */
  mark(key: string): EntryMark | null {
    let fd: number | null = null;
    try {
      fd = openSync(this.path(key), "r");
      const head = Buffer.alloc(256);
      const n = readSync(fd, head, 0, head.length, 0);
      const nl = head.subarray(0, n).indexOf(10);
      if (nl < 0) return null;
      const checksum = headerChecksum(head.toString("latin1", 0, nl), key);
      return checksum === null ? null : { checksum, size: fstatSync(fd).size };
    } catch {
      return null;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }

  /**
   * The payload under `key` when the entry is still the one `mark` describes (same header, same
   * size), else null. Its checksum and shape are not checked again: this process did when it read or
   * wrote the entry, which the mark was taken after.
   */
  reread(key: string, mark: EntryMark): Payload | null {
    const body = this.rereadJson(key, mark);
    if (!body) return null;
    try {
      return JSON.parse(body.toString("utf8")) as Payload;
    } catch {
      return null;
    }
  }

  /** The payload's JSON as bytes (not parsed), on the terms of `reread`; null when the entry is not the one `mark` describes. */
  rereadJson(key: string, mark: EntryMark): Buffer | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path(key));
    } catch {
      return null;
    }
    if (bytes.length !== mark.size) return null;
    const nl = bytes.indexOf(10);
    if (nl < 0 || bytes.toString("latin1", 0, nl) !== `sitrep-cache ${CACHE_FORMAT} ${key} ${mark.checksum}`) return null;
    return bytes.subarray(nl + 1);
  }

  /**
   * Stores a payload (its JSON text) and returns the entry's mark (as `mark` would read it), or null
   * when it could not be written: best effort, a cache that cannot be written is no cache.
   */
  set(key: string, payloadJson: string): EntryMark | null {
    const target = this.path(key);
    const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(target), { recursive: true });
      const checksum = sha256(payloadJson);
      const entry = Buffer.from(`sitrep-cache ${CACHE_FORMAT} ${key} ${checksum}\n${payloadJson}`);
      writeFileSync(tmp, entry);
      renameSync(tmp, target);
      return { checksum, size: entry.length };
    } catch {
      rmSync(tmp, { force: true });
      return null;
    }
  }

  /** Marks an entry as used now (its modification time), so `prune` leaves it for a day. Best effort. */
  touch(key: string): void {
    try {
      const now = new Date();
      utimesSync(this.path(key), now, now);
    } catch {
      // A read-only cache still serves.
    }
  }

  /**
   * Removes the entries whose key is not in `keep` and that were neither written nor used (`touch`)
   * for `graceMs` (a day), and temporary files left by a write that died more than an hour ago;
   * returns how many entries went. `sitrep build` keeps the entries of the articles it built: the
   * others belong to earlier versions of the articles or of the extractor, or to deleted articles.
   * The day's grace is for another build or dev server using the same cache folder at the same
   * time (a briefing page reads its text back from its entry when it renders, ./details.ts). Best
   * effort: what cannot be removed stays.
   */
  prune(keep: ReadonlySet<string>, graceMs = 86_400_000): number {
    let removed = 0;
    const shards = (() => {
      try {
        return readdirSync(this.dir).filter((d) => /^[0-9a-f]{2}$/.test(d));
      } catch {
        return [];
      }
    })();
    const hourAgo = Date.now() - 3_600_000;
    const graceAgo = Date.now() - graceMs;
    for (const shard of shards) {
      let names: string[];
      try {
        names = readdirSync(join(this.dir, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(this.dir, shard, name);
        try {
          if (/^[0-9a-f]{62}\.json$/.test(name)) {
            if (!keep.has(shard + name.slice(0, -5)) && statSync(path).mtimeMs < graceAgo) rmSync(path, { force: true }), removed++;
          } else if (name.endsWith(".tmp") && statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
        } catch {
          // Gone already, or not ours to remove.
        }
      }
    }
    return removed;
  }

  /** Where an entry lives (for tests that corrupt one). */
  entryPath(key: string): string {
    return this.path(key);
  }
}

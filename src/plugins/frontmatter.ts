/**
 * Front matter: reads the YAML block with gray-matter (through the `yaml` parser, whose errors carry
 * positions), validates it, and finds the editor's credits line ("Original Source: www.cnn.com").
 *
 * Reads: the file, and the mdast tree (for the credits line).
 * Writes: `file.data.meta` (validated article metadata), `file.data.skip` (source spans that are
 * not article prose: the credits line), messages for every problem.
 */
import { createRequire } from "node:module";
import type matter from "gray-matter";
import type { Document, LineCounter, Node as YamlNode } from "yaml";
import type { Root } from "mdast";
import type { VFile } from "vfile";
import type { Outlet } from "../types.js";
import { slugify } from "../slug.js";
import { report } from "../util/messages.js";

export type DatePrecision = "day" | "month" | "year";

export interface EntityCorrections {
  /** Names that are not entities in this article. */
  ignore: string[];
  /** Names extraction missed. */
  add: Array<{ name: string; type: "actor" | "location"; kind: string }>;
  /** Names that are another spelling of a registry entry (`into` is its id or name). */
  merge: Array<{ name: string; into: string }>;
  /** File offset of each correction's value, for positioned warnings. */
  at: Record<string, number>;
}

export interface ArticleMeta {
  title: string;
  date: string;
  datePrecision: DatePrecision;
  outlet: Outlet | null;
  /** File offset where the outlet is named (front matter value or credits line). */
  outletAt: number | null;
  url: string | null;
  summary: string | null;
  license: string | null;
  licenseUrl: string | null;
  attribution: string | null;
  corrections: EntityCorrections;
}

declare module "vfile" {
  interface DataMap {
    meta: ArticleMeta;
    /** [start, end) spans of the source that are not prose (credits lines). */
    skip: Array<[number, number]>;
  }
}

export const KNOWN_KEYS = [
  "title",
  "date",
  "date_precision",
  "outlet",
  "url",
  "summary",
  "license",
  "license_url",
  "attribution",
  "entities",
  "tags",
] as const;

/** Keys of imported corpora that we keep but do not use. */
const TOLERATED_KEYS = new Set(["source_url", "genre", "gum_doc", "annotations", "layout", "draft"]);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Known outlets by domain; anything else is named from its domain. */
const OUTLETS: Record<string, string> = {
  "cnn.com": "CNN",
  "bbc.co.uk": "BBC",
  "bbc.com": "BBC",
  "nytimes.com": "The New York Times",
  "washingtonpost.com": "The Washington Post",
  "theguardian.com": "The Guardian",
  "reuters.com": "Reuters",
  "apnews.com": "Associated Press",
  "aljazeera.com": "Al Jazeera",
  "wsj.com": "The Wall Street Journal",
  "ft.com": "Financial Times",
  "npr.org": "NPR",
  "wikinews.org": "Wikinews",
  "en.wikinews.org": "Wikinews",
};

/** "www.cnn.com" → { name: "CNN", domain: "www.cnn.com" }. */
export function outletFromDomain(input: string): Outlet {
  const domain = input
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/.*$/, "")
    .toLowerCase();
  const bare = domain.replace(/^www\./, "");
  let name = OUTLETS[bare];
  if (!name) {
    const label = bare.split(".").slice(-2)[0] ?? bare;
    name = label.length <= 4 ? label.toUpperCase() : label.charAt(0).toUpperCase() + label.slice(1);
  }
  return { id: slugify(name), name, domain };
}

const CREDITS = /^(?:Original\s+)?Source:\s*(\S+)\s*$/i;

export default function frontMatter() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    file.data.skip = [];
    file.data.meta = readMeta(source, file);
    // The credits line editors paste at the end ("Original Source: www.cnn.com").
    for (const node of tree.children) {
      if (node.type !== "paragraph" || !node.position) continue;
      const start = node.position.start.offset ?? 0;
      const end = node.position.end.offset ?? start;
      const m = CREDITS.exec(source.slice(start, end));
      if (!m) continue;
      file.data.skip.push([start, end]);
      if (!file.data.meta.outlet) {
        file.data.meta.outlet = outletFromDomain(m[1]!);
        file.data.meta.outletAt = start + source.slice(start, end).indexOf(m[1]!);
      }
    }
  };
}

function emptyMeta(): ArticleMeta {
  return {
    title: "",
    date: "1970-01-01",
    datePrecision: "day",
    outlet: null,
    outletAt: null,
    url: null,
    summary: null,
    license: null,
    licenseUrl: null,
    attribution: null,
    corrections: { ignore: [], add: [], merge: [], at: {} },
  };
}

/**
 * The front matter as data, with the file offsets that messages point at. Two readers give the
 * same answer: a fast one for the common block of one-line `key: value` pairs (quoted strings and
 * plain words), and gray-matter with the `yaml` parser for everything else — always for errors.
 */
interface FrontMatter {
  data: Record<string, unknown>;
  /** File offset of the key's value (its key when it has none); `fallback` when absent. */
  keyAt(key: string, fallback: number): number;
  /** File offset of the key itself. */
  keyStart(key: string, fallback: number): number;
  /** File offset of item `i` of the list `entities.<list>`. */
  itemAt(list: string, i: number, fallback: number): number;
}

/** A one-line key: value pair of the simple block: identifier key, one value on its line. */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):( +)(.*)$/;
/** Plain scalars that the YAML core schema reads as something else than text, or that open syntax. */
const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$|: |:$| #|\s$/;

/**
 * Reads the block between `origin` (just after the opening `---`) and the closing `---` when every
 * line is `key: "text"`, `key: 'text'` or `key: text` (text that is a string in YAML's core schema),
 * keys distinct. Anything else — nesting, lists, numbers, comments, escapes, blank or empty
 * values — returns null and goes to the full parser.
 */
export function readSimpleFrontMatter(source: string, origin: number): FrontMatter | null {
  let close = source.indexOf("\n---", origin);
  if (close < 0) close = source.length;
  if (source.charCodeAt(origin) !== 10 || close <= origin + 1) return null;
  const data: Record<string, unknown> = {};
  const keys = new Map<string, number>();
  const values = new Map<string, number>();
  let at = origin + 1;
  while (at <= close) {
    let eol = source.indexOf("\n", at);
    if (eol < 0 || eol > close) eol = close;
    const m = SIMPLE_LINE.exec(source.slice(at, eol));
    if (!m) return null;
    const key = m[1]!;
    const raw = m[3]!;
    if (keys.has(key) || key === "__proto__" || key.length > 1000 || !raw) return null;
    // Control characters (tabs, CR), BOMs, line separators: the full parser knows their rules.
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c < 0x20 || c === 0x7f || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0x80 && c <= 0x9f)) return null;
    }
    let value: string;
    const q = raw.charCodeAt(0);
    if (q === 34 /* " */) {
      if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== 34 || /["\\]/.test(raw.slice(1, -1))) return null;
      value = raw.slice(1, -1);
    } else if (q === 39 /* ' */) {
      if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== 39 || raw.slice(1, -1).includes("'")) return null;
      value = raw.slice(1, -1);
    } else {
      // A plain scalar: starts with a letter (or is a YYYY-MM-DD date, a string in the core schema).
      if (!/^\p{L}/u.test(raw) && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
      if (NOT_TEXT.test(raw)) return null;
      value = raw;
    }
    keys.set(key, at);
    values.set(key, at + key.length + 1 + m[2]!.length);
    data[key] = value;
    at = eol + 1;
  }
  if (!keys.size) return null;
  return {
    data,
    keyAt: (key, fallback) => values.get(key) ?? fallback,
    keyStart: (key, fallback) => keys.get(key) ?? fallback,
    itemAt: (_list, _i, fallback) => fallback,
  };
}

const require = createRequire(import.meta.url);
let yamlReaders: { matter: typeof matter; yaml: typeof import("yaml") } | undefined;
/**
 * gray-matter and `yaml` (both CommonJS packages, so `require` gives the modules an import would),
 * loaded when first needed: most front matter is read without them (readSimpleFrontMatter), and
 * loading both cost ≈ 0.1 CPU-seconds per process and per extraction worker.
 */
function readers(): { matter: typeof matter; yaml: typeof import("yaml") } {
  return (yamlReaders ??= { matter: require("gray-matter") as typeof matter, yaml: require("yaml") as typeof import("yaml") });
}

/** gray-matter and `yaml`: any front matter; a message and null when it is not valid. */
function readYamlFrontMatter(source: string, bom: number, origin: number, file: VFile): FrontMatter | null {
  const { matter, yaml } = readers();
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml;
  let doc: Document.Parsed | undefined;
  let lines: LineCounter | undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(bom ? source.slice(bom) : source, {
      engines: {
        yaml: (raw: string): object => {
          // Same length, so positions hold: gray-matter leaves the CR of a CRLF before the closing
          // "---", and the yaml parser does not take a lone CR (old Mac endings) as a line break.
          const text = raw.replace(/\r(?!\n)/g, "\n");
          lines = new LineCounter();
          doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
          const error = doc.errors[0];
          if (error) throw error;
          return (doc.toJS() ?? {}) as object;
        },
      },
    });
  } catch (error) {
    const e = error as { message?: string; pos?: [number, number] };
    const at = origin + (e.pos?.[0] ?? 0);
    const reason = (e.message ?? String(error)).split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
    report(file, at, "frontmatter-yaml", `Front matter is not valid YAML: ${reason}. Fix the YAML between the two \`---\` lines`);
    return null;
  }
  // An empty block (`---` then `---`) never reaches the engine: validate it as an empty mapping.
  const root = doc?.contents ?? null;
  if (root !== null && !isMap(root)) {
    report(file, origin + (root.range?.[0] ?? 0), "frontmatter-not-mapping", "Front matter must be a mapping of `key: value` lines");
    return null;
  }
  const pairOf = (key: string) => (isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined);
  return {
    data: parsed.data as Record<string, unknown>,
    keyAt: (key, fallback) => {
      const pair = pairOf(key);
      const node = (pair?.value ?? pair?.key) as YamlNode | null | undefined;
      return node?.range ? origin + node.range[0] : fallback;
    },
    keyStart: (key, fallback) => {
      const range = (pairOf(key)?.key as YamlNode | undefined)?.range;
      return range ? origin + range[0] : fallback;
    },
    itemAt: (list, i, fallback) => {
      const node = isMap(root) ? root.get("entities", true) : undefined;
      const seq = isMap(node) ? node.get(list, true) : undefined;
      const item = isSeq(seq) ? (seq.items[i] as YamlNode | undefined) : undefined;
      return item?.range ? origin + item.range[0] : fallback;
    },
  };
}

function readMeta(source: string, file: VFile): ArticleMeta {
  const meta = emptyMeta();
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const hasBlock = source.startsWith("---", bom) && /^---[ \t]*\r?\n/.test(source.slice(bom));
  if (!hasBlock) {
    report(file, bom, "frontmatter-missing", "Article has no front matter: start the file with a `---` line, then `title:` and `date:`, then `---`");
    return meta;
  }
  const yamlStart = source.indexOf("\n", bom) + 1;
  // gray-matter hands the YAML engine everything after the opening "---", newline included.
  const origin = bom + 3;
  const front = readSimpleFrontMatter(source, origin) ?? readYamlFrontMatter(source, bom, origin, file);
  if (!front) return meta;
  const data = front.data;
  const keyAt = (key: string): number => front.keyAt(key, yamlStart);
  const keyStart = (key: string): number => front.keyStart(key, yamlStart);
  const closeAt = source.indexOf("\n---", yamlStart - 1);

  for (const key of Object.keys(data)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key) || TOLERATED_KEYS.has(key)) continue;
    const guess = didYouMean(key, KNOWN_KEYS);
    report(file, keyStart(key), "frontmatter-unknown-key", `Unknown front-matter key \`${key}\`${guess ? `: did you mean \`${guess}\`?` : ""}`, "warning");
  }

  const title = data.title;
  if (title !== undefined && title !== null && typeof title !== "string") {
    report(file, keyAt("title"), "frontmatter-type", "`title` must be text (quote it if it looks like a number, list or date)");
  } else if (typeof title !== "string" || !title.trim()) {
    report(file, "title" in data ? keyAt("title") : Math.max(yamlStart, closeAt + 1), "title-missing", "Article has no title: add `title: …` to the front matter");
  } else meta.title = title.trim();

  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date;
  if (date === undefined || date === null || date === "") {
    report(file, Math.max(yamlStart, closeAt + 1), "date-missing", "Article has no date: add `date: YYYY-MM-DD` to the front matter");
  } else if (typeof date !== "string" || !isCalendarDate(date)) {
    report(file, keyAt("date"), "date-invalid", `\`date\` must be a real calendar date written YYYY-MM-DD, not ${JSON.stringify(date)}`);
  } else meta.date = date;

  const precision = data.date_precision;
  if (precision !== undefined) {
    if (precision === "day" || precision === "month" || precision === "year") meta.datePrecision = precision;
    else report(file, keyAt("date_precision"), "date-precision-invalid", "`date_precision` must be `day`, `month` or `year`");
  }

  const outlet = data.outlet;
  if (typeof outlet === "string" && outlet.trim()) {
    const name = outlet.trim();
    meta.outlet = /^[\w-]+(\.[\w-]+)+$/.test(name) && name.includes(".") ? outletFromDomain(name) : { id: slugify(name), name, domain: null };
    meta.outletAt = keyAt("outlet");
  } else if (outlet && typeof outlet === "object" && !Array.isArray(outlet)) {
    const o = outlet as Record<string, unknown>;
    if (typeof o.name === "string" && o.name.trim()) {
      const name = o.name.trim();
      meta.outlet = { id: slugify(name), name, domain: typeof o.domain === "string" ? o.domain : null };
      meta.outletAt = keyAt("outlet");
    } else report(file, keyAt("outlet"), "outlet-invalid", "`outlet` needs a `name`");
  } else if (outlet !== undefined && outlet !== null) {
    report(file, keyAt("outlet"), "outlet-invalid", "`outlet` must be a name or `{ name, domain }`");
  }

  for (const [key, field] of [
    ["url", "url"],
    ["license_url", "licenseUrl"],
  ] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "string" && /^https?:\/\/[^\s]+$/i.test(value)) meta[field] = value;
    else report(file, keyAt(key), "url-invalid", `\`${key}\` must be an http(s) URL`);
  }
  if (!meta.url && typeof data.source_url === "string" && /^https?:\/\//i.test(data.source_url)) meta.url = data.source_url;
  for (const key of ["summary", "license", "attribution"] as const) {
    const value = data[key];
    if (typeof value === "string" && value.trim()) meta[key] = value.trim();
    else if (value !== undefined && value !== null) report(file, keyAt(key), "frontmatter-type", `\`${key}\` must be text`);
  }

  const tags = data.tags;
  if (tags !== undefined && tags !== null && !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))) {
    report(file, keyAt("tags"), "frontmatter-type", "`tags` must be a list of words, e.g. `tags: [syria, russia]`");
  }

  const entities = data.entities;
  if (entities !== undefined && entities !== null) readCorrections(entities, meta.corrections, file, front, keyAt("entities"));
  return meta;
}

function readCorrections(value: unknown, out: EntityCorrections, file: VFile, front: FrontMatter, fallback: number): void {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    report(file, fallback, "corrections-invalid", "`entities` must be a mapping with `ignore`, `add` and/or `merge` lists");
    return;
  }
  const itemAt = (list: string, i: number): number => front.itemAt(list, i, fallback);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!["ignore", "add", "merge"].includes(key)) report(file, fallback, "corrections-invalid", `Unknown correction \`entities.${key}\`: use ignore, add or merge`);
  }
  const list = (key: string): unknown[] => {
    const x = v[key];
    if (x === undefined || x === null) return [];
    if (Array.isArray(x)) return x;
    report(file, fallback, "corrections-invalid", `\`entities.${key}\` must be a list`);
    return [];
  };
  list("ignore").forEach((item, i) => {
    if (typeof item === "string" && item.trim()) {
      out.ignore.push(item.trim());
      out.at[`ignore:${item.trim()}`] = itemAt("ignore", i);
    } else report(file, itemAt("ignore", i), "corrections-invalid", "`entities.ignore` items must be names");
  });
  list("add").forEach((item, i) => {
    const o = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
    const type = o.type === "location" ? "location" : o.type === "actor" ? "actor" : null;
    if (typeof o.name !== "string" || !o.name.trim() || !type) {
      report(file, itemAt("add", i), "corrections-invalid", "`entities.add` items need `name` and `type` (actor or location), and may give `kind`");
      return;
    }
    out.add.push({ name: o.name.trim(), type, kind: typeof o.kind === "string" ? o.kind : type === "actor" ? "other" : "other" });
    out.at[`add:${o.name.trim()}`] = itemAt("add", i);
  });
  list("merge").forEach((item, i) => {
    const o = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
    if (typeof o.name !== "string" || typeof o.into !== "string" || !o.name.trim() || !o.into.trim()) {
      report(file, itemAt("merge", i), "corrections-invalid", "`entities.merge` items need `name` and `into` (a registry id or name)");
      return;
    }
    out.merge.push({ name: o.name.trim(), into: o.into.trim() });
    out.at[`merge:${o.name.trim()}`] = itemAt("merge", i);
  });
}

export function didYouMean(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

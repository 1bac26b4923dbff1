/**
 * Front matter: reads the YAML block with gray-matter (through the `yaml` parser, whose errors carry
 * positions), validates it, and finds the editor's credits line ("Original Source: www.cnn.com").
 *
 * Reads: the file, and the mdast tree (for the credits line).
 * Writes: `file.data.meta` (validated article metadata), `file.data.skip` (source spans that are
 * not article prose: the credits line), messages for every problem.
 */
import matter from "gray-matter";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from "yaml";
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
    return meta;
  }
  // An empty block (`---` then `---`) never reaches the engine: validate it as an empty mapping.
  const root = doc?.contents ?? null;
  const data = parsed.data as Record<string, unknown>;
  if (root !== null && !isMap(root)) {
    report(file, origin + (root.range?.[0] ?? 0), "frontmatter-not-mapping", "Front matter must be a mapping of `key: value` lines");
    return meta;
  }
  const keyAt = (key: string): number => {
    if (!isMap(root)) return yamlStart;
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    const node = (pair?.value ?? pair?.key) as YamlNode | null | undefined;
    return node?.range ? origin + node.range[0] : yamlStart;
  };
  const keyStart = (key: string): number => {
    if (!isMap(root)) return yamlStart;
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = (pair?.key as YamlNode | undefined)?.range;
    return range ? origin + range[0] : yamlStart;
  };
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
  if (entities !== undefined && entities !== null) readCorrections(entities, meta.corrections, file, root, origin, keyAt("entities"));
  return meta;
}

function readCorrections(
  value: unknown,
  out: EntityCorrections,
  file: VFile,
  root: unknown,
  origin: number,
  fallback: number,
): void {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    report(file, fallback, "corrections-invalid", "`entities` must be a mapping with `ignore`, `add` and/or `merge` lists");
    return;
  }
  const node = isMap(root) ? root.get("entities", true) : undefined;
  const itemAt = (list: string, i: number): number => {
    const seq = isMap(node) ? node.get(list, true) : undefined;
    const item = isSeq(seq) ? (seq.items[i] as YamlNode | undefined) : undefined;
    return item?.range ? origin + item.range[0] : fallback;
  };
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

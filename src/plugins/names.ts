/**
 * Name recognition: runs the recogniser (src/ner: tagger + gazetteer + rules + in-article
 * resolution) over the article's sentences, finds the registry's names and aliases the recogniser
 * missed (the editors' word counts), then applies the editor's `entities.add` corrections.
 *
 * Reads: the source, `file.data.sentences`, `file.data.meta.corrections`, the registry (option).
 * Writes: `file.data.names` (recognised names with spans; plain JSON), `file.data.correctionsUsed`.
 */
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { findEntities, type NamedEntity, type NameType } from "../ner/index.js";
import { nameKey } from "../slug.js";
import type { Registry, RegistryEntry } from "../registry.js";
import { registryMatcher, type RegistryMatch } from "./registry-names.js";

declare module "vfile" {
  interface DataMap {
    names: NamedEntity[];
    /** Keys (`ignore:<name>`, `add:<name>`, `merge:<name>`) of corrections that matched something. */
    correctionsUsed: string[];
  }
}

const KIND_TO_TYPE: Record<string, NameType> = {
  person: "person",
  organization: "organization",
  state: "state",
  "armed-group": "armed-group",
  country: "country",
  region: "region",
  city: "city",
  water: "water",
  base: "base",
  facility: "facility",
};

/** The source with the front matter (and credits lines) blanked out, offsets unchanged. */
export function proseOnly(source: string, tree: Root, skip: Array<[number, number]>): string {
  const spans = [...skip];
  for (const node of tree.children) {
    if (node.type === "yaml" && node.position) spans.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
  }
  if (!spans.length) return source;
  let out = source;
  for (const [start, end] of spans) out = out.slice(0, start) + blank(out, start, end) + out.slice(end);
  return out;
}

/**
 * `text.slice(start, end).replace(/[^\r\n]/g, " ")`: every code unit but line breaks a space. Built
 * from runs of spaces (" ".repeat) rather than by the expression, which made a match and a piece per
 * character of the front matter (a third of a MB per pass over the eval corpus).
 */
function blank(text: string, start: number, end: number): string {
  // slice's reading of the bounds
  const n = text.length;
  const from = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
  const to = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
  let out = "";
  let run = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out += " ".repeat(i - run) + text[i]!;
    run = i + 1;
  }
  return to > run ? out + " ".repeat(to - run) : out;
}

export interface Options {
  registry: Registry;
}

/** Registry kinds as recogniser types; states are countries, whose mentions the linker splits. */
const REGISTRY_TYPE: Record<string, NameType> = { ...KIND_TO_TYPE, state: "country", other: "other" };

export default function names(options: Options) {
  const matcher = registryMatcher(options.registry.entries.filter((e) => e.type !== "source"));
  return (tree: Root, file: VFile): void => {
    const text = proseOnly(String(file.value), tree, file.data.skip ?? []);
    const sentences = (file.data.sentences ?? []).map((s) => ({ start: s.start, end: s.end }));
    const found = findEntities(text, sentences);
    if (matcher) addRegistryMatches(found, matcher(text, sentences));
    file.data.correctionsUsed = [];
    // `entities.merge`: the editor says this spelling is a registry entry; find it even if the
    // recogniser did not (the linker then joins it to the entry).
    for (const merge of file.data.meta?.corrections.merge ?? []) {
      const entry = options.registry.resolve(merge.into);
      if (!entry || entry.type === "source") continue;
      const key = nameKey(merge.name);
      if (found.some((e) => [e.name, ...e.aliases, ...e.mentions.map((m) => text.slice(m.start, m.end))].some((f) => nameKey(f) === key))) continue;
      const spans = occurrences(text, merge.name, sentences);
      if (spans.length) found.push({ name: merge.name, type: REGISTRY_TYPE[entry.kind] ?? "other", aliases: [], mentions: spans });
    }
    for (const add of file.data.meta?.corrections.add ?? []) {
      const spans = occurrences(text, add.name, sentences);
      if (!spans.length) continue;
      file.data.correctionsUsed.push(`add:${nameKey(add.name)}`);
      const key = nameKey(add.name);
      // The editor's word wins over the recogniser's for these spans.
      for (const entity of found) entity.mentions = entity.mentions.filter((m) => !spans.some((s) => m.start < s.end && s.start < m.end));
      const existing = found.find((e) => nameKey(e.name) === key);
      const type = KIND_TO_TYPE[add.kind] ?? (add.type === "actor" ? "other" : "place");
      if (existing) {
        existing.type = type;
        existing.mentions = [...existing.mentions, ...spans].sort((a, b) => a.start - b.start);
      } else found.push({ name: add.name, type, aliases: [], mentions: spans });
    }
    file.data.names = found.filter((e) => e.mentions.length > 0);
  };
}

/** Every whole-word occurrence of `name` inside the given sentences. */
function occurrences(text: string, name: string, sentences: Array<{ start: number; end: number }>) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu");
  const spans: Array<{ start: number; end: number }> = [];
  for (const s of sentences) {
    re.lastIndex = 0;
    const slice = text.slice(s.start, s.end);
    for (let m = re.exec(slice); m; m = re.exec(slice)) spans.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
  }
  return spans;
}

type Match = RegistryMatch;

/** Adds registry matches that no recognised mention overlaps, grouped per registry entry. */
function addRegistryMatches(found: NamedEntity[], matches: Match[]): void {
  if (!matches.length) return;
  const taken = found.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const overlaps = (m: Match) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.end <= m.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < taken.length && taken[lo]!.start < m.end;
  };
  const byEntry = new Map<RegistryEntry, NamedEntity>();
  for (const m of matches) {
    if (overlaps(m)) continue;
    let entity = byEntry.get(m.entry);
    if (!entity) {
      entity = { name: m.entry.name, type: REGISTRY_TYPE[m.entry.kind] ?? "other", aliases: [], mentions: [] };
      byEntry.set(m.entry, entity);
      found.push(entity);
    }
    entity.mentions.push({ start: m.start, end: m.end });
  }
}

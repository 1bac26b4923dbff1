/**
 * Shared by the actors and locations plugins: decides which collection a recognised name belongs to
 * (registry first, then the recogniser's type, then the article's corrections), gives it its
 * site-wide id, and turns spans into positioned mentions.
 */
import type { VFile } from "vfile";
import type { NamedEntity, Span } from "../ner/index.js";
import type { Registry, RegistryEntry } from "../registry.js";
import type { Mention } from "../types.js";
import { nameKey, slugify } from "../slug.js";
import { lineIndex } from "../util/messages.js";
import type { SentenceSpan } from "./sentences.js";

export type Category = "actor" | "location";

export interface Linked {
  id: string;
  name: string;
  category: Category;
  kind: string;
  aliases: string[];
  spans: Span[];
  role: string | null;
  coordinates: [number, number] | null;
  within: string | null;
  entry: RegistryEntry | null;
}

/** Prepositions after which a country name is a place rather than an acting state. */
const LOCATIVE = new Set(["in", "from", "to", "into", "across", "within", "throughout", "inside", "near", "at", "toward", "towards", "over", "via", "around", "outside", "through", "leave", "left", "entered", "enter", "visit", "visited", "of"]);

/** Words after a country name that leave it a noun ("from Syria amid …", "in Iran and"). */
const FUNCTION_WORDS = new Set(
  "a an the and or but nor for so yet of in on at to from by with without within into onto over under after before since until amid among between during against about as than that which who whom whose where when while is are was were be been being has have had do does did will would can could may might must shall should not also this these those its their his her our".split(" "),
);

/** Splits a country's mentions: acting state ("Russia is withdrawing", "Russian forces") or place ("from Syria"). */
export function splitCountryMentions(text: string, entity: NamedEntity): { agent: Span[]; place: Span[] } {
  const agent: Span[] = [];
  const place: Span[] = [];
  for (const span of entity.mentions) {
    const written = text.slice(span.start, span.end);
    const demonym = nameKey(written) !== nameKey(entity.name) && !entity.aliases.some((a) => nameKey(a) === nameKey(written));
    const before = /([A-Za-z]+)\W*$/.exec(text.slice(Math.max(0, span.start - 24), span.start).replace(/\bthe\s*$/i, ""));
    const after = text.slice(span.end, span.end + 24);
    const possessive = /^['’]s?\b/.test(after);
    // "U.S. aircraft", "Syria policy": a country name before a common noun modifies it.
    const next = /^\s+([a-z]+)/.exec(after)?.[1];
    const modifier = next !== undefined && !FUNCTION_WORDS.has(next);
    if (!demonym && !possessive && !modifier && before && LOCATIVE.has(before[1]!.toLowerCase())) place.push(span);
    else agent.push(span);
  }
  return { agent, place };
}

const ACTOR_TYPES: Record<string, string> = { person: "person", organization: "organization", "armed-group": "armed-group", state: "state", other: "other" };
const LOCATION_TYPES: Record<string, string> = { country: "country", region: "region", city: "city", water: "water", base: "base", facility: "facility", place: "other" };

export interface LinkOptions {
  registry: Registry;
  /** Lower-cased name keys the editor said are not entities in this article. */
  ignore: Set<string>;
  /** name key → registry id or name, from `entities.merge`. */
  merge: Map<string, string>;
  /** Marks a correction as used, for the unmatched-correction warning. */
  used: (key: string) => void;
}

const linkedByFile = new WeakMap<object, Linked[]>();

/**
 * Every recognised name of a file, linked and split into the collection(s) it belongs to; computed
 * once per file (the actors and locations plugins both read it).
 */
export function linkFile(file: object, text: string, names: NamedEntity[], options: LinkOptions): Linked[] {
  let linked = linkedByFile.get(file);
  if (!linked) linkedByFile.set(file, (linked = linkNames(text, names, options)));
  return linked;
}

/** Every recognised name, linked and split into the collection(s) it belongs to. */
export function linkNames(text: string, names: NamedEntity[], options: LinkOptions): Linked[] {
  const out: Linked[] = [];
  for (const entity of names) {
    // Every spelling once, in first-seen order ([...new Set(…)] without the set: there are a few at most).
    const forms: string[] = [entity.name];
    for (const a of entity.aliases) if (!forms.includes(a)) forms.push(a);
    for (const m of entity.mentions) {
      const written = text.slice(m.start, m.end);
      if (!forms.includes(written)) forms.push(written);
    }
    const ignored = options.ignore.size ? forms.find((f) => options.ignore.has(nameKey(f))) : undefined;
    if (ignored !== undefined) {
      options.used(`ignore:${nameKey(ignored)}`);
      continue;
    }
    let entry: RegistryEntry | undefined;
    for (const form of options.merge.size ? forms : []) {
      const into = options.merge.get(nameKey(form));
      if (into !== undefined) {
        entry = options.registry.resolve(into);
        options.used(`merge:${nameKey(form)}`);
        if (entry) break;
      }
    }
    for (let i = 0; entry === undefined && i < forms.length; i++) entry = options.registry.lookup(forms[i]!);
    // Plain object literals, not spreads: this runs for every name of every article.
    // A spelling linked to a registry entry under another name is one of its aliases.
    const aliases = entry ? [entity.name, ...entity.aliases] : entity.aliases;
    const role = entity.role ?? entry?.role ?? null;
    const coordinates = entry?.coordinates ?? entity.coordinates ?? null;
    const within = entry?.within ?? (entity.within ? slugify(entity.within) : null);
    const id = entry?.id ?? slugify(entity.name);
    const name = entry?.name ?? entity.name;
    const linked = (category: Category, kind: string, spans: Span[]): Linked => ({ id, name, category, kind, aliases, spans, role, coordinates, within, entry: entry ?? null });
    if (entry && entry.type !== "source" && !(entity.type === "country" && entry.kind === "country") && !(entity.type === "country" && entry.kind === "state")) {
      out.push(linked(entry.type, entry.kind, entity.mentions));
      continue;
    }
    if (entity.type === "country") {
      const { agent, place } = splitCountryMentions(text, entity);
      if (agent.length) out.push(linked("actor", "state", agent));
      if (place.length) out.push(linked("location", "country", place));
      continue;
    }
    const actorKind = ACTOR_TYPES[entity.type];
    if (actorKind) out.push(linked("actor", actorKind, entity.mentions));
    else out.push(linked("location", LOCATION_TYPES[entity.type] ?? "other", entity.mentions));
  }
  return out;
}

/** Merges linked names of one collection that share an id (aliases spelled differently in one article). */
export function mergeById(items: Linked[]): Linked[] {
  // Most ids have one item: it is read as it is, and only an id met again gets a copy to merge into.
  const byId = new Map<string, { item: Linked; merged: boolean }>();
  for (const item of items) {
    const seen = byId.get(item.id);
    if (!seen) {
      byId.set(item.id, { item, merged: false });
      continue;
    }
    if (!seen.merged) {
      seen.item = copy(seen.item, [...seen.item.aliases], [...seen.item.spans]);
      seen.merged = true;
    }
    const into = seen.item;
    into.spans.push(...item.spans);
    if (!into.aliases.includes(item.name)) into.aliases.push(item.name);
    for (const alias of item.aliases) if (!into.aliases.includes(alias)) into.aliases.push(alias);
    into.role ??= item.role;
    into.coordinates ??= item.coordinates;
    into.within ??= item.within;
  }
  const out: Linked[] = [];
  for (const { item } of byId.values()) {
    const nameKeyOf = nameKey(item.name);
    // [...new Set(aliases)] without the set: first spellings in order (there are a few at most)
    const aliases: string[] = [];
    for (const a of item.aliases) if (!aliases.includes(a) && nameKey(a) !== nameKeyOf) aliases.push(a);
    out.push(copy(item, aliases.sort(), dedupeSpans(item.spans)));
  }
  return out;
}

function copy(item: Linked, aliases: string[], spans: Span[]): Linked {
  return { id: item.id, name: item.name, category: item.category, kind: item.kind, aliases, spans, role: item.role, coordinates: item.coordinates, within: item.within, entry: item.entry };
}

/** The spans sorted by start then end, each once (a new array); most come sorted and distinct, which is checked first. */
function dedupeSpans(spans: Span[]): Span[] {
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    ordered = a.start < b.start || (a.start === b.start && a.end < b.end);
  }
  if (ordered) return spans.slice();
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((s, i) => i === 0 || s.start !== sorted[i - 1]!.start || s.end !== sorted[i - 1]!.end);
}

/** The index of the sentence holding `offset` (the nearest one before it when between sentences). */
export function sentenceAt(sentences: readonly SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return sentences[found]?.index ?? 0;
}

export function toMention(file: VFile, span: Span): Mention {
  const text = String(file.value).slice(span.start, span.end);
  const place = lineIndex(file).place(span.start);
  return { text, line: place.line, column: place.column, offset: span.start, sentence: sentenceAt(file.data.sentences ?? [], span.start) };
}

/**
 * Gazetteer: countries (with aliases and demonyms), first-level regions, cities and first names
 * compiled from npm data packages into models/gazetteer.json by scripts/train.ts, plus the
 * hand-written lexicons of lexicon.ts. Matching is longest-match over lower-cased tokens.
 */

import { ARMED, BASES, ORGS, REGIONS, WATER, type LexEntry } from "./lexicon.js";
import { tokenArrays } from "./tokenize.js";
import type { NameType } from "./types.js";

export interface GazCountry {
  name: string;
  cca2: string;
  aliases: string[];
  demonyms: string[];
  /** [lon, lat] */
  coordinates?: [number, number];
}

export interface GazData {
  version: number;
  countries: GazCountry[];
  /** [name, country cca2, kind] */
  regions: [string, string][];
  /** [name, country cca2, population, lon, lat] */
  cities: [string, string, number, number, number][];
  firstNames: string[];
}

export type GazCat =
  | "country"
  | "demonym"
  | "water"
  | "armed"
  | "org"
  | "base"
  | "xregion"
  | "region"
  | "city1"
  | "city"
  | "town"
  | "first";

const PRIORITY: Record<GazCat, number> = {
  country: 12,
  water: 11,
  armed: 10,
  org: 9,
  base: 8,
  xregion: 7,
  region: 6,
  city1: 5,
  city: 4,
  demonym: 3,
  town: 2,
  first: 1,
};

export interface GazEntity {
  /** stable key, e.g. "country:US" */
  key: string;
  name: string;
  type: NameType;
  coordinates?: [number, number];
  within?: string;
  population?: number;
}

export interface GazHit {
  cat: GazCat;
  entity: GazEntity;
}

export interface GazMatch {
  len: number;
  hit: GazHit;
}

/** Latin letters without diacritics ("Herāt" → "Herat"). */
export function fold(s: string): string {
  // ASCII without a backtick: NFD changes nothing and neither pattern matches
  if (ASCII_NO_BACKTICK.test(s)) return s;
  return foldByExpression(s);
}
/** fold's definition (the tests check the ASCII shortcut against it). */
export function foldByExpression(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[‘’ʻʼ`]/g, "'");
}

const ASCII_NO_BACKTICK = /^[\x00-\x5f\x61-\x7f]*$/;

const ACRONYM = /^[A-Z]{2,6}$/;
const MIXED_ACRONYM = /^[A-Z][a-z]{0,2}[A-Z][A-Za-z]{0,3}$/;

/** /^[A-Za-z]+$/ as a char-code loop. */
export function asciiWord(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

const SIMPLE_PHRASE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
/**
 * The tokens of a gazetteer phrase: tokenArrays(s).words, with a shortcut for the commonest
 * phrase (ASCII letter runs joined by single spaces: a tokenArrays token each).
 */
export function phraseTokens(s: string): string[] {
  return SIMPLE_PHRASE.test(s) ? s.split(" ") : tokenArrays(s).words;
}

/** Normalise a token for gazetteer keys. */
export function normTok(t: string): string {
  const l = t.toLowerCase();
  return l.indexOf("’") < 0 ? l : l.replace(/’/g, "'");
}

/**
 * A city's entry. Its entity is made when first asked for: the gazetteer has tens of thousands of
 * cities and a text meets a few, and making them all was most of the model load (per process and
 * per extraction worker). The same entity object every time, with the fields in the same order.
 */
class CityHit implements GazHit {
  private made: GazEntity | undefined = undefined;

  constructor(
    readonly cat: GazCat,
    private readonly row: GazData["cities"][number],
    private readonly within: string | undefined,
  ) {}

  get entity(): GazEntity {
    if (this.made === undefined) {
      const [name, cc, pop, lon, lat] = this.row;
      const ent: GazEntity = { key: "city:" + cc + ":" + name, name, type: "city", coordinates: [lon, lat], population: pop };
      if (this.within !== undefined) ent.within = this.within;
      this.made = ent;
    }
    return this.made;
  }
}

export class Gazetteer {
  readonly phrases = new Map<string, GazHit>();
  /** phrases that only match as written (acronyms: "WHO" is not "Who", "IS" not "Is") */
  readonly exact = new Map<string, string>();
  /** every proper prefix (of 2+ tokens) of a phrase, so a longest-match can stop early */
  readonly prefixes = new Set<string>();
  readonly maxLen = new Map<string, number>();
  /** second words of the phrases of 2+ tokens, by first word: "x y" is a phrase or a prefix iff y is in second(x) */
  readonly second = new Map<string, Set<string>>();
  readonly firstNames = new Set<string>();
  readonly countryByCode = new Map<string, GazEntity>();
  /** big cities shadowed by a region of the same name */
  readonly cityOverRegion = new Map<string, GazHit>();

  constructor(data: GazData | null) {
    if (data) this.addData(data);
    this.addLex(WATER, "water");
    this.addLex(REGIONS, "xregion");
    this.addLex(ORGS, "org");
    this.addLex(ARMED, "armed");
    this.addLex(BASES, "base");
  }

  private add(phrase: string, hit: GazHit): void {
    const orig = phraseTokens(phrase);
    this.addTokens(orig, orig.map(normTok), hit);
  }

  /** add() of a phrase already tokenized: its tokens and their normTok forms. */
  private addTokens(orig: string[], toks: string[], hit: GazHit): void {
    if (toks.length === 1) return this.addWord(orig[0]!, toks[0]!, hit);
    if (toks.length === 0 || toks.length > 8) return;
    const key = toks.join(" ");
    const old = this.phrases.get(key);
    if (old && PRIORITY[old.cat] >= PRIORITY[hit.cat]) return;
    this.phrases.set(key, hit);
    this.exact.delete(key);
    for (let l = 2; l < toks.length; l++) this.prefixes.add(toks.slice(0, l).join(" "));
    const f = toks[0]!;
    if (toks.length >= 2) {
      const set = this.second.get(f);
      if (set) set.add(toks[1]!);
      else this.second.set(f, new Set([toks[1]!]));
    }
    if ((this.maxLen.get(f) ?? 0) < toks.length) this.maxLen.set(f, toks.length);
  }

  /** addTokens() of a phrase of one token: the token as written and its normTok form. */
  private addWord(word: string, key: string, hit: GazHit): void {
    const old = this.phrases.get(key);
    if (old && PRIORITY[old.cat] >= PRIORITY[hit.cat]) return;
    this.phrases.set(key, hit);
    // acronyms match only as written: "WHO" is not "Who"; "LeT" (Lashkar-e-Taiba) is not "Let"
    if (ACRONYM.test(word) || MIXED_ACRONYM.test(word)) this.exact.set(key, word);
    else this.exact.delete(key);
    if ((this.maxLen.get(key) ?? 0) < 1) this.maxLen.set(key, 1);
  }

  private addLex(list: LexEntry[], cat: GazCat): void {
    for (const e of list) {
      const ent: GazEntity = { key: cat + ":" + e.name, name: e.name, type: e.type };
      if (e.coordinates) ent.coordinates = e.coordinates;
      if (e.within) ent.within = e.within;
      const hit: GazHit = { cat, entity: ent };
      this.add(e.name, hit);
      for (const a of e.aliases ?? []) this.add(a, hit);
    }
  }

  private addData(d: GazData): void {
    for (const c of d.countries) {
      const ent: GazEntity = { key: "country:" + c.cca2, name: c.name, type: "country" };
      if (c.coordinates) ent.coordinates = c.coordinates;
      this.countryByCode.set(c.cca2, ent);
      const hit: GazHit = { cat: "country", entity: ent };
      this.add(c.name, hit);
      for (const a of c.aliases) this.add(a, hit);
      const dh: GazHit = { cat: "demonym", entity: ent };
      for (const dm of c.demonyms) this.add(dm, dh);
    }
    for (const [name, cc] of d.regions) {
      const country = this.countryByCode.get(cc);
      const ent: GazEntity = { key: "region:" + cc + ":" + name, name, type: "region" };
      if (country) ent.within = country.name;
      this.add(name, { cat: "region", entity: ent });
    }
    // cities come sorted by population (descending) so the biggest namesake wins
    const cities = d.cities;
    for (let c = 0; c < cities.length; c++) {
      const row = cities[c]!;
      const name = row[0];
      const pop = row[2];
      const cat: GazCat = pop >= 1_000_000 ? "city1" : pop >= 100_000 ? "city" : "town";
      if (asciiWord(name)) {
        // most cities: one ASCII word, its own only token, nothing to fold (what follows, shortened)
        const key = name.toLowerCase();
        const old = this.phrases.get(key);
        if (old && (old.cat === "city1" || old.cat === "city" || old.cat === "town")) continue;
        const hit = new CityHit(cat, row, this.countryByCode.get(row[1])?.name);
        if (old && old.cat === "region" && cat === "city1") this.cityOverRegion.set(key, { cat, entity: hit.entity });
        this.addWord(name, key, hit);
        continue;
      }
      const orig = phraseTokens(name);
      const toks = orig.map(normTok);
      const key = toks.join(" ");
      const old = this.phrases.get(key);
      if (old && (old.cat === "city1" || old.cat === "city" || old.cat === "town")) continue;
      const hit = new CityHit(cat, row, this.countryByCode.get(row[1])?.name);
      // a big city named like its region ("Berlin", "Madrid") is the city when typing a place
      if (old && old.cat === "region" && cat === "city1") this.cityOverRegion.set(key, { cat, entity: hit.entity });
      this.addTokens(orig, toks, hit);
      // "Herāt" is written "Herat" in English text
      const folded = fold(name);
      if (folded !== name) {
        const fo = phraseTokens(folded);
        const ft = fo.map(normTok);
        if (!this.phrases.has(ft.join(" "))) this.addTokens(fo, ft, hit);
      }
    }
    for (const n of d.firstNames) this.firstNames.add(n);
  }

  /** The entry of one word alone; acronym entries only match when written in capitals. */
  single(low: string, word: string | undefined): GazHit | null {
    const h = this.phrases.get(low);
    if (!h) return null;
    if (word !== undefined) {
      const ex = this.exact.get(low);
      if (ex !== undefined && ex !== word) return null;
    }
    return h;
  }

  /** Longest phrase starting at token i (lower-cased tokens in `low`). */
  match(low: string[], i: number, end: number, words?: string[]): GazMatch | null {
    const f = low[i]!;
    const ml = this.maxLen.get(f);
    if (ml === undefined) return null;
    let key = f;
    let best: GazMatch | null = null;
    const h0 = this.single(f, words ? words[i]! : undefined);
    if (h0) best = { len: 1, hit: h0 };
    // "x y" is no phrase and no prefix unless y is a second word of x
    if (ml < 2 || i + 1 >= end) return best;
    const sec = this.second.get(f);
    if (sec === undefined || !sec.has(low[i + 1]!)) return best;
    for (let l = 2; l <= ml && i + l <= end; l++) {
      key += " " + low[i + l - 1]!;
      const h = this.phrases.get(key);
      if (h) best = { len: l, hit: h };
      else if (!this.prefixes.has(key)) break;
    }
    return best;
  }
}

const CATS: GazCat[] = ["country", "demonym", "water", "armed", "org", "base", "xregion", "region", "city1", "city", "town", "first"];

/** Gazetteer feature values; a token's value is stored as its index in this list. */
export const GAZ_VALUES: string[] = ["", "first", "<s>", "</s>", ...CATS.flatMap((c) => ["B-" + c, "I-" + c])];
export const GAZ_NONE = 0;
export const GAZ_FIRST = 1;
export const GAZ_START = 2;
export const GAZ_END = 3;
export function gazBCode(c: GazCat): number {
  return B_CODE[c];
}
export function gazICode(c: GazCat): number {
  return I_CODE[c];
}
const B_CODE = Object.fromEntries(CATS.map((c) => [c, GAZ_VALUES.indexOf("B-" + c)])) as Record<GazCat, number>;
const I_CODE = Object.fromEntries(CATS.map((c) => [c, GAZ_VALUES.indexOf("I-" + c)])) as Record<GazCat, number>;

/**
 * Gazetteer feature codes per token (index into GAZ_VALUES) for one sentence.
 * Only phrases starting with an upper-case token are matched. When `matches` is given, the
 * match starting at each token is stored there too.
 */
export function gazFeatures(
  gaz: Gazetteer,
  words: string[],
  low: string[],
  from: number,
  to: number,
  out: Uint8Array,
  matches?: (GazMatch | null)[],
): void {
  out.fill(GAZ_NONE, from, to);
  let i = from;
  while (i < to) {
    const w = words[i]!;
    const c = w.charCodeAt(0);
    const up = (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
    if (!up) {
      i++;
      continue;
    }
    const m = gaz.match(low, i, to, words);
    if (m) {
      if (matches) matches[i] = m;
      out[i] = B_CODE[m.hit.cat];
      for (let k = 1; k < m.len; k++) out[i + k] = I_CODE[m.hit.cat];
      i += m.len;
      continue;
    }
    if (gaz.firstNames.has(w)) out[i] = GAZ_FIRST;
    i++;
  }
}

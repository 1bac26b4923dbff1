/**
 * The names layer of the extractor: finds the named entities of one news article and resolves
 * them within the article.
 *
 *   tokens → perceptron tagger (PER/ORG/LOC/MISC) + gazetteer/lexicon matches
 *          → rules (titles and roles, bases, demonyms, acronyms, armed groups, boilerplate)
 *          → resolution (short forms, aliases, propagation of found names)
 */

import { CLASSES, hasUpper, isCap } from "./features.js";
import { gazFeatures, normTok, type GazHit, type GazMatch, type Gazetteer } from "./gazetteer.js";
import {
  ARMED_CUES_AFTER,
  ARMED_NAME_HEADS,
  BASE_SUFFIXES,
  BOILERPLATE,
  FACILITY_HEADS,
  ORG_HEADS,
  ROLE_HEADS,
  STATE_NOUNS,
  TITLES,
} from "./lexicon.js";
import { getGazetteer, getModel } from "./model.js";
import { Tagger, type RInfo } from "./tagger.js";
import { sortInPlace } from "../util/sort.js";
import { TOK_CAP, TOK_FOLDS, TOK_UPPER, hasWordChar, isWordCode, sentenceStartsOf, tokenArrays, tokenize } from "./tokenize.js";
import type { NameType, NamedEntity, Span } from "./types.js";

export type { NameType, NamedEntity, Span } from "./types.js";
export { tokenize } from "./tokenize.js";

/** /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/.test(s) as a char-code loop: ASCII letter/digit runs joined by single spaces. */
function simpleForm(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let prevSpace = true; // no space first
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) prevSpace = false;
    else return false;
  }
  return !prevSpace;
}

/** Normalised form used to compare names (the scoring normalisation). */
export function normForm(s: string): string {
  if (simpleForm(s)) return s.toLowerCase();
  const l = s.toLowerCase();
  let out = "";
  let pendingSpace = false;
  const n = l.length;
  for (let i = 0; i < n; i++) {
    const c = l.charCodeAt(i);
    // possessive 's at a word end
    if ((c === 39 || c === 0x2019) && l.charCodeAt(i + 1) === 115 && (i + 2 >= n || !isWordCode(l.charCodeAt(i + 2)))) {
      i++;
      pendingSpace = out.length > 0;
      continue;
    }
    if (isWordCode(c)) {
      if (pendingSpace) out += " ";
      pendingSpace = false;
      out += l[i];
    } else if (out.length > 0) pendingSpace = true;
  }
  return out;
}

type Label = "PER" | "ORG" | "LOC" | "MISC";

/** A candidate mention over tokens [s, e); built by mkCand so all share one hidden class. */
function mkCand(s: number, e: number, label: Label, extra?: Partial<Cand>): Cand {
  const c: Cand = {
    s,
    e,
    label,
    hit: undefined,
    type: undefined,
    key: undefined,
    name: undefined,
    aliases: undefined,
    coordinates: undefined,
    within: undefined,
    demonym: false,
    cs: undefined,
    ce: undefined,
  };
  if (extra) Object.assign(c, extra);
  return c;
}

interface Cand {
  s: number;
  e: number;
  label: Label;
  hit: GazHit | undefined;
  /** fixed type from a rule */
  type: NameType | undefined;
  /** entity key from a rule (bases) */
  key: string | undefined;
  name: string | undefined;
  aliases: string[] | undefined;
  coordinates: [number, number] | undefined;
  within: string | undefined;
  demonym: boolean;
  /** char offsets when not token-aligned (anti-ISIS) */
  cs: number | undefined;
  ce: number | undefined;
}

interface Doc {
  text: string;
  /** 1 where isCap(words[i]) */
  cap: Uint8Array;
  /** token start and end offsets */
  ts: Int32Array;
  te: Int32Array;
  words: string[];
  low: string[];
  starts: Uint8Array;
  /** sentence index of each token */
  sent: Int32Array;
  gaz: Gazetteer;
  /** gazetteer match starting at each token */
  gm: (GazMatch | null)[];
  /** tagger classes */
  tags: Uint8Array;
  /** 1 at the first token of an affiliation ("Gary Fan of the | Neo Democrats") */
  affil: Uint8Array;
  /** 1 at a one-word name listed among people ("Zeus, | Hera, Poseidon and Athena") */
  plist: Uint8Array;
  /** token spans (start, end pairs) of places named as the "of" complement of a longer name */
  placeOf: number[];
}

let tagger: Tagger | null | undefined;

function getTagger(): Tagger | null {
  if (tagger === undefined) {
    const m = getModel();
    tagger = m ? new Tagger(m, getGazetteer()) : null;
  }
  return tagger;
}

const MAX_SENT = 150;
const B_PER = CLASSES.indexOf("B-PER");
const LABEL_OF = CLASSES.map((c) => c.slice(2) as Label);

const GAZ_ACCEPT: Record<string, NameType> = {
  country: "country",
  water: "water",
  armed: "armed-group",
  org: "organization",
  base: "base",
  xregion: "region",
};

const FACILITY_STRONG = new Set([
  "Airport", "Station", "Stadium", "Arena", "Bridge", "Square", "Street", "Road", "Mosque", "Cathedral",
  "Hotel", "Avenue", "Boulevard", "Prison", "Dam", "Hospital", "Museum", "Planetarium", "Center", "Centre",
  "Complex", "Memorial", "Towers",
]);

/** Titles that, first in a span, mark a person ("President X", "Secretary of State X"). */
const PERSON_TITLE_START = new Set([
  "president", "secretary", "minister", "prime", "ambassador", "general", "gen.", "senator", "sen.",
  "governor", "gov.", "mayor", "king", "queen", "prince", "princess", "sheikh", "emir", "pope", "dr.",
  "mr.", "mrs.", "ms.", "professor", "prof.", "judge", "chancellor", "colonel", "col.", "lieutenant",
  "lt.", "sergeant", "sgt.", "captain", "capt.", "admiral", "marshal", "ayatollah", "imam", "rabbi",
  "bishop", "cardinal", "spokesperson", "spokesman", "spokeswoman", "commander", "rep.", "representative",
  "chairman", "director", "foreign", "defense", "defence", "vice", "deputy", "former", "emeritus",
]);

/** Month and day names: a date, not a name ("April 12", "Court of Cassation on July 1"). */
const MONTHS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
  "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/** Discourse words that may be capitalised at the start of a tagged span ("However Russia"). */
const LEADING_JUNK = new Set([
  "however", "multiple", "recent", "current", "meanwhile", "additionally", "furthermore", "moreover",
  "also", "despite", "although", "while", "after", "before", "during", "since", "according", "several",
  "many", "some", "all", "both", "each", "every", "in", "the", "this", "that", "these", "those", "reports",
  "but", "and", "or", "so", "yet", "if", "when", "as", "at", "on", "for", "from", "by", "with", "a", "an",
  "today", "yesterday", "tomorrow", "image", "photo", "source", "sources", "update", "breaking", "exclusive",
  "unless", "whether", "because", "though", "until", "whereas", "once", "upon", "within", "without", "among",
  "amid", "throughout", "no", "no.", "yes",
]);

/** Religion and group adjectives: no name when alone ("Muslim", "Christian"). */
const NOT_NAMES = new Set([
  "muslim", "christian", "jewish", "catholic", "islamic", "hindu", "buddhist", "sikh", "arab", "sunni",
  "shia", "shiite", "orthodox", "protestant", "evangelical", "islamist", "jihadist", "western", "european",
  "african", "asian", "latino", "hispanic", "kurdish", "pro", "anti", "islamophobia", "homeopathy",
]);

/** An all-caps acronym (organisation) at the start of a person span ("NASA Bill Ingalls"). */
const ORG_LIKE = /^[A-Z]{3,6}$/;

const PARTICLE_NAME = /^(?:al|el|ad|as|an|ar|at|az|bin|ibn|abu|bint)[-‐]\p{Lu}/u;

const PREFIXES = new Set(["anti", "pro", "post", "pre", "non", "ex"]);

/** /^\d/ */
function digitFirst(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}
/** /\d/ */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
/** /^[A-Z]+$/ */
function allCaps(w: string): boolean {
  const n = w.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}
/** /^[A-Z]{2,}$/ */
function allCaps2(w: string): boolean {
  return w.length >= 2 && allCaps(w);
}
/**
 * w.charCodeAt(k), or -1 past the end. Reading past the end (NaN) in optimised code deoptimises it:
 * in `run` the same read past the end of short words threw away its on-stack-replaced code on
 * every article (hundreds of deoptimisations over the eval corpus).
 */
function codeAt(w: string, k: number): number {
  return k < w.length ? w.charCodeAt(k) : -1;
}
/** PREFIX_WORD.test(w), with a cheap pre-check for the hyphen */
function prefixWord(w: string): boolean {
  return (codeAt(w, 2) === 45 || codeAt(w, 3) === 45 || codeAt(w, 4) === 45) && PREFIX_WORD.test(w);
}
/** PARTICLE_NAME.test(w), with a cheap pre-check for the hyphen */
function particleName(w: string): boolean {
  if (w.length < 4) return false; // a particle, a hyphen and a capital
  const a = w.charCodeAt(2);
  const b = w.charCodeAt(3);
  const c = codeAt(w, 4);
  return (a === 45 || b === 45 || c === 45 || a === 0x2010 || b === 0x2010 || c === 0x2010) && PARTICLE_NAME.test(w);
}

/** Whether the token is the country code of a currency: "$" follows without a space ("US$", "HK$"). */
function currencyAt(doc: Doc, i: number): boolean {
  return i + 1 < doc.words.length && doc.ts[i + 1] === doc.te[i] && doc.text.charCodeAt(doc.ts[i + 1]!) === 36;
}

/** No gazetteer match at token k, or only a city, town or first name. */
function softGaz(gm: (GazMatch | null)[], k: number): boolean {
  const g = gm[k];
  return !g || g.hit.cat === "city" || g.hit.cat === "city1" || g.hit.cat === "town" || g.hit.cat === "first";
}

function isPunct(w: string): boolean {
  return !hasWordChar(w);
}

const byStartThenEnd = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;
const byFirstMention = (a: NamedEntity, b: NamedEntity): number => a.mentions[0]!.start - b.mentions[0]!.start;
const byTokenStart = (a: Cand, b: Cand): number => a.s - b.s;

/** Entry point. Never throws; deterministic. */
export function findEntities(text: string, sentences: Span[]): NamedEntity[] {
  try {
    if (typeof text !== "string" || text.length === 0) return [];
    return run(text, Array.isArray(sentences) ? sentences : []);
  } catch {
    return [];
  }
}

function run(text: string, sentences: Span[]): NamedEntity[] {
  const ta = tokenArrays(text);
  const n = ta.n;
  if (n === 0) return [];
  const { words, ts, te } = ta;
  const tg = getTagger();
  const low = new Array<string>(n);
  // infos are looked up lazily by the tagger (candidates and their neighbours only)
  const infos = new Array<RInfo | undefined>(tg ? n : 0);
  const upper = new Uint8Array(n);
  const cap = new Uint8Array(n);
  // the tokenizer read each token's case while scanning it
  const flags = ta.flags!;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const f = flags[i]!;
    // a very long token (junk, a URL) is never a name; keep hashing and features cheap
    if (w.length > 64) {
      words[i] = low[i] = "<long>";
      continue;
    }
    upper[i] = f & TOK_UPPER;
    cap[i] = (f & TOK_CAP) >> 1;
    // whether its gazetteer form is the token itself
    if ((f & TOK_FOLDS) === 0) low[i] = w;
    else if (tg) {
      // the word type's cached info holds the same form (and the tagger wants the info anyway)
      const r = tg.info(w);
      infos[i] = r;
      low[i] = r.low;
    } else low[i] = normTok(w);
  }
  const starts = sentenceStartsOf(text, ta, sentences);
  // cap sentence length (junk input), and number the sentences
  const sent = new Int32Array(n);
  let run0 = 0;
  let si = -1;
  for (let i = 0; i < n; i++) {
    if (starts[i]) run0 = 0;
    else if (++run0 >= MAX_SENT) {
      starts[i] = 1;
      run0 = 0;
    }
    if (starts[i]) si++;
    sent[i] = si;
  }
  const gaz = getGazetteer();
  const gm = new Array<GazMatch | null>(n).fill(null);
  const tags = new Uint8Array(n);
  const doc: Doc = { text, cap, ts, te, words, low, starts, sent, gaz, gm, tags, affil: new Uint8Array(n), plist: new Uint8Array(n), placeOf: [] };

  // 1. tagger
  const gazOut = new Uint8Array(n);
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || starts[i]) {
      if (tg) tg.tagSentence(infos, words, low, from, i, gazOut, tags, gm, upper, cap);
      else gazFeatures(gaz, words, low, from, i, gazOut, gm);
      from = i;
    }
  }
  const tagged = taggedNames(doc, tg);

  // 2. gazetteer / lexicon matches (high-precision categories)
  const lex: Cand[] = [];
  const demonyms: Cand[] = [];
  lexiconNames(doc, lex, demonyms);

  // 3. bases ("the Khmeimim airbase", "Tartus port facility", "Incirlik Air Base")
  const bases = findBases(doc);

  // 4. merge: bases > lexicon > tagger, longer tagger spans keep their nested lexicon names
  const accepted = merge(doc, bases, lex, tagged);
  nestedPlaces(doc, accepted);
  affiliations(doc, accepted);

  // 5. demonyms before state nouns ("Russian military"), unless inside a name
  addDemonyms(doc, accepted, demonyms);

  // 6. acronyms in parentheses define aliases: "Hayat Tahrir al-Sham (HTS)"
  const acr = acronyms(doc, accepted);

  // 7. armed-group cues
  armedGroupCues(doc, accepted);

  return resolve(doc, accepted, acr);
}

/**
 * Step 1 of run(): the tagger's spans, joined and cleaned, then the rules on them. Kept out of run()
 * (as are lexiconNames and the other steps): V8 compiles and deoptimises a function whole, and on
 * fresh text a rare branch of one huge function threw its whole optimised code away again and again.
 */
function taggedNames(doc: Doc, tg: Tagger | null): Cand[] {
  const { words, low, starts, gm, tags, gaz } = doc;
  const n = words.length;
  const tagged: Cand[] = [];
  // raw spans, then adjacent capitalised spans of different labels are one name
  // ("Sergey/MISC Brin/PER" → "Sergey Brin"), typed by their strongest label
  const raw: Cand[] = [];
  for (let i = 0; i < n; i++) {
    const ti = tags[i]!;
    // B tags are the odd classes, their I tag the next one
    if ((ti & 1) === 0) continue;
    const label = LABEL_OF[ti]!;
    let e = i + 1;
    while (e < n && tags[e] === ti + 1 && !starts[e]) e++;
    // particle surnames the tagger leaves out ("Bashar al-Assad")
    while (e < n && !starts[e] && (particleName(words[e]!) || (label === "PER" && e - i === 1 && HYPHEN_GIVEN.test(words[e]!)))) e++;
    // a demonym alone is handled by the demonym rule; a currency code is no name ("HK$")
    if (e === i + 1 && ((gm[i] && gm[i]!.hit.cat === "demonym") || currencyAt(doc, i))) continue;
    // a sentence-initial capitalised word the tagger left out ("Yau | Wai-ching defeated")
    if (i > 0 && starts[i - 1] && isCap(words[i - 1]!) && !starts[i] && (label === "PER" || label === "ORG")) {
      const lw = low[i - 1]!;
      const info = tg?.info(words[i - 1]!);
      if (info && info.x.lcv === "" && !LEADING_JUNK.has(lw) && !BOILERPLATE.has(lw) && !TITLES.has(lw) && !ROLE_HEADS.has(lw) && !gm[i - 1] && !MONTHS.has(lw)) {
        raw.push(mkCand(i - 1, e, label));
        i = e - 1;
        continue;
      }
    }
    // … or heads a list the tagger joined later ("Ubisoft, | Microsoft, and PlayStation")
    // (organisations and places only: one word is too little for a person)
    if (i > 1 && starts[i - 2] && words[i - 1] === "," && isCap(words[i - 2]!) && !starts[i] && (label === "ORG" || label === "LOC") && (raw.length === 0 || raw[raw.length - 1]!.e <= i - 2)) {
      const lw = low[i - 2]!;
      const info = tg?.info(words[i - 2]!);
      // (not an adverb: "Allegedly, …")
      if (info && info.x.lcv === "" && !lw.endsWith("ly") && !LEADING_JUNK.has(lw) && !BOILERPLATE.has(lw) && !TITLES.has(lw) && !ROLE_HEADS.has(lw) && !gm[i - 2] && !MONTHS.has(lw)) raw.push(mkCand(i - 2, i - 1, label));
    }
    let prev = raw[raw.length - 1];
    if (prev && label === "PER" && prev.e === i && prev.label !== "PER" && prev.e - prev.s >= 2 && gaz.firstNames.has(words[i - 1]!) && !starts[i]) {
      // "Governor of Washington/LOC Chris/LOC Gregoire/PER" → "Chris Gregoire"
      prev.e--;
      raw.push(mkCand(i - 1, e, "PER"));
      i = e - 1;
      continue;
    }
    if (
      prev &&
      prev.e === i &&
      !starts[i] &&
      isCap(words[i]!) &&
      isCap(words[i - 1]!) &&
      prev.e - prev.s === 1 &&
      e - i <= 2 &&
      (label === "PER" || prev.label === "PER" || ((!gm[i] || softGaz(gm, i)) && (!gm[prev.s] || softGaz(gm, prev.s)))) &&
      softGaz(gm, prev.s) &&
      softGaz(gm, i) &&
      !ORG_HEADS.has(words[i - 1]!)
    ) {
      // one name split in two ("Sergey/MISC Brin/PER", "Regina/LOC Ip/PER")
      prev.e = e;
      if (label === "PER" || prev.label === "MISC" || (label === "ORG" && prev.label !== "PER")) prev.label = label;
      i = e - 1;
      continue;
    }
    if (prev && prev.label === "ORG" && label === "ORG" && prev.e === i - 1 && (low[i - 1] === "'s") && !starts[i]) {
      // "New People 's Party"
      prev.e = e;
      i = e - 1;
      continue;
    }
    raw.push(mkCand(i, e, label));
    i = e - 1;
  }
  for (const r of raw) {
    const c = cleanSpan(doc, r);
    if (!c) continue;
    // places the gazetteer knows: cities and regions get their type, coordinates, country
    if (c.label === "LOC") {
      const m = gaz.match(low, c.s, c.e, words);
      if (m && m.len === c.e - c.s) {
        const cat = m.hit.cat;
        if (cat === "city1" || cat === "city" || cat === "town") c.hit = m.hit;
        else if (cat === "region") c.hit = gaz.cityOverRegion.get(low.slice(c.s, c.e).join(" ")) ?? m.hit;
      }
    }
    tagged.push(c);
  }
  placeRule(doc, tagged);
  // "posted on Twitter", "announced on Facebook", "uploaded to YouTube": a one-word name no
  // gazetteer knows, after a verb of publishing and "on/to", is a platform, not a place
  for (const c of tagged) {
    if (c.label !== "LOC" || c.e - c.s !== 1 || c.hit || c.s < 2 || gm[c.s] || starts[c.s] || allCaps2(words[c.s]!)) continue;
    const p = low[c.s - 1];
    if ((p === "on" || p === "to") && PUBLISH_VERBS.has(low[c.s - 2]!)) c.label = "ORG";
  }
  acronymRule(doc, tagged);
  headRules(doc, tagged);
  numberedNames(doc, tagged);
  articleNames(doc, tagged);
  agencyRule(doc, tagged);
  personRules(doc, tagged);
  return tagged;
}

/** Step 2 of run(): gazetteer and lexicon matches of the high-precision categories, and demonyms. */
function lexiconNames(doc: Doc, lex: Cand[], demonyms: Cand[]): void {
  const { words, cap, low, gm, gaz, starts } = doc;
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    if (cap[i] === 0) {
      // anti-ISIS, pro-Russian
      // only words starting like anti/pro/post/pre/non/ex
      const f = w.charCodeAt(0);
      if (f !== 97 && f !== 112 && f !== 110 && f !== 101) continue;
      const h = codeAt(w, 2) === 45 ? 2 : codeAt(w, 3) === 45 ? 3 : codeAt(w, 4) === 45 ? 4 : -1;
      if (h > 1 && PREFIXES.has(low[i]!.slice(0, h))) prefixed(doc, i, h, lex, demonyms);
      continue;
    }
    const m = gm[i];
    if (!m) {
      // "Iran-backed militias", "Saudi-led coalition"
      if (w.indexOf("-") > 0) {
        const b = BACKED.exec(w);
        if (b) backedName(doc, i, b[1]!, lex, demonyms);
      }
      continue;
    }
    const len = m.len;
    const cat = m.hit.cat;
    // a currency ("US$ 20,000", "HK$3")
    if (currencyAt(doc, i + len - 1)) continue;
    const ty = GAZ_ACCEPT[cat];
    // "Team Estonia", "Team USA": a national team is an organisation
    if (cat === "country" && i > 0 && words[i - 1] === "Team") {
      lex.push(mkCand(i - 1, i + len, "ORG", { type: "organization" }));
      i += len - 1;
      continue;
    }
    if (ty) {
      lex.push(mkCand(i, i + len, ty === "organization" || ty === "armed-group" ? "ORG" : "LOC", { hit: m.hit }));
      i += len - 1;
    } else if (cat === "demonym") {
      demonyms.push(mkCand(i, i + len, "LOC", { hit: m.hit, demonym: true }));
      i += len - 1;
    } else if (cat === "city1") {
      // big cities need no tagger support unless the word is also an ordinary word or a first name
      if (len === 1 && (getModel()?.lcv.has(low[i]!) || gaz.firstNames.has(w))) continue;
      if (starts[i] && len === 1) continue;
      lex.push(mkCand(i, i + len, "LOC", { hit: m.hit }));
      i += len - 1;
    }
  }
}

/** lexiconNames, "Iran-backed", "Saudi-led": the backer named by the first part of the word (rare, so apart). */
function backedName(doc: Doc, i: number, first: string, lex: Cand[], demonyms: Cand[]): void {
  const { ts, gaz } = doc;
  const orig = tokenize(first).map((t) => t.text);
  const mm = gaz.match(orig.map(normTok), 0, orig.length, orig);
  if (mm && mm.len === orig.length) {
    const tokStart = ts[i]!;
    const ty = GAZ_ACCEPT[mm.hit.cat];
    if (ty) lex.push(mkCand(i, i + 1, ty === "organization" || ty === "armed-group" ? "ORG" : "LOC", { hit: mm.hit, cs: tokStart, ce: tokStart + first.length }));
    else if (mm.hit.cat === "demonym") demonyms.push(mkCand(i, i + 1, "LOC", { hit: mm.hit, demonym: true, cs: tokStart, ce: tokStart + first.length }));
  }
}

/** Step 5 of run(): demonyms before state nouns ("Russian military"), unless inside a name. */
function addDemonyms(doc: Doc, accepted: Cand[], demonyms: Cand[]): void {
  const { low } = doc;
  const covered = new Uint8Array(doc.words.length);
  for (const c of accepted) for (let k = c.s; k < c.e; k++) covered[k] = 1;
  for (const d of demonyms) {
    if (covered[d.s] && d.cs === undefined) {
      // a MISC/unknown single-token span over the demonym is replaced
      continue;
    }
    const nx = d.cs === undefined ? low[d.e] : low[d.s + 1];
    if (d.cs !== undefined || (nx !== undefined && STATE_NOUNS.has(nx))) accepted.push(d);
  }
}

/** Step 7 of run(): names of armed groups by their head word or the word after them. */
function armedGroupCues(doc: Doc, accepted: Cand[]): void {
  const { words, low } = doc;
  for (const c of accepted) {
    if (c.hit || c.type || c.label === "PER" || c.label === "LOC") continue;
    const last = words[c.e - 1]!;
    const nx = low[c.e];
    if (ARMED_NAME_HEADS.has(last) || (nx !== undefined && ARMED_CUES_AFTER.has(nx))) c.type = "armed-group";
  }
}

/** Lower-case words inside a role phrase ("press secretary", "national security adviser"). */
const ROLE_MODIFIERS = new Set([
  "press", "national", "security", "top", "military", "police", "assistant", "health", "trade", "economy",
  "justice", "communications", "government", "party", "campaign", "union", "team", "company", "club",
  "foreign", "defense", "defence", "senior", "chief", "deputy", "acting", "interim", "former", "vice",
  "prime", "general", "state", "interior", "finance", "intelligence", "army", "navy", "air", "force",
]);

/** "Iran-backed", "Saudi-led": the first part names the backer. */
const COMPOUND_ADJ = /^.+-(?:related|linked|affiliated|style|like|backed|led|based|funded|allied|controlled|held|aligned|sponsored|supported|run|owned|born|made)$/i;
const BACKED = /^(.+)-(backed|led|based|funded|allied|controlled|held|aligned|sponsored|supported|run|owned)$/i;

const TEAM_NAME = /^\p{Lu}\p{Ll}+s$/u;
/** Plural nouns that end place names, not team names ("Niagara Falls", "Golan Heights"). */
const PLACE_PLURALS = new Set([
  "Falls", "Springs", "Hills", "Lakes", "Woods", "Fields", "Gardens", "Plains", "Keys", "Rapids",
  "Highlands", "Lowlands", "Islands", "Heights", "Mountains", "Isles", "Territories", "Emirates", "Sands",
  "Shores", "Docks", "Meadows", "Flats", "Pines", "Oaks", "Acres", "Estates", "Towers", "Narrows", "Alps",
]);
const STORM_PREFIX = new Set(["Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical"]);
const VEHICLE_PREFIX = new Set(["Shuttle", "USS", "HMS", "HMAS", "HMCS", "HMC", "HMNZS", "USNS", "RFA", "INS", "MV", "SS", "RV"]);

const PREFIX_WORD = /^(?:pro|anti|pan|non|ex|post|pre|neo|self)-/i;

const PLACE_PREPS = new Set(["in", "at", "from", "near", "to", "outside", "across", "into", "towards", "toward", "around", "via"]);

/**
 * A city or region of the gazetteer right after a place preposition ("from Herat", "in Volgograd")
 * is a place, whatever the tagger said about it (or if it said nothing).
 */
function placeRule(doc: Doc, tagged: Cand[]): void {
  const { words, low, gm, starts } = doc;
  const at = new Int32Array(words.length).fill(-1);
  tagged.forEach((c, ci) => {
    for (let k = c.s; k < c.e; k++) at[k] = ci;
  });
  let added = false;
  for (let i = 1; i < words.length; i++) {
    const m = gm[i];
    if (!m || starts[i] || !PLACE_PREPS.has(low[i - 1]!) || MONTHS.has(low[i]!) || BOILERPLATE.has(low[i]!)) continue;
    const cat = m.hit.cat;
    if (cat !== "city1" && cat !== "city" && cat !== "town" && cat !== "region") continue;
    const e = i + m.len;
    if (e < words.length && isCap(words[e]!) && !starts[e]) continue; // part of a longer name
    const ci = at[i]!;
    if (ci >= 0) {
      const t = tagged[ci]!;
      if (t.s !== i || t.e !== e || t.label === "LOC") continue;
      t.label = "LOC";
      t.hit = m.hit;
      continue;
    }
    tagged.push(mkCand(i, e, "LOC", { hit: m.hit }));
    added = true;
  }
  if (added) sortInPlace(tagged, byTokenStart);
}

const DATELINE_NEXT = new Set([",", "—", "–", "("]);

/** All-caps words that are no organisation. */
const NOT_ACRONYMS = new Set([
  "CEO", "CFO", "COO", "CTO", "GDP", "TV", "PM", "AM", "OK", "ID", "IT", "AI", "PC", "VR", "DNA", "HIV",
  "AIDS", "COVID", "SARS", "USD", "EUR", "GMT", "UTC", "EST", "PST", "BC", "AD", "CE", "BCE", "FAQ", "PDF",
  "URL", "HTML", "USB", "GPS", "SMS", "LGBT", "LGBTQ", "MP", "MPS", "VIP", "IQ", "II", "III", "IV", "VI",
  "VII", "VIII", "IX", "XI", "XII", "XP", "OS", "UV", "CO", "NO", "SO", "US", "UK", "EU", "UN", "RSS",
  "LOL", "APP", "KM", "KG", "MW", "GW", "MPH", "KPH", "ICU", "ER", "PR", "HR", "QA", "FYI", "ASAP", "PS",
  "MRI", "CT", "IVF", "IPO", "ETF", "CPI", "PPE", "WMD", "IED", "RPG", "SAM", "ICBM", "UAV", "APC",
  "FDI", "GNP", "LED", "CFL", "UVR", "CD", "DVD", "ROV", "GPA", "VHF", "UHF", "MSG", "POV", "PV", "SUV",
  "ATM", "PIN", "LCD", "HD", "RAM", "CPU", "GPU", "API", "SQL",
]);
/** Post-nominal letters after a name ("Tom Molomby, SC, said"): no organisation. */
const POST_NOMINALS = new Set(["SC", "QC", "KC", "MBE", "OBE", "CBE", "KBE", "DBE", "MD", "RN", "JP"]);
for (const w of POST_NOMINALS) NOT_ACRONYMS.add(w);

/** Whether the two-letter capitals at i are initials before a surname: a capitalised rare word follows. */
function initialsBefore(doc: Doc, i: number): boolean {
  const { words, low, starts } = doc;
  const nx = words[i + 1];
  if (nx === undefined || starts[i + 1] || !/^\p{Lu}\p{Ll}{2,}$/u.test(nx) || doc.gm[i + 1] || ORG_HEADS.has(nx) || PLACE_HEADS.has(nx) || FACILITY_HEADS.has(nx)) return false;
  if (getModel()?.lcv.has(low[i + 1]!)) return false;
  // "the UN Heagle …" would be an organisation's name
  if (i > 0 && (low[i - 1] === "the" || low[i - 1] === "a" || low[i - 1] === "an")) return false;
  // a longer capitalised run is something else ("JK Rowling Foundation")
  const after = words[i + 2];
  return after === undefined || starts[i + 2] === 1 || !isCap(after) || isPunct(after);
}

/** An all-caps token that is an ordinary lower-case word of the training text ("UNLESS", "JULY"). */
function shouted(doc: Doc, i: number): boolean {
  const l = doc.low[i]!;
  if (!(MONTHS.has(l) || LEADING_JUNK.has(l) || (getModel()?.lcv.has(l) ?? false))) return false;
  // an acronym that spells a word is used again ("FIRST Global … the FIRST competition"); emphasis is not
  const w = doc.words[i]!;
  for (let k = 0; k < doc.words.length; k++) if (k !== i && doc.words[k] === w) return false;
  return true;
}

/**
 * acronymRule at a token that looks like an acronym (rare; apart so that its branches, first reached
 * on fresh text, deoptimise this and not the loop over every token): true when a span was added.
 */
function acronymAt(doc: Doc, tagged: Cand[], covered: Uint8Array, i: number, w: string): boolean {
  const { words, starts } = doc;
  // a dateline ("KYIV, Ukraine —") names a place
  if (starts[i] && w.length > 3 && DATELINE_NEXT.has(words[i + 1] ?? "")) {
    tagged.push(mkCand(i, i + 1, "LOC"));
    return true;
  }
  // not a shouted headline: the neighbours are not all-caps too
  if ((i > 0 && allCaps2(words[i - 1]!)) || (i + 1 < words.length && allCaps2(words[i + 1]!))) return false;
  // two initials before a surname are a person ("AS Heagle", "JK Rowling")
  if (w.length === 2 && initialsBefore(doc, i)) {
    const t = tagged.find((c) => c.s === i + 1 && c.e === i + 2);
    if (t) {
      t.s = i;
      t.label = "PER";
    } else if (!covered[i + 1]) {
      tagged.push(mkCand(i, i + 2, "PER"));
      return true;
    }
    return false;
  }
  // an ordinary word in capitals is emphasis, not an acronym ("UNLESS", "HUGE", "ALL")
  if (w.length >= 3 && shouted(doc, i)) return false;
  tagged.push(mkCand(i, i + 1, "ORG"));
  return true;
}

/**
 * An all-caps word (2–6 letters) inside a sentence that the tagger left out is an organisation
 * acronym ("NPP", "FTU", "KCNA"), unless it is a common abbreviation.
 */
function acronymRule(doc: Doc, tagged: Cand[]): void {
  const { words, starts } = doc;
  // a dateline ("KYIV, Ukraine —") names a place
  for (const c of tagged) {
    const w = words[c.s]!;
    if (c.e - c.s === 1 && starts[c.s] && w.length > 3 && allCaps(w) && DATELINE_NEXT.has(words[c.e] ?? "")) c.label = "LOC";
  }
  // two initials the tagger took for an acronym, before a surname ("JD | Vance")
  for (let q = 0; q < tagged.length; q++) {
    const c = tagged[q]!;
    if (c.e - c.s !== 1 || c.label === "LOC" || words[c.s]!.length !== 2 || !allCaps(words[c.s]!) || NOT_ACRONYMS.has(words[c.s]!) || doc.gm[c.s] || !initialsBefore(doc, c.s)) continue;
    const nx = tagged[q + 1];
    if (nx && nx.s === c.s + 1) {
      if (nx.e !== c.s + 2) continue;
      tagged.splice(q + 1, 1);
    }
    c.e = c.s + 2;
    c.label = "PER";
  }
  const covered = new Uint8Array(words.length);
  for (const c of tagged) for (let k = c.s; k < c.e; k++) covered[k] = 1;
  let added = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const c0 = w.charCodeAt(0);
    const c1 = w.charCodeAt(1);
    if (covered[i] || c0 < 65 || c0 > 90 || c1 < 48 || c1 > 90 || w.length > 6 || !/^[A-Z][A-Z0-9&]*[A-Z]$/.test(w) || NOT_ACRONYMS.has(w) || doc.gm[i] || currencyAt(doc, i) || VEHICLE_PREFIX.has(w)) continue;
    if (acronymAt(doc, tagged, covered, i, w)) added = true;
  }
  if (added) sortInPlace(tagged, byTokenStart);
}

/** Facility heads that make a capitalised phrase a place whatever the tagger says. */
const PLACE_HEADS = new Set([
  "Airport", "Station", "Stadium", "Arena", "Bridge", "Square", "Street", "Road", "Avenue", "Boulevard",
  "Mosque", "Cathedral", "Hospital", "Hotel", "Prison", "Dam", "Hall", "Palace", "Museum", "Planetarium",
  "Center", "Centre", "Complex", "Tower", "Towers", "Memorial", "Harbor", "Harbour", "Port", "Camp", "Base",
  "Island", "Islands", "Mountains", "Mountain", "Valley", "Desert", "Peninsula", "Strait", "Bay", "River",
  "Lake", "Canal", "Province", "County", "Governorate", "Oblast", "Region", "Heights", "Plateau", "Coast",
]);
/** Organisation heads for the head rule (a subset of ORG_HEADS that rarely ends anything else). */
const ORG_RULE_HEADS = new Set([
  "University", "College", "Institute", "Ministry", "Department", "Agency", "Council", "Committee",
  "Commission", "Party", "Foundation", "Association", "Organization", "Organisation", "Board", "Bureau",
  "Federation", "League", "Society", "Corporation", "Inc.", "Corp.", "Ltd.", "LLC", "Authority", "Union",
  "Court", "Parliament", "Police", "Church", "Office", "Service", "Navy", "Army", "Guard", "Government",
  "Municipality", "Journal", "Herald", "Times", "Gazette", "Tribune", "Magazine", "Press", "Post", "News",
  "Institution", "Academy", "School", "Bank", "Group", "Company", "Airlines", "Network", "Alliance",
  "Inc", "Corp", "Ltd", "Co.", "PLC", "Plc", "AG", "GmbH", "LLP", "Holdings", "Industries", "Motors",
  "Embassy", "Consulate", "Division", "Directorate", "Secretariat", "Tribunal", "Assembly", "Front",
  "Movement", "Coalition", "Force", "Corps", "Library", "Libraries", "Forces", "Programme", "Program",
  "Co", "Cos", "Bhd", "Pty", "SpA", "Oyj", "Legion", "Regiment", "Squadron", "Fleet",
]);
/** An ordinal written in digits ("501st", "3rd"). */
const ORDINAL = /^\d{1,4}(?:st|nd|rd|th)$/;

/** Capitalised titles that portfolio words precede ("Home Secretary", "Foreign Minister"). */
const PORTFOLIO_TITLES = new Set(["Secretary", "Minister", "Chancellor", "Commissioner", "Secretary-General", "Spokesperson", "Spokesman"]);

/** Words of a portfolio before such a title, beyond the training text's ordinary words. */
const PORTFOLIO_WORDS = new Set([
  "shadow", "home", "foreign", "interior", "defence", "defense", "treasury", "finance", "justice", "health",
  "education", "environment", "energy", "transport", "trade", "culture", "agriculture", "economy",
  "commerce", "labor", "deputy", "junior", "prime", "chief", "attorney", "cabinet", "environmental", "high",
]);

/** Last words of event names ("Science Fair", "Lantern Festival", "World Cup"). */
const EVENT_HEADS_LIST = [
  "Fair", "Festival", "Olympics", "Olympiad", "Championship", "Championships", "Cup", "Games", "Summit",
  "Expo", "Awards", "Prize", "Marathon", "Tournament", "Exhibition", "Convention", "Challenge",
];

/** Head kind of a word for the head rule: 1 organisation, 2 place, 3 event (in this order of precedence). */
const HEAD_KIND = new Map<string, number>();
for (const w of EVENT_HEADS_LIST) HEAD_KIND.set(w, 3);
for (const w of PLACE_HEADS) HEAD_KIND.set(w, 2);
for (const w of ORG_RULE_HEADS) HEAD_KIND.set(w, 1);

/** Heads whose "of" complement is a place ("Municipality of Bogliasco", "Province of Livorno"). */
const PLACE_OF_HEADS = new Set(["Municipality", "City", "Town", "Province", "County", "Republic", "Kingdom", "Governorate", "Commune", "District"]);

/** Government bodies whose formal name is "<Head> of X" ("Ministry of Culture", "Court of Cassation"). */
const GOV_HEADS = new Set(["Ministry", "Department", "Court"]);

/**
 * Head rule: a run of capitalised words ending in an organisation or facility head ("Treasury
 * Board", "Refugee Council", "Shandao Station"), optionally followed by "of/for/on [the] Name"
 * ("Joint Council for the Welfare of Immigrants"), is one name, whatever the tagger split.
 */
function headRules(doc: Doc, tagged: Cand[]): void {
  const { words, low, starts } = doc;
  const n = words.length;
  const add: Cand[] = [];
  for (let h = 0; h < n; h++) {
    const w = words[h]!;
    const c0 = w.charCodeAt(0);
    if (c0 < 65 || c0 > 90) continue;
    const kind = HEAD_KIND.get(w);
    if (kind === undefined) continue;
    h = headSpanAt(doc, h, w, kind, add);
  }
  if (add.length === 0) return;
  // rule spans replace the tagger spans they overlap
  const keep: Cand[] = [];
  let k = 0;
  for (const t of tagged) {
    while (k < add.length && add[k]!.e <= t.s) k++;
    let hit: Cand | undefined;
    for (let q = k; q < add.length && add[q]!.s < t.e; q++) if (overlaps(add[q]!, t)) hit = add[q]!;
    if (!hit) keep.push(t);
    else if (t.e - hit.e >= 2 && t.e - hit.e <= 3) {
      // the tagger ran on past the head into a name ("the Refugee Council | Enver Solomon told")
      let ok = true;
      for (let q = hit.e; q < t.e; q++) if (!isCap(words[q]!) || isPunct(words[q]!) || ORG_HEADS.has(words[q]!) || FACILITY_HEADS.has(words[q]!) || doc.gm[q]?.hit.cat === "country") ok = false;
      if (ok) {
        const r = cleanSpan(doc, mkCand(hit.e, t.e, "PER"));
        if (r) keep.push(r);
      }
    }
  }
  for (const a of add) {
    const c = cleanSpan(doc, a);
    if (c) keep.push(c);
  }
  sortInPlace(keep, byTokenStart);
  tagged.length = 0;
  for (const c of keep) tagged.push(c);
}

/**
 * The span a head word at h closes ("Irving Police Department", "Museum of McMinnville"), added to
 * `add`; returns where headRules goes on. Apart from headRules (rarely reached, so its own unit
 * for V8: a first branch taken deoptimises this, not the loop over every token).
 */
function headSpanAt(doc: Doc, h: number, w: string, kind: number, add: Cand[]): number {
  const { words, low, starts } = doc;
  const n = words.length;
  const org = kind === 1;
  const place = kind === 2;
  const event = kind === 3;
  // the last head of a run counts ("Irving Police | Department")
  if (h + 1 < n && !starts[h + 1] && (ORG_RULE_HEADS.has(words[h + 1]!) || PLACE_HEADS.has(words[h + 1]!))) return h;
  // … also one capitalised word later ("Kennedy Space Center | Visitor Complex")
  if (h + 2 < n && !starts[h + 1] && !starts[h + 2] && isCap(words[h + 1]!) && !isPunct(words[h + 1]!) && !doc.gm[h + 1] && (ORG_RULE_HEADS.has(words[h + 2]!) || PLACE_HEADS.has(words[h + 2]!))) return h;
  let s = h;
  let usedAndBack = false;
  let usedPossessive = false;
  const nameWord = (k: number): boolean =>
    isCap(words[k]!) && !isPunct(words[k]!) && !LEADING_JUNK.has(low[k]!) && !MONTHS.has(low[k]!) && !prefixWord(words[k]!);
  while (s > 0 && h - s < 6 && !starts[s]) {
    // "the Russian | Embassy": the demonym stays a mention of Russia
    if ((w === "Embassy" || w === "Consulate") && doc.gm[s - 1]?.hit.cat === "demonym") break;
    if (nameWord(s - 1)) s--;
    else if (words[s - 1] === "&" && s > 1 && isCap(words[s - 2]!)) s--;
    else if (org && ORDINAL.test(words[s - 1]!)) {
      // a numbered unit: "501st Legion", "101st Airborne Division"
      s--;
      break;
    }
    else if (
      (low[s - 1] === "'s" || low[s - 1] === "’s") && !usedPossessive && org && s > 1 && !starts[s - 1] && nameWord(s - 2) && !doc.gm[s - 2] && !(s > 2 && (doc.gm[s - 3]?.len ?? 0) >= 2) &&
      doc.tags[s - 2] !== 1 && doc.tags[s - 2] !== 2 && (s - 2 === 0 || starts[s - 2] || !isCap(words[s - 3]!) || low[s - 3] === "the" || doc.gm[s - 3]?.len === 1)
    ) {
      // "People's Liberation Army", "Women's Institute": one possessive word inside the name
      usedPossessive = true;
      s -= 2;
    }
    else if (low[s - 1] === "and" && !usedAndBack && s > 1 && !starts[s - 1] && nameWord(s - 2) && !doc.gm[s - 2] && !HEAD_KIND.has(words[s - 2]!) && h - s < 3 && (starts[s - 2] || (s > 2 && (nameWord(s - 3) || low[s - 3] === "the")))) {
      // "National Air and Space Museum", "U.S. Space and Rocket Center": one "and" close to the head
      usedAndBack = true;
      s--;
    } else break;
  }
  let e = h + 1;
  // "School District"
  if (e < n && words[e] === "District" && w === "School") e++;
  let usedAnd = false;
  for (;;) {
    let j = e;
    const l = low[j];
    // "of/for/on [the] Name", then "and Name" ("Food Standards of Australia and New Zealand")
    if (l !== "of" && l !== "for" && l !== "on" && !(l === "and" && e > h + 1 && !usedAnd)) break;
    if (l === "and") {
      // one "and", and not into another organisation ("X of Y and the University of Z")
      if (low[j + 1] === "the") break;
      let k = j + 1;
      while (k < n && isCap(words[k]!) && !ORG_RULE_HEADS.has(words[k]!)) k++;
      if (k < n && ORG_RULE_HEADS.has(words[k]!)) break;
      usedAnd = true;
    }
    j++;
    if (low[j] === "the") j++;
    let m = j;
    while (
      m < n &&
      m - j < 6 &&
      !starts[m] &&
      !(m > j && doc.tags[m] === B_PER) &&
      ((isCap(words[m]!) && !isPunct(words[m]!) && !MONTHS.has(low[m]!) && !hasDigit(words[m]!)) ||
        (words[m] === "-" && m > j && m + 1 < n && isCap(words[m + 1]!)))
    )
      m++;
    if (m === j) break;
    // a place, then a bare two-word name: the name is someone else's ("University of Texas
    // Arlington | Amneh Jafari heard")
    let p = -1;
    for (let k = j; k < m; k++) {
      const g = doc.gm[k];
      if (g && k + g.len <= m && g.hit.cat !== "first" && g.hit.cat !== "demonym") {
        p = k + g.len;
        k = p - 1;
      }
    }
    if (p > j && m - p >= 2 && m - p <= 3) {
      let bare = true;
      for (let k = p; k < m; k++)
        if (doc.gm[k] || ORG_RULE_HEADS.has(words[k]!) || PLACE_HEADS.has(words[k]!) || !/^\p{Lu}\p{Ll}/u.test(words[k]!) || getModel()?.lcv.has(low[k]!)) bare = false;
      if (bare) m = p;
    }
    // the place an "of" complement names: "Municipality of Bogliasco", "Museum of McMinnville, Oregon"
    const gj = doc.gm[j];
    if (l === "of" && e === h + 1 && m - j <= 3 && (!gj || gj.hit.cat === "town" || gj.hit.cat === "first")) {
      const g = doc.gm[m + 1];
      if (PLACE_OF_HEADS.has(w) || (words[m] === "," && g && (g.hit.cat === "region" || g.hit.cat === "country"))) doc.placeOf.push(j, m);
    }
    e = m;
  }
  // a demonym before a ministry or court with its own "of" name describes it: "the Italian |
  // Supreme Court of Cassation", "the Greek | Ministry of Culture"
  if (org && GOV_HEADS.has(w) && e > h + 1 && s < h && doc.gm[s]?.hit.cat === "demonym" && doc.gm[s]!.len === 1) s++;
  if (e - s < 2) return h;
  // a country/region alone before the head stays the country's own mention ("Syria Office" is rare)
  // a centre, hall or institute "for" a purpose is the body that runs it ("Australian Centre for
  // Control of Iodine Deficiency Disorders", "Center for Disease Control")
  const purpose = place && e > h + 2 && low[h + 1] === "for";
  // an event is no person, organisation or place: it only keeps the tagger from typing its words
  // ("Google Science Fair", "Taipei City Lantern Festival"); places named in it stay mentions
  // … and so does its organiser's acronym first ("FIFA | World Cup", "NBA | Finals")
  if (event && s < h && allCaps2(words[s]!) && !doc.gm[s] && !NOT_ACRONYMS.has(words[s]!)) {
    add.push(mkCand(s, s + 1, "ORG"));
    s++;
  }
  if (event) add.push(mkCand(s, e, "ORG", { type: "other" }));
  else add.push(mkCand(s, e, org || purpose ? "ORG" : "LOC"));
  return e - 1;
}

/** Portfolio nouns that name a national agency before its country ("Health Canada", "Statistics Canada"). */
const AGENCY_WORDS = new Set([
  "health", "environment", "statistics", "transport", "tourism", "sport", "parks", "heritage", "food",
  "standards", "fisheries", "oceans", "agriculture", "immigration", "finance", "justice", "defence",
  "energy", "water", "forestry", "housing", "education", "employment", "industry", "innovation",
  "science", "revenue", "customs", "border", "elections", "infrastructure", "communications",
]);

/**
 * A number inside an organisation's name joins its two halves ("Movimento 5 Stelle", "Channel 4
 * News"): a name the tagger found (not a place), a bare number of up to three digits, then
 * capitalised words.
 */
function numberedNames(doc: Doc, tagged: Cand[]): void {
  const { words, cap, starts } = doc;
  const n = words.length;
  for (let t = 0; t < tagged.length; t++) {
    const c = tagged[t]!;
    const k = c.e;
    if (c.label === "LOC" || c.hit || c.type || k + 1 >= n || !/^\d{1,3}$/.test(words[k]!) || starts[k] || starts[k + 1]) continue;
    if (cap[k + 1] === 0 || isPunct(words[k + 1]!) || MONTHS.has(doc.low[k + 1]!)) continue;
    let e = k + 1;
    while (e < n && cap[e] === 1 && !starts[e] && !isPunct(words[e]!) && !MONTHS.has(doc.low[e]!)) e++;
    // the tagger's spans inside the new end go
    let d = t + 1;
    while (d < tagged.length && tagged[d]!.s < e) d++;
    if (tagged.slice(t + 1, d).some((x) => x.e > e)) continue;
    tagged.splice(t + 1, d - t - 1);
    c.e = e;
    // no person has a number inside the name: the tagger's PER was the first half alone
    if (c.label === "PER") c.label = "ORG";
  }
}

/**
 * A capitalised "The" inside a sentence opens a title-like name that runs over the whole
 * capitalised sequence ("such bands as The Velvet Underground"): the tagger's span after it grows
 * to the end of the run.
 */
function articleNames(doc: Doc, tagged: Cand[]): void {
  const { words, cap, starts } = doc;
  const n = words.length;
  for (let t = 0; t < tagged.length; t++) {
    const c = tagged[t]!;
    if (c.label === "PER" || c.hit || c.type || c.s === 0 || words[c.s - 1] !== "The" || starts[c.s - 1] || starts[c.s]) continue;
    let e = c.e;
    // (not over a label: "… as The Fawn | Image: Nick Moreau")
    while (e < n && cap[e] === 1 && !starts[e] && !isPunct(words[e]!) && !MONTHS.has(doc.low[e]!) && words[e + 1] !== ":") e++;
    if (e === c.e) continue;
    let d = t + 1;
    while (d < tagged.length && tagged[d]!.s < e) d++;
    if (tagged.slice(t + 1, d).some((x) => x.e > e || x.label === "PER")) continue;
    tagged.splice(t + 1, d - t - 1);
    c.e = e;
    // no person is written "The …": an organisation stays one ("Velvet" is also a first name)
    if (c.label === "ORG") c.type = "organization";
  }
}

/**
 * A portfolio noun before a country is a national agency ("Environment Canada", "Food Standards
 * Australia New Zealand"); the country stays its own mention.
 */
function agencyRule(doc: Doc, tagged: Cand[]): void {
  const { words, low, starts, gm } = doc;
  const add: Cand[] = [];
  for (let i = 1; i < words.length; i++) {
    const g = gm[i];
    if (!g || g.hit.cat !== "country" || starts[i]) continue;
    let s = i;
    while (s > 0 && i - s < 3 && isCap(words[s - 1]!) && AGENCY_WORDS.has(low[s - 1]!) && !starts[s]) s--;
    if (s === i) continue;
    let e = i + g.len;
    // a second country joined on ("Food Standards Australia New Zealand")
    const g2 = gm[e];
    if (g2 && g2.hit.cat === "country" && !starts[e]) e += g2.len;
    // not a longer name ("Health Canada Act") and not a list ("Environment, Canada")
    if (e < words.length && isCap(words[e]!) && !isPunct(words[e]!) && !starts[e]) continue;
    add.push(mkCand(s, e, "ORG", { type: "organization" }));
    i = e - 1;
  }
  if (add.length === 0) return;
  const keep = tagged.filter((t) => !add.some((a) => overlaps(a, t)));
  for (const a of add) keep.push(a);
  sortInPlace(keep, byTokenStart);
  tagged.length = 0;
  for (const c of keep) tagged.push(c);
}

const FAMILY_NAME = /^\p{Lu}\p{Ll}{1,6}$/u;
const HYPHEN_GIVEN = /^\p{Lu}\p{Ll}{1,7}-\p{Ll}{1,7}$/u;

/** Whether a span looks like a bare personal name: 2–3 capitalised words, no heads, no "of". */
/** Nouns that only describe people, for appositions (beyond the role nouns). */
const PERSON_NOUNS = new Set([
  "woman", "man", "girl", "boy", "mother", "father", "wife", "husband", "son", "daughter", "resident",
  "student", "teacher", "doctor", "lawyer", "activist", "artist", "writer", "author", "actor", "actress",
  "singer", "musician", "player", "scientist", "researcher", "journalist", "reporter", "politician",
  "businessman", "businesswoman", "entrepreneur", "veteran", "native", "citizen", "member", "teenager",
  "grandmother", "grandfather", "widow", "victim", "designer", "photographer", "economist", "engineer",
]);

/** "Airbus, its European rival,", "Spirit AeroSystems, a supplier,": an apposition naming a kind of organisation. */
function orgApposition(doc: Doc, c: Cand): boolean {
  const { words, low } = doc;
  if (c.cs !== undefined || words[c.e] !== ",") return false;
  const d = low[c.e + 1];
  if (d !== "a" && d !== "an" && d !== "its" && d !== "the") return false;
  for (let k = c.e + 2; k < c.e + 5 && k < words.length; k++) {
    const l = low[k]!;
    if (ORG_CUE_BEFORE.has(l) || ORG_APPOSITIONS.has(l)) return words[k + 1] === "," || words[k + 1] === "." || low[k + 1] === "that" || low[k + 1] === "which" || low[k + 1] === "based" || low[k + 1] === "of" || low[k + 1] === "in";
    if (isPunct(words[k]!) || PERSON_NOUNS.has(l) || ROLE_HEADS.has(l)) return false;
  }
  return false;
}
const ORG_APPOSITIONS = new Set(["supplier", "rival", "competitor", "subsidiary", "unit", "affiliate", "operator", "carrier", "chain", "producer"]);

/** "X Y, a/an [one or two words] <person noun>": X Y names a person. */
function personApposition(doc: Doc, c: Cand): boolean {
  const { words, low } = doc;
  const len = c.e - c.s;
  if (len < 2 || len > 3 || c.hit || c.type || c.cs !== undefined) return false;
  for (let k = c.s; k < c.e; k++) {
    const w = words[k]!;
    if (!isCap(w) || ORG_HEADS.has(w) || FACILITY_HEADS.has(w) || PLACE_HEADS.has(w) || allCaps2(w)) return false;
  }
  const g = doc.gm[c.s];
  if (g && g.hit.cat !== "first" && g.hit.cat !== "town") return false;
  // after a role and its organisation: "Co-founder of Google, Sergey Brin, met …"
  if (words[c.s - 1] === "," && words[c.e] === ",") {
    let k = c.s - 2;
    while (k > 0 && c.s - k <= 6 && isCap(words[k]!) && !isPunct(words[k]!) && !doc.starts[k]) k--;
    if (k < c.s - 2 && (low[k] === "of" || low[k] === "at") && k > 0 && ROLE_HEADS.has(low[k - 1]!)) return true;
  }
  if (words[c.e] !== "," || (low[c.e + 1] !== "a" && low[c.e + 1] !== "an")) return false;
  for (let k = c.e + 2; k < c.e + 5 && k < words.length; k++) {
    const l = low[k]!;
    if (PERSON_NOUNS.has(l) || ROLE_HEADS.has(l)) return true;
    if (isPunct(words[k]!) || l === "of" || l === "who" || l === "that") return false;
  }
  return false;
}

function nameShaped(doc: Doc, c: Cand): boolean {
  const len = c.e - c.s;
  if (len < 2 || len > 3 || c.hit || c.type) return false;
  for (let k = c.s; k < c.e; k++) {
    const w = doc.words[k]!;
    if (!isCap(w) || ORG_HEADS.has(w) || FACILITY_HEADS.has(w) || PLACE_HEADS.has(w) || allCaps2(w)) return false;
    const g = doc.gm[k];
    if (g && g.hit.cat !== "first" && g.hit.cat !== "town" && g.hit.cat !== "region") return false;
  }
  return true;
}

/**
 * Person typing beyond the tagger: a name-shaped span starting with a known first name is a
 * person; so are name-shaped members of a list ("A, B and C") that has a person in it.
 */
function personRules(doc: Doc, tagged: Cand[]): void {
  const { words, low } = doc;
  for (const c of tagged) {
    if (c.label !== "PER" && nameShaped(doc, c) && doc.gaz.firstNames.has(words[c.s]!)) c.label = "PER";
    // an acronym and a city is a university campus, no person ("UNC Greensboro", "UC Davis")
    if (c.label === "PER" && c.e - c.s === 2 && allCaps2(words[c.s]!) && !doc.gm[c.s]) {
      const g = doc.gm[c.s + 1];
      if (g && g.len === 1 && (g.hit.cat === "city1" || g.hit.cat === "city" || g.hit.cat === "town" || g.hit.cat === "region")) c.label = "ORG";
    }
    // East Asian names: family name + hyphenated given name ("Kwok Wai-keung", "Kim Jong-un")
    if (c.label !== "PER" && c.e - c.s === 2 && FAMILY_NAME.test(words[c.s]!) && HYPHEN_GIVEN.test(words[c.s + 1]!)) c.label = "PER";
    // a person's name has no "of" ("Gary Chan of DAB")
    if (c.label === "PER") {
      for (let k = c.s + 1; k < c.e - 1; k++) {
        if (low[k] === "of") {
          c.e = k;
          break;
        }
      }
    }
  }
  // an apposition that describes a person: "Valeska Paris, an Australian woman and former …"
  for (const c of tagged) {
    if (c.label !== "PER" && personApposition(doc, c)) c.label = "PER";
    else if (c.label !== "ORG" && !c.hit && !c.type && orgApposition(doc, c)) c.label = "ORG";
  }
  namesInLists(doc, tagged);
}

/** personRules, lists: names listed with people are people ("Zeus, Hera, Poseidon and Athena"). */
function namesInLists(doc: Doc, tagged: Cand[]): void {
  const { words, low } = doc;
  let i = 0;
  while (i < tagged.length) {
    let j = i;
    // spans separated only by "," / "and" / ", and"
    while (j + 1 < tagged.length) {
      const a = tagged[j]!;
      const b = tagged[j + 1]!;
      let ok = b.s > a.e && b.s - a.e <= 2;
      for (let k = a.e; ok && k < b.s; k++) ok = doc.low[k] === "," || doc.low[k] === "and";
      if (!ok) break;
      j++;
    }
    if (j > i) {
      const group = tagged.slice(i, j + 1);
      if (group.some((c) => c.label === "PER" && c.e - c.s >= 2)) for (const c of group) if (c.label !== "PER" && nameShaped(doc, c)) c.label = "PER";
      // one-word names listed among people are people too ("Zeus, Hera, Poseidon and Athena",
      // "Messi, Neymar and Suárez"): mostly people in the list, the word no place or acronym
      let people = 0;
      for (const c of group) if (c.label === "PER") people++;
      if (group.length >= 3 && people >= 2 && people * 2 >= group.length)
        for (const c of group) {
          const w = words[c.s]!;
          // (an owner is no list member: "Lau Siu-lai and Youngspiration's Yau Wai-ching")
          if (c.e - c.s !== 1 || low[c.e] === "'s" || low[c.e] === "’s" || c.hit || c.type || c.label === "LOC" || allCaps2(w) || ORG_HEADS.has(w) || !softGaz(doc.gm, c.s) || (doc.gm[c.s] && doc.gm[c.s]!.hit.cat !== "first")) continue;
          c.label = "PER";
          doc.plist[c.s] = 1;
        }
    }
    i = j + 1;
  }
}

/** Whether token k is the "of/for [the]" complement of an organisation head inside [s, k) ("Ministry of | Defence"). */
function institutionOf(doc: Doc, s: number, k: number): boolean {
  const { low, words } = doc;
  let j = k - 1;
  if (j > s && low[j] === "the") j--;
  if (j <= s || (low[j] !== "of" && low[j] !== "for")) return false;
  return ORG_RULE_HEADS.has(words[j - 1]!);
}

/** Trims a tagger span to the proper name; drops it when nothing name-like remains. */
function cleanSpan(doc: Doc, c: Cand): Cand | null {
  const { words, low } = doc;
  let { s, e } = c;
  // leading/trailing punctuation, determiners, possessives
  while (s < e && (isPunct(words[s]!) || low[s] === "the" || low[s] === "a")) s++;
  while (e > s && (isPunct(words[e - 1]!) || low[e - 1] === "'s" || low[e - 1] === "the" || low[e - 1] === "of" || low[e - 1] === "and")) e--;
  // boilerplate words at the start ("However", "Multiple")
  while (s < e && LEADING_JUNK.has(low[s]!)) s++;
  // lower-case words at the edges ("U.S. anti-ISIS"), "pro-Beijing", "Pan-democrat" first
  while (s < e && ((!hasUpper(words[s]!) && !digitFirst(words[s]!)) || prefixWord(words[s]!))) s++;
  while (e > s && ((!hasUpper(words[e - 1]!) && !digitFirst(words[e - 1]!)) || prefixWord(words[e - 1]!))) e--;
  // a score ends no name ("the San Francisco Giants 5-3")
  while (e > s && digitFirst(words[e - 1]!) && /^\d+[-–]\d+$/.test(words[e - 1]!)) e--;
  // "NASA T-shirt", "an X-ray": a letter-hyphen word ends no name
  while (e > s && words[e - 1]!.charCodeAt(1) === 45 && /^\p{Lu}-\p{Ll}+$/u.test(words[e - 1]!)) e--;
  if (s >= e) return null;
  // the portfolio of a role is no name ("High Commissioner for | Refugees", "Minister for | Women")
  if (s > 1 && low[s - 1] === "for" && (PORTFOLIO_TITLES.has(words[s - 2]!) || ROLE_HEADS.has(low[s - 2]!))) {
    let head = false;
    for (let k = s; k < e; k++) if (ORG_RULE_HEADS.has(words[k]!) || doc.gm[k]) head = true;
    if (!head) return null;
  }
  // post-nominal letters set off after a name ("Tom Molomby, SC, said")
  if (e - s === 1 && s > 0 && words[s - 1] === "," && POST_NOMINALS.has(words[s]!)) return null;
  // "Scientology-related", "Iran-backed": an adjective, not the name (the name inside is found apart)
  if (e - s === 1 && words[s]!.indexOf("-") > 0 && COMPOUND_ADJ.test(words[s]!)) return null;
  // … and no part of the name after it ("Kremlin-backed | Rossiya Segodnya")
  while (e - s >= 2 && words[s]!.indexOf("-") > 0 && COMPOUND_ADJ.test(words[s]!)) s++;
  // … so is any capitalised word joined to an ordinary lower-case word ("Michelin-rated",
  // "Romantic-era", "Lesser-known"), unless a person's given name ("Wai-ching") is tagged
  if (e - s === 1 && c.label !== "PER" && words[s]!.indexOf("-") > 0) {
    const m = /^\p{Lu}[\p{L}.]*-(\p{Ll}{3,})$/u.exec(words[s]!);
    if (m && getModel()?.lcv.has(m[1]!)) return null;
  }
  // a common abbreviation the tagger took for a name ("GDP", "LEDs", "IQ")
  if (e - s === 1 && !doc.gm[s]) {
    const w = words[s]!;
    const stem = w.length > 2 && w.charCodeAt(w.length - 1) === 115 ? w.slice(0, -1) : w;
    if (NOT_ACRONYMS.has(stem) && allCaps(stem)) return null;
  }
  // "the Russian Embassy": the head alone names nothing (the demonym is the country's mention)
  if (e - s === 1 && (words[s] === "Embassy" || words[s] === "Consulate")) return null;
  return cleanSpanPerson(doc, c, s, e);
}

/**
 * cleanSpan, second part: on the span [s, e) narrowed so far, a person's name inside or after a title
 * or role. cleanSpan is split in three (code moved, not changed): V8 compiles and deoptimises a
 * function whole, and on fresh text a rare branch first reached threw away the optimised code of
 * all of it again and again.
 */
function cleanSpanPerson(doc: Doc, c: Cand, s: number, e: number): Cand | null {
  const { words, low } = doc;
  // a title inside any span followed by a bare name: the name is a person
  // ("Afghan Ambassador Hamdullah Mohib", "Defence Ministry spokesman Igor Konashenkov")
  if (c.label !== "PER" && e - s >= 2) {
    let k = -1;
    for (let i = s; i < e - 1; i++) if (ROLE_HEADS.has(low[i]!) && !ORG_HEADS.has(words[i]!)) k = i;
    if (k >= 0) {
      let ok = true;
      for (let i = k + 1; i < e; i++) {
        const w = words[i]!;
        if (!isCap(w) || ORG_HEADS.has(w) || FACILITY_HEADS.has(w) || ROLE_HEADS.has(low[i]!)) ok = false;
      }
      if (ok && e - k - 1 <= 4) {
        c.label = "PER";
        s = k + 1;
      }
    }
  }
  // a sentence-initial descriptor before a full name is no part of it ("Nonpartisan | Paul Tse",
  // "Localist | Wong Yeung-tat")
  if (e - s >= 3 && e - s <= 4 && doc.starts[s] && !doc.gm[s] && doc.gaz.firstNames.has(words[s + 1]!) && !doc.gaz.firstNames.has(words[s]!) && !TITLES.has(low[s]!) && !ROLE_HEADS.has(low[s]!)) {
    let ok = true;
    for (let i = s + 1; i < e; i++) {
      const w = words[i]!;
      if (!isCap(w) || ORG_HEADS.has(w) || FACILITY_HEADS.has(w) || PLACE_HEADS.has(w)) ok = false;
    }
    if (ok) {
      s++;
      c.label = "PER";
    }
  }
  // a country name heading a bare name is not part of it ("the United States Hamdullah Mohib")
  if (c.label !== "PER" && c.label !== "MISC") {
    const g = doc.gm[s];
    if (g && g.hit.cat === "country" && e - s - g.len >= 2 && e - s - g.len <= 3) {
      let ok = true;
      for (let i = s + g.len; i < e; i++) {
        const w = words[i]!;
        if (!isCap(w) || ORG_HEADS.has(w) || FACILITY_HEADS.has(w) || doc.gm[i]) ok = false;
      }
      if (ok) {
        s += g.len;
        c.label = "PER";
      }
    }
  }
  // a bare name right after a role noun is a person ("district councillor Wilson Or")
  if (c.label !== "PER" && c.label !== "MISC" && s > 0 && e - s <= 3 && ROLE_HEADS.has(low[s - 1]!) && !isCap(words[s - 1]!)) {
    let ok = true;
    for (let i = s; i < e; i++) {
      const w = words[i]!;
      const g = doc.gm[i];
      if (!isCap(w) || ORG_HEADS.has(w) || FACILITY_HEADS.has(w) || allCaps2(w) || (g && g.hit.cat !== "first" && g.hit.cat !== "town" && g.hit.cat !== "city" && g.hit.cat !== "region")) ok = false;
    }
    if (ok) c.label = "PER";
  }
  // a person title at the start makes the rest a person ("President Bashar al-Assad"); so does a
  // title word after a role phrase ("Secretary of | State Antony Blinken")
  if (c.label !== "PER" && e - s >= 2 && isCap(words[e - 1]!) && !ORG_HEADS.has(words[e - 1]!) && !FACILITY_HEADS.has(words[e - 1]!)) {
    const before = s > 0 ? low[s - 1]! : "";
    const afterRole = (before === "of" && s > 1 && ROLE_HEADS.has(low[s - 2]!)) || ROLE_HEADS.has(before);
    // (not an institution named with a title word: "General Assembly of the United Nations", "General Motors")
    let institution = false;
    for (let k = s + 1; k < e; k++) if (ORG_RULE_HEADS.has(words[k]!)) institution = true;
    if (!institution && (PERSON_TITLE_START.has(low[s]!) || (afterRole && TITLES.has(low[s]!)))) c.label = "PER";
  }
  // a month followed by a number ends the name ("Summit April 12")
  for (let k = s; k < e; k++) {
    if (MONTHS.has(low[k]!) && (k + 1 >= e || digitFirst(words[k + 1]!) || k === s)) {
      e = k;
      break;
    }
  }
  if (s >= e) return null;
  // role words at the end are no part of a name ("LA Sheriff", "NASA Administrator")
  // (but the portfolio of an institution is: "Ministry of Defence", "Department of the Interior")
  if (e - s > 1 && ROLE_HEADS.has(low[e - 1]!) && !ORG_HEADS.has(words[e - 1]!) && !institutionOf(doc, s, e - 1)) {
    while (e - s > 1 && (ROLE_HEADS.has(low[e - 1]!) || ROLE_MODIFIERS.has(low[e - 1]!) || low[e - 1] === "majority" || low[e - 1] === "minority") && !ORG_HEADS.has(words[e - 1]!)) e--;
  }
  if (c.label === "PER") {
    // a country or organisation name first is no part of a person's name
    // ("Afghan Ambassador to the United States Hamdullah Mohib", "NASA Bill Ingalls")
    const g = doc.gm[s];
    if (g && g.len < e - s && (g.hit.cat === "country" || g.hit.cat === "org" || g.hit.cat === "armed" || g.hit.cat === "xregion" || g.hit.cat === "region" || g.hit.cat === "city1")) s += g.len;
    else if (e - s >= 3 && ORG_LIKE.test(words[s]!)) s += 1;
  }
  if (c.label === "PER") {
    // strip titles: "U.S. President Donald Trump" → "Donald Trump"
    let k = -1;
    for (let i = s; i < e - 1; i++) {
      const li = low[i]!;
      if (TITLES.has(li) || (li.charCodeAt(li.length - 1) === 46 && TITLES.has(li.slice(0, -1))) || ROLE_HEADS.has(li)) k = i;
      else if (!hasUpper(words[i]!) && low[i] !== "of") break;
    }
    if (k >= 0) s = k + 1;
  }
  return cleanSpanEnd(doc, c, s, e);
}

/** cleanSpan, third part: role words, shouted lines, teams, storms and vehicles, the final form. */
function cleanSpanEnd(doc: Doc, c: Cand, s: number, e: number): Cand | null {
  const { words, low } = doc;
  if (s >= e) return null;
  // only role/title words ("Secretary of State") or boilerplate
  let allRole = true;
  for (let i = s; i < e; i++) {
    const l = low[i]!;
    if (!(TITLES.has(l) || ROLE_HEADS.has(l) || l === "of" || l === "the" || l === "and" || isPunct(l))) {
      allRole = false;
      break;
    }
  }
  if (allRole) return null;
  // a shouted line ("RUSSIA AND SYRIA SIGNED A DEAL") is no name
  if (e - s >= 2 && allCaps(words[s]!)) {
    let caps = 0;
    let common = 0;
    const lcvSet = getModel()?.lcv;
    for (let k = s; k < e; k++) {
      if (allCaps(words[k]!)) caps++;
      if (lcvSet?.has(low[k]!)) common++;
    }
    if (caps === e - s && common * 2 >= e - s) return null;
  }
  // capitalised ordinary words before a title are part of the role ("Shadow Home | Secretary
  // Yvette Cooper", "Foreign | Minister")
  if (e < words.length && PORTFOLIO_TITLES.has(words[e]!) && !doc.starts[e]) {
    const lcvSet = getModel()?.lcv;
    let ordinary = true;
    for (let k = s; k < e; k++) if (!(PORTFOLIO_WORDS.has(low[k]!) || lcvSet?.has(low[k]!)) || doc.gm[k]) ordinary = false;
    if (ordinary) return null;
  }
  // … and trailing ones are cut ("United Nations | High Commissioner for Refugees")
  if (e < words.length && PORTFOLIO_TITLES.has(words[e]!) && !doc.starts[e]) while (e - s > 1 && PORTFOLIO_WORDS.has(low[e - 1]!)) e--;
  // a team: a city, region or country and one plural name ("Los Angeles Dodgers", "Texas Rangers")
  if (c.label !== "PER" && e - s >= 2 && e - s <= 4 && TEAM_NAME.test(words[e - 1]!) && !PLACE_PLURALS.has(words[e - 1]!)) {
    const g = doc.gm[s];
    if (g && g.len === e - s - 1 && (g.hit.cat === "city1" || g.hit.cat === "city" || g.hit.cat === "region" || g.hit.cat === "country")) c.label = "ORG";
  }
  // storms are no person, organisation or place ("Typhoon Shanshan", "Hurricane Helene")
  if (e - s >= 2 && STORM_PREFIX.has(words[s]!)) return null;
  // ships and spacecraft are no person, organisation or place ("Shuttle Atlantis", "USS Cole")
  if (VEHICLE_PREFIX.has(words[s]!) || (words[s] === "Space" && words[s + 1] === "Shuttle")) return null;
  // "New" ends no name: it begins the next one ("an Ottawa | New Democrat MP")
  while (e - s > 1 && words[e - 1] === "New") e--;
  // a match score is no part of the name ("Spain 2 | – 1 Italy")
  if (e - s > 1 && /^\d{1,2}$/.test(words[e - 1]!) && (words[e] === "–" || words[e] === "-" || words[e] === "—") && /^\d{1,2}$/.test(words[e + 1] ?? "")) e--;
  else if (e - s > 1 && /^\d{1,2}[–—-]\d{1,2}$/.test(words[e - 1]!)) e--;
  const form = normForm(doc.text.slice(doc.ts[s]!, doc.te[e - 1]!));
  if (form.length < 2 && !/\d/.test(form)) return null;
  if (BOILERPLATE.has(form)) return null;
  if (e - s === 1 && NOT_NAMES.has(form)) return null;
  if (c.label === "MISC") {
    c.s = s;
    c.e = e;
    return c;
  }
  c.s = s;
  c.e = e;
  return c;
}

/** "anti-ISIS" → a mention of ISIS at the right char offsets. */
function prefixed(doc: Doc, i: number, h: number, lex: Cand[], demonyms: Cand[]): void {
  const w = doc.words[i]!;
  const rest = w.slice(h + 1);
  if (!rest || !hasUpper(rest)) return;
  const orig = tokenize(rest).map((t) => t.text);
  const toks = orig.map(normTok);
  const m = doc.gaz.match(toks, 0, toks.length, orig);
  if (!m || m.len !== toks.length) return;
  const cs = doc.ts[i]! + h + 1;
  const ce = doc.te[i]!;
  const ty = GAZ_ACCEPT[m.hit.cat];
  if (ty) lex.push(mkCand(i, i + 1, "ORG", { hit: m.hit, cs, ce }));
  else if (m.hit.cat === "demonym") demonyms.push(mkCand(i, i + 1, "LOC", { hit: m.hit, demonym: true, cs, ce }));
}

/** The base suffixes by their first word, in lexicon order. */
const BASE_BY_FIRST = new Map<string, typeof BASE_SUFFIXES>();
for (const suf of BASE_SUFFIXES) {
  const list = BASE_BY_FIRST.get(suf.words[0]!);
  if (list) list.push(suf);
  else BASE_BY_FIRST.set(suf.words[0]!, [suf]);
}

function findBases(doc: Doc): Cand[] {
  const { words, low, starts, gaz } = doc;
  const n = words.length;
  const out: Cand[] = [];
  for (let i = 1; i < n; i++) {
    const l0 = low[i]!;
    const c0 = l0.charCodeAt(0);
    if (l0.length < 3 || (c0 !== 97 && c0 !== 110 && c0 !== 112 && c0 !== 109)) continue; // a n p m
    const sufs = BASE_BY_FIRST.get(l0);
    if (sufs === undefined) continue;
    for (const suf of sufs) {
      const L = suf.words.length;
      if (i + L > n) continue;
      let ok = true;
      for (let k = 0; k < L; k++)
        if (low[i + k] !== suf.words[k]) {
          ok = false;
          break;
        }
      if (!ok) continue;
      // capitalised name right before the suffix
      let s = i;
      while (s > 0 && s > i - 4 && !starts[s] && hasUpper(words[s - 1]!) && !TITLES.has(low[s - 1]!) && low[s - 1] !== "the") s--;
      if (s === i && i > 0 && starts[i] === 0 && hasUpper(words[i - 1]!) && starts[i - 1] === 1) s = i - 1;
      if (s === i) {
        // "the naval base at Sevastopol", "an air base near Latakia"
        const p = i + L;
        if (p + 1 < n && (low[p] === "at" || low[p] === "in" || low[p] === "near") && isCap(words[p + 1]!) && !starts[p + 1]) {
          let q = p + 1;
          while (q < n && q - p <= 3 && isCap(words[q]!) && !isPunct(words[q]!) && !starts[q]) q++;
          const nt = low.slice(p + 1, q);
          const g = gaz.match(nt, 0, nt.length);
          if (g && g.len === nt.length && g.hit.cat === "country") {
            i = i + L - 1;
            break;
          }
          const nameText = doc.text.slice(doc.ts[p + 1]!, doc.te[q - 1]!);
          const lexBase = gaz.match([...nt, ...suf.words], 0, nt.length + L);
          const c = mkCand(i, q, "LOC", { type: "base", name: nameText + " " + suf.canonical, aliases: [] });
          if (lexBase && lexBase.len === nt.length + L && lexBase.hit.cat === "base") c.hit = lexBase.hit;
          else {
            c.key = "base:" + normForm(nameText);
            if (g && g.len === nt.length && g.hit.entity.type === "city") {
              if (g.hit.entity.coordinates) c.coordinates = g.hit.entity.coordinates;
              if (g.hit.entity.within) c.within = g.hit.entity.within;
            }
          }
          out.push(c);
          i = q - 1;
          break;
        }
        continue;
      }
      // "Russian naval base": a demonym or country is no base name
      const nameToks = low.slice(s, i);
      const m = gaz.match(nameToks, 0, nameToks.length);
      if (m && m.len === nameToks.length && (m.hit.cat === "demonym" || m.hit.cat === "country")) continue;
      const nameText = doc.text.slice(doc.ts[s]!, doc.te[i - 1]!);
      const lexHit = m && m.len === nameToks.length && m.hit.cat === "base" ? m.hit : undefined;
      const capSuffix = hasUpper(words[i]!);
      const canonical = capSuffix ? doc.text.slice(doc.ts[i]!, doc.te[i + L - 1]!) : suf.canonical;
      const c = mkCand(s, i + L, "LOC", { type: "base", name: nameText + " " + canonical, aliases: [nameText] });
      const full = gaz.match([...nameToks, ...suf.words], 0, nameToks.length + L);
      const hit = lexHit ?? (full && full.len === nameToks.length + L && full.hit.cat === "base" ? full.hit : undefined);
      if (hit) c.hit = hit;
      else {
        c.key = "base:" + normForm(nameText);
        const city = gaz.match(nameToks, 0, nameToks.length);
        if (city && city.len === nameToks.length && city.hit.entity.type === "city") {
          if (city.hit.entity.coordinates) c.coordinates = city.hit.entity.coordinates;
          if (city.hit.entity.within) c.within = city.hit.entity.within;
        }
      }
      out.push(c);
      break;
    }
  }
  return out;
}

function overlaps(a: Cand, b: Cand): boolean {
  return a.s < b.e && b.s < a.e;
}

function merge(doc: Doc, bases: Cand[], lex: Cand[], tagged: Cand[]): Cand[] {
  const n = doc.words.length;
  const out: Cand[] = [...bases];
  const taken = new Uint8Array(n);
  for (const b of bases) for (let k = b.s; k < b.e; k++) taken[k] = 1;
  const free = (c: Cand): boolean => {
    for (let k = c.s; k < c.e; k++) if (taken[k]) return false;
    return true;
  };
  const take = (c: Cand): void => {
    out.push(c);
    for (let k = c.s; k < c.e; k++) taken[k] = 1;
  };
  // which lexicon match covers each token
  const lexCover = new Int32Array(n).fill(-1);
  lex.forEach((l, li) => {
    for (let k = l.s; k < l.e; k++) lexCover[k] = li;
  });
  // tagger spans strictly longer than the lexicon matches inside them win ("United States Navy");
  // the nested country/region name is kept as its own mention
  const nested: Cand[] = [];
  const lexUsed = new Uint8Array(lex.length);
  const tagTaken = new Uint8Array(tagged.length);
  tagged.forEach((t, ti) => {
    if (t.label === "MISC") return;
    let any = false;
    let contains = true;
    for (let k = t.s; k < t.e; k++) {
      const li = lexCover[k]!;
      if (li < 0) continue;
      any = true;
      const l = lex[li]!;
      if (!(l.s >= t.s && l.e <= t.e && l.e - l.s < t.e - t.s)) contains = false;
    }
    if (!any || !contains || !free(t)) return;
    take(t);
    tagTaken[ti] = 1;
    for (let k = t.s; k < t.e; k++) {
      const li = lexCover[k]!;
      if (li < 0 || lexUsed[li]) continue;
      lexUsed[li] = 1;
      const l = lex[li]!;
      if (l.cs === undefined && (l.hit?.cat === "country" || l.hit?.cat === "xregion")) nested.push(l);
    }
  });
  lex.forEach((l, li) => {
    if (!lexUsed[li] && free(l)) take(l);
  });
  tagged.forEach((t, ti) => {
    if (!tagTaken[ti] && free(t)) take(t);
  });
  for (const l of nested) out.push(l);
  return out;
}

/**
 * Affiliations: "<person> of [the] X" names the person's organisation when X is no place the
 * gazetteer knows ("Gary Fan of the Neo Democrats", "Raymond Chan of People Power", "Nick Rhodes
 * of Duran Duran"). X is marked for the type vote and found when the tagger missed it.
 */
function affiliations(doc: Doc, acc: Cand[]): void {
  const covered = new Int32Array(doc.words.length).fill(-1);
  acc.forEach((c, ci) => {
    if (c.cs === undefined) for (let k = c.s; k < c.e; k++) covered[k] = ci;
  });
  const add: Cand[] = [];
  affiliationsOf(doc, acc, covered, add);
  affiliationCues(doc, acc, covered, add);
  memberships(doc, acc, covered, add);
  for (const a of add) {
    const c = cleanSpan(doc, a);
    if (c) {
      c.label = "ORG";
      acc.push(c);
      for (let k = c.s; k < c.e; k++) covered[k] = acc.length - 1;
    }
  }
}

/** affiliations(), "X of Y": a person's organisation named after "of" ("Gary Fan of the Neo Democrats"). */
function affiliationsOf(doc: Doc, acc: Cand[], covered: Int32Array, add: Cand[]): void {
  const { words, low, starts, gm } = doc;
  const n = words.length;
  for (const c of acc) {
    if (c.label !== "PER" || c.hit || (c.type && c.type !== "person") || c.cs !== undefined) continue;
    let j = c.e;
    if (low[j] !== "of" || starts[j]) continue;
    j++;
    if (low[j] === "the") j++;
    let m = j;
    while (m < n && m - j < 6 && !starts[m] && isCap(words[m]!) && !isPunct(words[m]!) && !MONTHS.has(low[m]!) && !(m > j && LEADING_JUNK.has(low[m]!))) {
      m++;
      // "Globe and Mail", "Food & Drug"
      if ((low[m] === "and" || low[m] === "&") && m + 1 < n && isCap(words[m + 1]!) && !starts[m + 1]) m++;
    }
    if (m === j || m - j > 5) continue;
    // one ordinary word is a description ("Edward Yiu of the Architectural, Surveying … constituency")
    if (m - j === 1 && getModel()?.lcv.has(low[j]!)) continue;
    // the name ends at the run's end: "of the Labour Party" yes; "of X University" is the head rule's
    if (j >= n || (m < n && !starts[m] && low[m] === "'s")) continue;
    // places the gazetteer knows stay places ("Lee of Hong Kong"); so does anything a lexicon or rule typed
    let place = false;
    let existing: Cand | undefined;
    let clash = false;
    for (let k = j; k < m; k++) {
      const g = gm[k];
      // a town of 15 000 ("Green", "Power") is too weak a hint; a town alone after "of" is one
      if (g && k + g.len <= m && g.hit.cat !== "first" && g.hit.cat !== "demonym" && (g.hit.cat !== "town" || (k === j && g.len === m - j))) place = true;
      const ci = covered[k]!;
      if (ci >= 0) {
        const o = acc[ci]!;
        if (o.s < j || o.e > m || (existing && existing !== o)) clash = true;
        existing = o;
      }
    }
    if (place || clash) continue;
    if (existing) {
      if (existing.hit || existing.type || existing.label === "PER" && existing.e - existing.s >= 2 && gm[existing.s]?.hit.cat === "first") continue;
      if (existing.s !== j) continue;
      // the tagger's part of the name grows to the whole capitalised run ("Green | Futures")
      existing.e = m;
      if (existing.label === "MISC") existing.label = "ORG";
    } else add.push(mkCand(j, m, "ORG"));
    doc.affil[j] = 1;
  }
}

/** affiliations(), one pass over the tokens for a possessive and a lower-case cue noun. */
function affiliationCues(doc: Doc, acc: Cand[], covered: Int32Array, add: Cand[]): void {
  const { words, low, starts, gm } = doc;
  const n = words.length;
  let surnameSet: Set<string> | undefined;
  const surnames = (): Set<string> => {
    if (!surnameSet) {
      surnameSet = new Set();
      for (const c of acc) if (c.label === "PER" && c.e - c.s >= 2) surnameSet.add(words[c.e - 1]!);
    }
    return surnameSet;
  };
  // one pass over the tokens for two patterns (a possessive, a lower-case cue noun)
  for (let t = 1; t + 1 < n; t++) {
    const c0 = words[t]!.charCodeAt(0);
    if (c0 === 39 || c0 === 0x2019) {
      // "Labour's Shadow Home Secretary", "Acme's chief executive": a lone capitalised word owning a
      // role is its organisation (countries are the gazetteer's already)
      if (low[t] !== "'s" && low[t] !== "’s") continue;
      const i = t - 1;
      const w = words[i]!;
      if (covered[i]! >= 0 || !isCap(w) || isPunct(w) || gm[i] || (i > 0 && !starts[i] && isCap(words[i - 1]!)) || LEADING_JUNK.has(low[i]!) || BOILERPLATE.has(low[i]!) || MONTHS.has(low[i]!) || TITLES.has(low[i]!)) continue;
      // a person's surname ("Biden's spokesperson") or a first name is no organisation
      if (doc.gaz.firstNames.has(w) || surnames().has(w) || getModel()?.names.get(w) === "PER") continue;
      // … or owning a named institution ("the Smithsonian's National Air and Space Museum")
      const owned = covered[i + 2]! >= 0 ? acc[covered[i + 2]!]! : undefined;
      if (owned && owned.s === i + 2 && !owned.hit && owned.label !== "PER" && (ORG_RULE_HEADS.has(words[owned.e - 1]!) || PLACE_HEADS.has(words[owned.e - 1]!))) {
        add.push(mkCand(i, i + 1, "ORG", { type: "organization" }));
        continue;
      }
      let k = i + 2;
      while (k < n && k < i + 5 && (PORTFOLIO_WORDS.has(low[k]!) || ROLE_MODIFIERS.has(low[k]!)) && !TITLES.has(low[k]!)) k++;
      if (k >= n || !(PORTFOLIO_TITLES.has(words[k]!) || ORG_ROLE_WORDS.has(low[k]!))) continue;
      add.push(mkCand(i, i + 1, "ORG", { type: "organization" }));
      continue;
    }
    // "Environment Canada spokesperson Julie Hahn": the capitalised run before an organisation's role
    // noun and a name is the organisation, also when a country ends it
    if (c0 < 97 || c0 > 122) continue;
    const i = t;
    if (starts[i] || !isCap(words[i + 1]!) || !isCap(words[i - 1]!) || !ORG_CUE_AFTER.has(low[i]!)) continue;
    let s = i;
    while (s > 0 && i - s < 5 && isCap(words[s - 1]!) && !isPunct(words[s - 1]!) && !TITLES.has(low[s - 1]!) && !LEADING_JUNK.has(low[s - 1]!)) {
      s--;
      if (starts[s]) break;
    }
    if (i - s < 2) continue;
    let country = false;
    let other = false;
    let ok = true;
    for (let k = s; k < i; k++) {
      const ci = covered[k]!;
      if (ci >= 0 && (acc[ci]!.s < s || acc[ci]!.e > i)) ok = false;
      const g = gm[k];
      if (g && g.hit.cat === "country" && k + g.len === i) {
        country = true;
        break;
      }
      if (g || ci >= 0) other = true;
    }
    if (!ok || !country || other) continue;
    add.push(mkCand(s, i, "ORG", { type: "organization" }));
  }
}

/** affiliations(), membership: "joined the Sea Org", "members of the Legislative Council". */
function memberships(doc: Doc, acc: Cand[], covered: Int32Array, add: Cand[]): void {
  const { words, low, starts, gm } = doc;
  const n = words.length;
  // membership: "joined the Sea Org", "left the Sea Org", "members of the Legislative Council"
  for (let t = 1; t + 1 < n; t++) {
    if (low[t] !== "the") continue;
    const p = low[t - 1]!;
    if (!JOIN_VERBS.has(p) && !(p === "of" && t > 1 && (low[t - 2] === "member" || low[t - 2] === "members"))) continue;
    const j = t + 1;
    if (starts[j] || !isCap(words[j]!) || isPunct(words[j]!)) continue;
    let m = j;
    while (m < n && m - j < 5 && !starts[m] && isCap(words[m]!) && !isPunct(words[m]!) && !MONTHS.has(low[m]!)) m++;
    // no place ("left the United States", "joined the Russian army") and no ordinary word alone ("the Army")
    let place = false;
    for (let k = j; k < m; k++) if (gm[k] && gm[k]!.hit.cat !== "first" && gm[k]!.hit.cat !== "town") place = true;
    if (place || (m - j === 1 && getModel()?.lcv.has(low[j]!))) continue;
    // the name describes the body joined ("joined the Biden administration", "the Smith family")
    if (m < n && MEMBER_BODIES.has(low[m]!)) continue;
    const ci = covered[j]!;
    if (ci >= 0) {
      const o = acc[ci]!;
      if (o.s === j && o.e === m && !o.hit && !o.type && o.label !== "PER") {
        doc.affil[j] = 1;
        if (o.label === "MISC") o.label = "ORG";
      }
      continue;
    }
    let free = true;
    for (let k = j; k < m; k++) if (covered[k]! >= 0) free = false;
    if (!free) continue;
    add.push(mkCand(j, m, "ORG"));
    doc.affil[j] = 1;
  }
}

/** Nouns of a body named after someone or something ("the Biden administration", "the Smith family"). */
const MEMBER_BODIES = new Set([
  "administration", "campaign", "family", "team", "government", "cabinet", "staff", "board", "army",
  "movement", "party", "household", "camp", "side", "squad", "club", "band", "crew", "race", "company",
  "firm", "group", "coalition", "project", "program", "programme", "effort", "faculty", "department",
]);

/** Verbs of publishing before "on/to <platform>" ("posted on Twitter"). */
const PUBLISH_VERBS = new Set([
  "posted", "post", "posts", "posting", "wrote", "writes", "tweeted", "shared", "announced", "published",
  "uploaded", "streamed", "broadcast", "aired", "appeared", "said", "commented", "replied", "live-streamed",
]);

/** Verbs of joining and leaving a body ("joined the Sea Org"). */
const JOIN_VERBS = new Set(["join", "joins", "joined", "joining", "rejoin", "rejoined", "left", "leaving", "leave", "quit", "quitting"]);

/** Lower-case roles that only an organisation has ("Acme's chief executive", "Labour's spokesperson"). */
const ORG_ROLE_WORDS = new Set(["ceo", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chairperson", "leader", "treasurer", "founder", "co-founder", "executive"]);

/**
 * Places named inside a longer name are mentions of their own ("Toronto" in "Toronto Star",
 * "Sheffield" in "University of Sheffield", "Nizhny Novgorod" in "Nizhny Novgorod Stadium").
 */
function nestedPlaces(doc: Doc, acc: Cand[]): void {
  const { gm } = doc;
  const have = new Set<number>();
  for (const c of acc) if (c.hit && c.cs === undefined) have.add(c.s * 64 + Math.min(c.e - c.s, 63));
  const add: Cand[] = [];
  for (const c of acc) {
    const lexOrg = c.hit !== undefined && (c.hit.cat === "org" || c.hit.cat === "armed");
    if ((c.hit && !lexOrg) || (c.type && c.type !== "other") || c.e - c.s < 2 || c.label === "PER" || c.label === "MISC" || c.cs !== undefined) continue;
    for (let k = c.s; k < c.e; k++) {
      const m = gm[k];
      if (!m || k + m.len > c.e || m.len >= c.e - c.s) continue;
      const cat = m.hit.cat;
      if (cat !== "country" && cat !== "xregion" && cat !== "region" && cat !== "city1" && cat !== "city") continue;
      // a city that is also a first name or an ordinary word counts only after "of" ("University of Sheffield")
      if ((cat === "city" || cat === "city1") && m.len === 1 && doc.low[k - 1] !== "of" && (doc.gaz.firstNames.has(doc.words[k]!) || getModel()?.lcv.has(doc.low[k]!))) continue;
      if (have.has(k * 64 + Math.min(m.len, 63))) continue;
      have.add(k * 64 + Math.min(m.len, 63));
      add.push(mkCand(k, k + m.len, "LOC", { hit: m.hit }));
    }
  }
  // an organisation named in an "of" complement is its own mention ("National Museum of the U.S.
  // Air Force", "Museum of the Royal Navy")
  for (const c of acc) {
    if (c.hit || c.label === "PER" || c.label === "MISC" || c.cs !== undefined || c.e - c.s < 4 || !ORG_RULE_HEADS.has(doc.words[c.e - 1]!)) continue;
    let k = c.e - 2;
    while (k > c.s && doc.low[k] !== "of") k--;
    // (only after a place head: "University of Texas Arlington Muslim Student Association" is one name)
    if (k <= c.s || !(FACILITY_HEADS.has(doc.words[k - 1]!) || PLACE_HEADS.has(doc.words[k - 1]!))) continue;
    const s = doc.low[k + 1] === "the" ? k + 2 : k + 1;
    if (c.e - s < 2 || have.has(s * 64 + Math.min(c.e - s, 63))) continue;
    have.add(s * 64 + Math.min(c.e - s, 63));
    add.push(mkCand(s, c.e, "ORG", { type: "organization" }));
  }
  for (let q = 0; q < doc.placeOf.length; q += 2) {
    const s = doc.placeOf[q]!;
    const e = doc.placeOf[q + 1]!;
    if (have.has(s * 64 + Math.min(e - s, 63))) continue;
    have.add(s * 64 + Math.min(e - s, 63));
    const g = gm[s];
    add.push(g && g.hit.cat === "town" && g.len === e - s ? mkCand(s, e, "LOC", { hit: g.hit }) : mkCand(s, e, "LOC", { type: "place" }));
  }
  for (const a of add) acc.push(a);
}

interface Acronym {
  cand: Cand;
  acr: string;
  s: number;
}

function acronyms(doc: Doc, acc: Cand[]): Acronym[] {
  const { words } = doc;
  const out: Acronym[] = [];
  const byStart = new Map<number, Cand>();
  for (const c of acc) if (c.cs === undefined && (byStart.get(c.s)?.e ?? 0) < c.e) byStart.set(c.s, c);
  for (const c of acc) {
    if (c.e + 2 >= words.length + 1 || words[c.e] !== "(") continue;
    // the other way round: "the ANC (African National Congress)"
    if (c.e - c.s === 1 && c.label !== "PER" && allCaps2(words[c.s]!)) {
      const full = byStart.get(c.e + 1);
      if (full && full.e - full.s >= 2 && words[full.e] === ")" && full.label !== "PER" && words[full.s]![0] === words[c.s]![0]) {
        out.push({ cand: full, acr: words[c.s]!, s: c.s });
        continue;
      }
    }
    if (words[c.e + 2] !== ")") continue;
    const a = words[c.e + 1];
    // a "person" with an acronym of its initials is an organisation ("Médecins Sans Frontières (MSF)")
    if (c.label === "PER") {
      let initials = "";
      for (let k = c.s; k < c.e; k++) if (isCap(words[k]!)) initials += words[k]![0];
      if (!a || c.e - c.s < 2 || initials !== a) continue;
      c.label = "ORG";
    }
    if (a && /^[\p{Lu}][\p{Lu}\d&.-]{1,9}$/u.test(a) && a.length < c.e - c.s + doc.te[c.e - 1]!) {
      // an acronym starts like its name ("Security Service of Ukraine (SBU)"); a wire credit
      // after a dateline names the agency ("KYIV, Ukraine (AP)")
      const first = c.cs !== undefined ? doc.text[c.cs]! : words[c.s]![0]!;
      if (first.toUpperCase() !== a[0]) continue;
      const known = doc.gaz.single(normTok(a), a);
      if (known && (known.cat === "org" || known.cat === "armed" || known.cat === "country") && known.entity.key !== c.hit?.entity.key) continue;
      out.push({ cand: c, acr: a, s: c.e + 1 });
    }
  }
  return out;
}

interface Ent {
  key: string;
  type: NameType;
  votes: Map<NameType, number>;
  gazName: string | undefined;
  name: string | undefined;
  forms: Map<string, string>; // norm → text
  aliases: Set<string>;
  mentions: Span[];
  /** normalised forms of the demonym mentions ("Russian"); made when the first is added */
  demonymMentions: Set<string> | undefined;
  role: string | undefined;
  coordinates: [number, number] | undefined;
  within: string | undefined;
  first: number;
  fixed: boolean;
  persons: number;
  /** mentions in a context only persons have ("said Mauer,") */
  personCues: number;
  /** normalised forms already offered for propagation (addForm) */
  formSeen: Set<string>;
}

function labelType(c: Cand, doc: Doc): NameType {
  if (c.type) return c.type;
  if (c.hit) {
    const t = GAZ_ACCEPT[c.hit.cat];
    if (t) return t;
    return c.hit.entity.type;
  }
  switch (c.label) {
    case "PER":
      return "person";
    case "ORG": {
      if (FACILITY_STRONG.has(doc.words[c.e - 1]!)) return "facility";
      return "organization";
    }
    case "LOC": {
      if (FACILITY_STRONG.has(doc.words[c.e - 1]!)) return "facility";
      return "place";
    }
    default:
      return "other";
  }
}

/** Nouns right before a name that make it an organisation ("the company Hitwise", "localist group Civic Passion"). */
const ORG_CUE_BEFORE = new Set([
  "company", "firm", "group", "party", "agency", "organisation", "organization", "band", "newspaper",
  "broadcaster", "network", "charity", "website", "magazine", "publisher", "club", "union", "association",
  "studio", "developer", "bank", "retailer", "airline", "brand", "carmaker", "automaker", "startup",
  "start-up", "conglomerate", "movement", "coalition", "outlet", "daily", "tabloid", "insurer",
  "manufacturer", "maker", "lender", "nonprofit", "non-profit", "ngo", "think-tank", "subsidiary", "team",
  "school", "college", "hospital", "foundation", "label", "ministry", "department",
  // plural cue nouns before a list of names ("the religious schools Santo Spirito and Immacolata")
  "companies", "firms", "groups", "parties", "agencies", "organisations", "organizations", "bands",
  "newspapers", "broadcasters", "networks", "charities", "websites", "magazines", "clubs",
  "unions", "associations", "studios", "banks", "retailers", "airlines", "brands",
  "carmakers", "automakers", "startups", "outlets", "tabloids", "insurers", "manufacturers", "lenders",
  "nonprofits", "teams", "schools", "colleges", "hospitals", "foundations", "labels",
]);
/** Nouns right after a name that make it an organisation ("Environment Canada spokesperson", "Google headquarters"). */
const ORG_CUE_AFTER = new Set([
  "spokesperson", "spokesman", "spokeswoman", "spokespeople", "headquarters", "ceo", "chairman",
  "chairwoman", "executives", "employees", "employee", "staffers", "shareholders", "co-founder",
  // people who work for it ("Goldman Sachs analysts said")
  "analysts", "economists", "strategists", "researchers", "scientists",
  // its kind ("the Yonhap news agency", "the Wagner group", "the Asahi newspaper")
  "newspaper", "daily", "broadcaster", "tabloid", "website", "agency", "group", "party", "company",
  "firm", "airline", "carmaker", "automaker", "conglomerate", "network",
]);
/** Plural nouns for people who work somewhere ("analysts at X"). */
const WORKERS = new Set([
  "analysts", "officials", "researchers", "employees", "executives", "scientists", "engineers",
  "economists", "staff", "workers", "staffers", "strategists", "traders", "lawyers", "investigators",
]);
/** What one holds in a company ("shares in X", "a stake in X"). */
const HOLDINGS = new Set(["shares", "share", "stake", "stakes", "stock", "shareholding"]);
const ORG_CUE_VOTE = 3;

/**
 * Whether the context of an untyped mention marks an organisation: a cue noun before or after it,
 * "<person> of [the] X" (an affiliation: "Gary Fan of the Neo Democrats"), "analysts at X".
 */
function orgContext(doc: Doc, c: Cand): boolean {
  const { low, words, starts } = doc;
  if (c.cs !== undefined) return false;
  const prev = c.s > 0 && !starts[c.s] ? low[c.s - 1]! : "";
  const next = c.e < low.length && !starts[c.e] ? low[c.e]! : "";
  if (prev && ORG_CUE_BEFORE.has(prev) && !isCap(words[c.s - 1]!)) return true;
  // the employer of a group of people: "analysts at Goldman Sachs", "researchers at X"
  if ((prev === "at" || prev === "with") && c.s > 1 && WORKERS.has(low[c.s - 2]!)) return true;
  // a company's shares: "shares in Severn Trent", "a stake in X"
  if ((prev === "in" || prev === "of") && c.s > 1 && HOLDINGS.has(low[c.s - 2]!)) return true;
  // the second of two names after a cue noun: "team Cloud9 and Immortals", "economists at
  // JPMorgan Chase and Morgan Stanley", "shares in Severn Trent and United Utilities"
  if ((prev === "and" || prev === "or") && c.s > 2 && isCap(words[c.s - 2]!) && !starts[c.s - 1]) {
    let k = c.s - 2;
    while (k > 0 && c.s - 2 - k < 4 && !starts[k] && isCap(words[k - 1]!) && !isPunct(words[k - 1]!)) k--;
    if (k > 0 && !starts[k] && ORG_CUE_BEFORE.has(low[k - 1]!) && !isCap(words[k - 1]!)) return true;
    if (k > 1 && !starts[k] && (low[k - 1] === "at" || low[k - 1] === "with") && WORKERS.has(low[k - 2]!)) return true;
    if (k > 1 && !starts[k] && (low[k - 1] === "in" || low[k - 1] === "of") && HOLDINGS.has(low[k - 2]!)) return true;
  }
  if (next && ORG_CUE_AFTER.has(next)) return true;
  // "the Yonhap news agency", "the Al Jazeera news network"
  if (next === "news" && ORG_CUE_AFTER.has(low[c.e + 1] ?? "")) return true;
  return c.s > 0 && doc.affil[c.s] === 1;
}

/** Speech verbs before a name set off by punctuation: the inverted quote of a person ("…, said Mauer."). */
const SPEECH_BEFORE = new Set(["said", "says", "added", "adds", "explained", "wrote", "noted", "asked", "continued", "recalled"]);

/** Honorifics before a surname. */
const HONORIFICS = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "miss", "mx", "mx."]);

/** A year as cited: "2010", "2009a". */
const CITED_YEAR = /^(?:1[5-9]|20)\d\d[a-z]?$/;

/**
 * An author cited by surname: "Kessler et al.", "Kessler (2010)", "(Kessler, 2010)",
 * "Smith and Jones (2009)", "(Smith & Jones, 2009)". Only people write papers.
 */
function citedAuthor(doc: Doc, c: Cand): boolean {
  const { low, words } = doc;
  const n = words.length;
  // an organisation cited as author ("Constitutional Rights Foundation, 2012") stays one
  for (let k = c.s; k < c.e; k++) if (ORG_RULE_HEADS.has(words[k]!) || ORG_HEADS.has(words[k]!) || allCaps2(words[k]!)) return false;
  let e = c.e;
  // the first of two authors: "Smith and Jones (2009)"
  if ((low[e] === "and" || low[e] === "&") && e + 1 < n && isCap(words[e + 1]!) && (words[e + 2] === "(" || words[e + 2] === ",")) e += 2;
  if (low[e] === "et" && (low[e + 1] === "al" || low[e + 1] === "al.")) return true;
  if (words[e] === "(" && CITED_YEAR.test(low[e + 1] ?? "")) return true;
  // "Sapir's (1971) group"
  if ((low[e] === "'s" || low[e] === "’s") && words[e + 1] === "(" && CITED_YEAR.test(low[e + 2] ?? "")) return true;
  // a list of authors: "(Feng, Spence, & Pratt, 2007)", "Heidenreich & Turano 2011;"
  let k = c.e;
  for (let names = 0; names < 8; names++) {
    let j = k;
    if (words[j] === ",") j++;
    if (low[j] === "&" || low[j] === "and") j++;
    if (j === k || j >= n || !isCap(words[j]!) || isPunct(words[j]!)) break;
    k = j + 1;
  }
  if (words[k] === "," && CITED_YEAR.test(low[k + 1] ?? "") && (words[k + 2] === ")" || words[k + 2] === ";")) return true;
  // "Brieber 2014;", "Milekic 2010)", "Vandergrift and Cross 2017 and …"
  if (CITED_YEAR.test(low[k] ?? "") && (words[k + 1] === ";" || words[k + 1] === ")" || (k > c.e && /^(?:and|,)$/.test(low[k + 1] ?? "")))) return true;
  // "(Kessler, 2010)", "; Li, 2011)"
  const before = c.s > 0 ? words[c.s - 1] : undefined;
  const opened = before === "(" || before === ";" || (c.s > 2 && (low[c.s - 1] === "and" || low[c.s - 1] === "&") && words[c.s - 3] === "(");
  return opened && words[e] === "," && CITED_YEAR.test(low[e + 1] ?? "");
}

function personContext(doc: Doc, c: Cand): boolean {
  const { low, words } = doc;
  if (c.cs !== undefined || c.s === 0 || c.e - c.s > 3) return false;
  if (doc.plist[c.s] === 1 || citedAuthor(doc, c)) return true;
  // "Mr Sunak", "Dr. Kessler": an honorific names a person
  if (c.e - c.s === 1 && HONORIFICS.has(low[c.s - 1]!)) return true;
  if (!SPEECH_BEFORE.has(low[c.s - 1]!)) return false;
  const nx = words[c.e];
  return nx === undefined || nx === "," || nx === "." || nx === ";" || doc.starts[c.e] === 1;
}

function findRole(doc: Doc, s: number): string | undefined {
  const { words, low, starts, ts, te, text } = doc;
  let k = s - 1;
  let first = -1;
  let hasHead = false;
  let endTok = -1;
  const lim = Math.max(0, s - 7);
  while (k >= lim) {
    const l = low[k]!;
    const w = words[k]!;
    const isRole = ROLE_HEADS.has(l) || TITLES.has(l) || (endTok >= 0 && ROLE_MODIFIERS.has(l));
    if (isRole) {
      if (endTok < 0) endTok = k;
      if (ROLE_HEADS.has(l)) hasHead = true;
    } else if (hasUpper(w) && !isPunct(w)) {
      if (endTok < 0) return undefined; // a name right before the name: no role
    } else if ((l === "of" || l === "for" || l === "'s" || l === "-") && endTok >= 0) {
      // inside the role phrase
    } else break;
    first = k;
    if (starts[k]) break;
    k--;
  }
  if (!hasHead || first < 0 || endTok !== s - 1) return undefined;
  while (first < endTok && (low[first] === "of" || low[first] === "and" || low[first] === "'s" || low[first] === "-")) first++;
  return text.slice(ts[first]!, te[endTok]!);
}

/**
 * The state of resolve(), shared by its steps. The steps are separate functions, not closures of
 * one: V8 compiles and deoptimises a function whole, and on fresh text each rare branch first
 * reached threw away the optimised code of all of resolve() (the costliest function to compile).
 */
interface Resolution {
  doc: Doc;
  ents: Map<string, Ent>;
  order: Ent[];
  covered: Uint8Array;
  seenSpans: Set<number>;
  /** propagation forms: token sequences of the mentions, per entity */
  byFirst: Map<string, { toks: string[]; ent: Ent }[]>;
}

/** Per candidate, once: offsets, surface, normalised form, type, key. */
interface Pre {
  c: Cand;
  start: number;
  end: number;
  surface: string;
  nf: string;
  type: NameType;
  key: string;
}

function getEnt(R: Resolution, key: string, type: NameType, first: number): Ent {
  let e = R.ents.get(key);
  if (!e) {
    e = {
      key,
      type,
      votes: new Map(),
      gazName: undefined,
      name: undefined,
      forms: new Map(),
      aliases: new Set(),
      mentions: [],
      demonymMentions: undefined,
      role: undefined,
      coordinates: undefined,
      within: undefined,
      first,
      fixed: false,
      persons: 0,
      personCues: 0,
      formSeen: new Set(),
    };
    R.ents.set(key, e);
    R.order.push(e);
  }
  return e;
}

function spanId(start: number, end: number): number {
  return start * 4096 + Math.min(end - start, 4095);
}

function addMention(R: Resolution, e: Ent, start: number, end: number, demonym: boolean, t?: string, nf?: string): void {
  const id = spanId(start, end);
  if (R.seenSpans.has(id)) return;
  R.seenSpans.add(id);
  e.mentions.push({ start, end });
  if (t === undefined) t = R.doc.text.slice(start, end);
  if (nf === undefined) nf = normForm(t);
  if (demonym) (e.demonymMentions ??= new Set()).add(nf);
  else if (!e.forms.has(nf)) e.forms.set(nf, t);
  if (start < e.first) e.first = start;
}

function addForm(R: Resolution, ft: string[], e: Ent, nf: string): void {
  if (ft.length === 0 || !hasUpper(ft[0]!) || (ft.length === 1 && ft[0]!.length < 2)) return;
  // per entity (one per key in a resolution), so no "key + form" string is built for the lookup
  if (e.formSeen.has(nf)) return;
  e.formSeen.add(nf);
  const list = R.byFirst.get(ft[0]!);
  if (list) list.push({ toks: ft, ent: e });
  else R.byFirst.set(ft[0]!, [{ toks: ft, ent: e }]);
}

/** addForm(words.slice(s, e), ent, nf) without the slice when the form is known already */
function addFormAt(R: Resolution, s: number, e: number, ent: Ent, nf: string): void {
  const { words } = R.doc;
  if (e <= s || !hasUpper(words[s]!) || (e - s === 1 && words[s]!.length < 2)) return;
  if (ent.formSeen.has(nf)) return;
  addForm(R, words.slice(s, e), ent, nf);
}

function resolve(doc: Doc, acc: Cand[], acrs: Acronym[]): NamedEntity[] {
  const R: Resolution = {
    doc,
    ents: new Map<string, Ent>(),
    order: [],
    covered: new Uint8Array(doc.words.length),
    seenSpans: new Set<number>(),
    byFirst: new Map(),
  };
  const sorted = preResolve(doc, acc);
  // person full names first so short forms can join them
  const personLast = new Map<string, Ent[]>();
  for (const pre of sorted) {
    const { c, type, key, start } = pre;
    if (type === "person" && c.e - c.s >= 2) {
      const lastNorm = stripParticle(doc.low[c.e - 1]!);
      // a second full name with the same key joins; otherwise new person
      const e = getEnt(R, key, type, start);
      e.persons++;
      const list = personLast.get(lastNorm) ?? [];
      if (!list.includes(e)) list.push(e);
      personLast.set(lastNorm, list);
    }
  }
  // names defined by rules (bases) also own their short forms ("Tartus" after "Tartus port facility")
  const ruleAlias = new Map<string, Cand>();
  for (const { c } of sorted) if (c.type === "base" && c.aliases) for (const a of c.aliases) ruleAlias.set(normForm(a), c);
  for (const pre of sorted) resolveCandidate(R, pre, personLast, ruleAlias);
  const formIndex = acronymAliases(R, acrs);
  propagate(R, formIndex);
  const lowerCounts = lowerCaseCounts(R);
  voteTypes(R);
  return entitiesOf(R, lowerCounts);
}

/** The candidates in text order, each with its offsets, surface, form, type and key. */
function preResolve(doc: Doc, acc: Cand[]): Pre[] {
  const { ts, te, text, low, words, starts } = doc;
  // sentence-initial ordinary words are no names unless the text also capitalises them elsewhere
  // (checked only for the few sentence-initial single-word candidates)
  const initials = new Set<string>();
  for (const c of acc) if (c.e - c.s === 1 && starts[c.s]) initials.add(words[c.s]!);
  const capMid = new Set<string>();
  if (initials.size > 0) for (let i = 0; i < words.length; i++) if (!starts[i] && doc.cap[i] === 1 && initials.has(words[i]!)) capMid.add(words[i]!);

  const lcv = getModel()?.lcv;
  const sorted0 = [...acc].sort((a, b) => a.s - b.s || b.e - a.e);
  const sorted: Pre[] = [];
  for (const c of sorted0) {
    if (c.e - c.s === 1 && !c.hit && !c.type && starts[c.s] && lcv?.has(low[c.s]!) && !capMid.has(words[c.s]!)) continue;
    const start = c.cs ?? ts[c.s]!;
    const end = c.ce ?? te[c.e - 1]!;
    const surface = text.slice(start, end);
    const nf = normForm(surface);
    const key = c.hit ? c.hit.entity.key : c.key ? c.key : "n:" + nf;
    sorted.push({ c, start, end, surface, nf, type: labelType(c, doc), key });
  }
  return sorted;
}

/** One candidate joins its entity (a short form its full name's), with votes, forms and role. */
function resolveCandidate(R: Resolution, pre: Pre, personLast: Map<string, Ent[]>, ruleAlias: Map<string, Cand>): void {
  const { doc, ents, covered } = R;
  const { low, words } = doc;
  const { c, start, end, surface, nf } = pre;
  let { type, key } = pre;
  const single = c.e - c.s === 1;
  if (!c.hit && !c.type && ruleAlias.size > 0) {
    const owner = ruleAlias.get(nf);
    if (owner) {
      key = owner.hit ? owner.hit.entity.key : owner.key!;
      type = "base";
    }
  }
  // short form of a person named in full ("Peskov", "Assad")
  let resolved = type === "base";
  if (!c.hit && !c.type && single && type !== "base" && personLast.size > 0) {
    const cand = personLast.get(stripParticle(low[c.s]!));
    if (cand && cand.length) {
      // the closest full name before, else the first
      let best = cand[0]!;
      for (const p of cand) if (p.first <= start) best = p;
      key = best.key;
      type = "person";
      resolved = true;
    }
  }
  // MISC names count only as forms of entities found otherwise
  if (c.label === "MISC" && !c.hit && !c.type && !resolved) {
    if (!ents.has(key)) return;
    type = ents.get(key)!.type;
  }
  const e = getEnt(R, key, type, start);
  if (c.hit) {
    e.fixed = true;
    e.type = GAZ_ACCEPT[c.hit.cat] ?? c.hit.entity.type;
    const ent = c.hit.entity;
    e.gazName = ent.name;
    for (const a of c.aliases ?? []) e.aliases.add(a);
    if (ent.coordinates) e.coordinates = ent.coordinates;
    if (ent.within) e.within = ent.within;
  } else if (c.type) {
    e.fixed = true;
    e.type = c.type;
    if (c.name) e.name = c.name;
    for (const a of c.aliases ?? []) e.aliases.add(a);
    if (c.coordinates) e.coordinates = c.coordinates;
    if (c.within) e.within = c.within;
  } else {
    e.votes.set(type, (e.votes.get(type) ?? 0) + (c.e - c.s));
    // the words around a mention: "the company X", "X spokesperson", "Y of X" after a person
    if (c.label !== "MISC" && !resolved && orgContext(doc, c)) e.votes.set("organization", (e.votes.get("organization") ?? 0) + ORG_CUE_VOTE);
    else if (c.label !== "MISC" && !resolved && personContext(doc, c)) {
      e.votes.set("person", (e.votes.get("person") ?? 0) + ORG_CUE_VOTE);
      e.personCues++;
    }
  }
  if (c.hit && c.type === "base") {
    e.type = "base";
    if (c.name && !e.gazName) e.name = c.name;
  }
  addMention(R, e, start, end, c.demonym, surface, nf);
  if (c.cs === undefined) {
    for (let k = c.s; k < c.e; k++) covered[k] = 1;
    if (!c.demonym) addFormAt(R, c.s, c.e, e, nf);
    // a person named in full is named by the surname later, even where the tagger missed it
    if (type === "person" && e.type === "person" && c.e - c.s >= 2 && isCap(words[c.e - 1]!)) addForm(R, [words[c.e - 1]!], e, low[c.e - 1]!);
  }
  if (e.type === "person" || type === "person") {
    if (!e.role) {
      const r = findRole(doc, c.s);
      if (r) e.role = r;
    }
  }
}

/** Acronyms become aliases (and their later uses mentions); returns the index of forms. */
function acronymAliases(R: Resolution, acrs: Acronym[]): Map<string, Ent> {
  const { ts, te, text } = R.doc;
  const formIndex = new Map<string, Ent>();
  for (const e of R.order) for (const f of e.forms.keys()) if (!formIndex.has(f)) formIndex.set(f, e);
  for (const a of acrs) {
    const start = a.cand.cs ?? ts[a.cand.s]!;
    const owner = formIndex.get(normForm(text.slice(start, a.cand.ce ?? te[a.cand.e - 1]!)));
    if (!owner) continue;
    const other = formIndex.get(normForm(a.acr));
    if (other && other !== owner) {
      // fold the acronym's own entity into the owner
      for (const m of other.mentions) {
        owner.mentions.push(m);
        const t = text.slice(m.start, m.end);
        owner.forms.set(normForm(t), t);
      }
      other.mentions = [];
    }
    owner.aliases.add(a.acr);
    if (!R.seenSpans.has(spanId(ts[a.s]!, te[a.s]!))) addMention(R, owner, ts[a.s]!, te[a.s]!, false);
    R.covered[a.s] = 1;
    addForm(R, [a.acr], owner, normForm(a.acr));
  }
  return formIndex;
}

/** Propagation: later uncovered occurrences of a found name are mentions too. */
function propagate(R: Resolution, formIndex: Map<string, Ent>): void {
  const { doc, covered, byFirst } = R;
  const { ts, te, low, words, starts } = doc;
  for (const e of R.order)
    if (e.mentions.length > 0)
      for (const a of e.aliases) if (a.indexOf(" ") < 0) addForm(R, [a], e, normForm(a)); // base short forms
  for (const list of byFirst.values()) {
    // entities folded away by an acronym propagate to their owner
    for (const x of list) if (x.ent.mentions.length === 0) x.ent = formIndex.get(normForm(x.toks.join(" "))) ?? x.ent;
    if (list.length > 1) list.sort((a, b) => b.toks.length - a.toks.length);
  }
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || doc.cap[i] === 0) continue;
    const list = byFirst.get(words[i]!);
    if (!list) continue;
    for (const cand of list) {
      const L = cand.toks.length;
      if (i + L > words.length) continue;
      let ok = true;
      for (let k = 0; k < L; k++)
        if (words[i + k] !== cand.toks[k] || covered[i + k]) {
          ok = false;
          break;
        }
      if (!ok) continue;
      if (L === 1 && ((starts[i] && getModel()?.lcv.has(low[i]!)) || currencyAt(doc, i))) break;
      // inside a longer capitalised run it is part of another name
      if (i > 0 && !starts[i] && hasUpper(words[i - 1]!) && !isPunct(words[i - 1]!)) break;
      if (i + L < words.length && hasUpper(words[i + L]!) && !isPunct(words[i + L]!) && !starts[i + L]) break;
      addMention(R, cand.ent, ts[i]!, te[i + L - 1]!, false);
      for (let k = 0; k < L; k++) covered[i + k] = 1;
      break;
    }
  }
}

/** Length buckets of lowerCaseCounts (the last holds every longer length). */
const LOWER_COUNT_LENGTHS = 64;

/** How often the text writes each one-word candidate form in lower case (one pass over the tokens). */
function lowerCaseCounts(R: Resolution): Map<string, number> {
  const { doc } = R;
  const { words } = doc;
  const lowerCounts = new Map<string, number>();
  // the lengths of the forms counted: a token of another length is no form (skips most lookups)
  const lengths = new Uint8Array(LOWER_COUNT_LENGTHS);
  for (const e of R.order) {
    if (e.mentions.length === 0 || e.fixed || e.forms.size !== 1) continue;
    const f = firstForm(e);
    if (ONE_WORD_CAP.test(f)) {
      const l = f.toLowerCase();
      lowerCounts.set(l, 0);
      lengths[Math.min(l.length, LOWER_COUNT_LENGTHS - 1)] = 1;
    }
  }
  if (lowerCounts.size > 0)
    for (let i = 0; i < words.length; i++) {
      if (doc.cap[i] === 1 || lengths[Math.min(words[i]!.length, LOWER_COUNT_LENGTHS - 1)] === 0) continue;
      const c = lowerCounts.get(words[i]!);
      if (c !== undefined) lowerCounts.set(words[i]!, c + 1);
    }
  return lowerCounts;
}

/** Types by vote; a "person" only ever named by one word may become an organisation. */
function voteTypes(R: Resolution): void {
  const { doc } = R;
  const trainedNames = getModel()?.names;
  const oneWordPersons: Ent[] = [];
  let fullPersons = 0;
  for (const e of R.order) {
    if (e.mentions.length === 0) continue;
    if (!e.fixed) {
      // the training text's type for a name it knows well counts as three more votes
      const known = trainedNames?.get(firstForm(e));
      if (known) {
        const t: NameType = known === "PER" ? "person" : known === "ORG" ? "organization" : "place";
        e.votes.set(t, (e.votes.get(t) ?? 0) + 3);
      }
      let best: NameType = e.type;
      let bv = -1;
      for (const [t, v] of e.votes) if (v > bv || (v === bv && t === "person")) {
        best = t;
        bv = v;
      }
      e.type = best;
      if (e.type === "person" && !e.role && e.persons === 0 && e.personCues === 0) {
        let oneWord = true;
        for (const f of e.forms.values()) if (/[\s]/.test(f.trim())) oneWord = false;
        const first = firstForm(e);
        // (unless the training text knows the word as a person's name: "Trump", "Einstein")
        if (oneWord && !doc.gaz.firstNames.has(first) && known !== "PER" && !/^\p{Lu}\p{Ll}+s$/u.test(first)) oneWordPersons.push(e);
      }
    }
    if (e.type === "person") for (const f of e.forms.values()) if (/\s/.test(f.trim())) {
      fullPersons++;
      break;
    }
  }
  // news names a person in full at least once: a "person" only ever named by one word that is no
  // first name and has no role is more likely an organisation or brand ("Scientology"). A text
  // that names far more people by one word alone than in full (four or more, over three times as
  // many: a talk, a paper citing surnames, a history) does not follow that habit, and its one-word
  // names stay persons; a business story with three brands and two people named in full
  // ("Ofgem", "Slack", "Salesforce"; "Rachel Reeves") still does.
  if (oneWordPersons.length < 4 || oneWordPersons.length <= 3 * fullPersons) for (const e of oneWordPersons) e.type = "organization";
}

/** The entities as the recogniser reports them: named, with aliases. */
function entitiesOf(R: Resolution, lowerCounts: Map<string, number>): NamedEntity[] {
  const { text } = R.doc;
  const out: NamedEntity[] = [];
  for (const e of R.order) {
    if (e.mentions.length === 0) continue;
    // a country or place named beside a match score is a team ("Sweden 1 – 0 Korea Republic",
    // "lost 1 – 2 to England"): the national side is an organisation throughout the report
    if (PLACE_TYPES.has(e.type) && e.mentions.some((m) => scoreBeside(text, m))) e.type = "organization";
    if (e.type === "other") continue;
    // a one-word "name" the same text mostly writes in lower case is an ordinary word capitalised
    // by its position ("Ozone is …" beside "ozone pollution", "Nonpartisan Paul Tse" beside
    // "nonpartisan Junius Ho"); "the Court", "the Church" stay: a capital after "the" is the writer's
    if (!e.fixed && e.forms.size === 1 && (lowerCounts.get(firstForm(e).toLowerCase()) ?? 0) >= e.mentions.length && !e.mentions.some((m) => afterThe(text, m))) continue;
    // an adjective, not a name: a one-word form with an adjective ending, always before a noun
    // ("Hellenic polytheism", "Pachomian monasteries"; "the Guardian reported" is a name)
    if (!e.fixed && e.forms.size === 1 && ADJECTIVE_FORM.test(firstForm(e)) && e.mentions.every((m) => /^ [a-z]/.test(text.slice(m.end, m.end + 2)) && !afterThe(text, m))) continue;
    sortInPlace(e.mentions, byStartThenEnd);
    const name = entityName(e);
    if (!name) continue;
    const nn = normForm(name);
    const aliases: string[] = [];
    const seen = new Set<string>([nn]);
    // (a form's key is its normalised form)
    for (const [k, f] of e.forms) {
      if (seen.has(k) || (e.demonymMentions !== undefined && e.demonymMentions.has(k))) continue;
      seen.add(k);
      aliases.push(f);
    }
    for (const f of e.aliases) {
      const k = normForm(f);
      if (seen.has(k) || (e.demonymMentions !== undefined && e.demonymMentions.has(k))) continue;
      seen.add(k);
      aliases.push(f);
    }
    const ne: NamedEntity = { name, type: e.type, aliases, mentions: e.mentions };
    if (e.type === "person" && e.role) ne.role = e.role;
    if (e.coordinates) ne.coordinates = [e.coordinates[0], e.coordinates[1]];
    if (e.within && e.within !== name) ne.within = e.within;
    out.push(ne);
  }
  sortInPlace(out, byFirstMention);
  return out;
}

/** An entity's name: its rule's, the gazetteer's, or the text's fullest form ("" when none). */
function entityName(e: Ent): string {
  let name = e.name;
  if (!name) {
    // countries and bases take the gazetteer's name ("United States" for "U.S."); other
    // gazetteer entities keep the text's own fullest form unless the text spells the canonical one
    const canonicalSeen = e.gazName !== undefined && e.forms.has(normForm(e.gazName));
    const multiWordForm = [...e.forms.values()].some((f) => /\s/.test(f.trim()));
    const useGaz =
      e.gazName && (e.type === "country" || e.type === "base" || canonicalSeen || (!multiWordForm && e.type !== "city"));
    if (useGaz) name = e.gazName!;
    else {
      let best = "";
      let bt = 0;
      for (const f of e.forms.values()) {
        const nt = wordCount(f);
        if (!best || nt > bt || (nt === bt && f.length > best.length)) {
          best = f;
          bt = nt;
        }
      }
      name = best || e.gazName || "";
    }
  }
  return name;
}

const PLACE_TYPES = new Set<NameType>(["country", "state", "city", "region", "place"]);
/** A match score right after a name ("Sweden 1 – 0", "Belgium 3-0 Panama"), not a range of something or of dates ("Geneva 7-10 October"). */
const SCORE_AFTER =
  /^[ \t]+\d{1,2}[ \t]?[–—-][ \t]?\d{1,2}(?![\d%]|[.,:]\d|[ \t]*%|[ \t]+(?!(?:on|in|at|after|before|with|and|to|against|win|victory|defeat|loss|draw|lead|home|away|aggregate|up|down)\b)[a-z]|[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)/;
/** A win or loss by a score after a name ("Sweden defeated South Korea 1 – 0"). */
const SCORE_VERB_AFTER = /^[ \t]+(?:defeated|beat|edged|thrashed|routed|overcame|drew with|lost to)[ \t]+(?:[\p{L}'’-]+[ \t]+){1,3}\d{1,2}[ \t]?[–—-][ \t]?\d{1,2}(?![\d%]|[.,:]\d)/u;
/** A match score right before a name ("3 – 0 Panama", "lost 1 – 2 to England"). */
const SCORE_BEFORE = /(?:^|[^\d.,:])\d{1,2}[ \t]?[–—-][ \t]?\d{1,2}[ \t]+(?:(?:to|against|over|with)[ \t]+)?$/;

/** Whether a mention stands beside a match score. */
function scoreBeside(text: string, m: Span): boolean {
  const after = text.slice(m.end, m.end + 60);
  return SCORE_AFTER.test(after) || SCORE_VERB_AFTER.test(after) || SCORE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start));
}

/** Whether a mention is written right after "the" ("the Court", "the Guardian"). */
function afterThe(text: string, m: Span): boolean {
  return /\bthe\s$/i.test(text.slice(Math.max(0, m.start - 4), m.start));
}

/** Adjective endings of one-word forms ("Hellenic", "Pachomian", "Maltese"). */
const ADJECTIVE_FORM = /^\p{Lu}\p{Ll}+(?:ic|ian|ese|ish)$/u;

/** A capitalised word of lower-case letters ("Ozone", "Nonpartisan"). */
const ONE_WORD_CAP = /^\p{Lu}\p{Ll}+$/u;

/** The first form of an entity, or "". */
function firstForm(e: Ent): string {
  for (const f of e.forms.values()) return f;
  return "";
}

function stripParticle(l: string): string {
  const h = l.indexOf("-");
  if (h < 2 || h > 3) return l;
  return l.replace(/^(al|el|ad|as|an|ar|at|az|ash|ath)[-‐]/, "");
}

function wordCount(f: string): number {
  let n = 1;
  for (let i = 0; i < f.length; i++) if (f.charCodeAt(i) === 32) n++;
  return n;
}

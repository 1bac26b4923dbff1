/**
 * A fast regex word tokenizer that keeps offsets.
 *
 * Splits punctuation and a possessive 's ("Russia’s" → "Russia" "’s"), keeps dotted
 * abbreviations ("U.S.", "D.C."), initials ("F."), known title abbreviations ("Dr.")
 * and hyphenated / apostrophe names ("al-Sham", "Udvar-Hazy", "O'Brien") whole.
 */

import type { Span } from "./types.js";

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their period ("Dr.", "Inc."). Lower case. */
const ABBREV = new Set([
  "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd", "gen", "col", "lt", "sgt",
  "gov", "sen", "rep", "prof", "capt", "cpt", "maj", "adm", "mt", "ft", "rev", "hon", "no", "vs",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "llc", "bros",
  "pres", "brig", "cmdr", "cdr", "supt", "insp", "det", "pvt", "cpl", "ave", "blvd",
]);

// character classes of the BMP, filled lazily: 1 word char (letter, mark, digit), 2 other
const CLS = new Uint8Array(65536);
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
export function isWordCode(c: number): boolean {
  return isWord(c);
}
function isWord(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = CLS[c]!;
  if (k === 0) {
    k = WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
    CLS[c] = k;
  }
  return k === 1;
}
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return isWord(c) && ch !== ch.toLowerCase();
}
function isSpace(c: number): boolean {
  return (
    c === 32 || c === 10 || c === 13 || c === 9 || c === 11 || c === 12 || c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff ||
    c === 0x1680 || c === 0x202f || c === 0x205f
  );
}
function isInner(c: number): boolean {
  return c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 || c === 0x2018;
}
function isUrlChar(c: number): boolean {
  return !isSpace(c) && c !== 60 && c !== 62 && c !== 40 && c !== 41 && c !== 91 && c !== 93 && c !== 34 && c !== 39;
}

function isApos(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Start of a contraction suffix ('ll 're 've 'm 'd n't) in text[start, end), or -1. */
function contraction(text: string, start: number, end: number): number {
  // every suffix has an apostrophe second or third from the end
  if (!isApos(text.charCodeAt(end - 2)) && !isApos(text.charCodeAt(end - 3))) return -1;
  const lc = (k: number): number => text.charCodeAt(k) | 0x20;
  // 'll 're 've
  if (end - start > 3 && isApos(text.charCodeAt(end - 3))) {
    const a = lc(end - 2);
    const b = lc(end - 1);
    if ((a === 108 && b === 108) || (a === 114 && b === 101) || (a === 118 && b === 101)) return end - 3;
  }
  // 'm 'd
  if (isApos(text.charCodeAt(end - 2))) {
    const a = lc(end - 1);
    if (a === 109 || a === 100) return end - 2;
  }
  // n't
  if (end - start > 3 && lc(end - 3) === 110 && isApos(text.charCodeAt(end - 2)) && lc(end - 1) === 116) return end - 3;
  return -1;
}

/** "U.S.", "D.C." */
function isDotted(t: string): boolean {
  return t.length >= 4 && t.charCodeAt(t.length - 1) === 46 && t.charCodeAt(t.length - 3) === 46;
}
/** Words that begin sentences, so a sentence may end after "U.S." before them. */
const STARTERS = new Set([
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That",
  "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "After", "Before", "When", "While", "As",
  "If", "However", "Meanwhile", "According",
]);

/** "F." or a title abbreviation such as "Dr." (after which a sentence does not end). */
function isInitialOrTitle(t: string): boolean {
  if (t.length === 2 && t.charCodeAt(1) === 46 && isUpperAt(t, 0)) return true;
  if (t.charCodeAt(t.length - 1) !== 46) return false;
  const w = t.slice(0, -1).toLowerCase();
  return TITLE_ABBREV.has(w);
}
const TITLE_ABBREV = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "capt", "maj", "adm", "rev", "hon", "pres", "brig", "cmdr", "supt", "insp", "det", "pvt", "cpl", "no", "vs"]);

/** Whether the string has a letter or digit. */
export function hasWordChar(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isWord(w.charCodeAt(i))) return true;
  return false;
}

/** Tokens as parallel arrays (no object per token): the names layer's form. */
export interface TokenArrays {
  n: number;
  words: string[];
  ts: Int32Array;
  te: Int32Array;
  /**
   * Per token, made while scanning: TOK_UPPER (an upper-case code unit: hasUpper), TOK_CAP (the
   * first code unit upper case: isCap), TOK_FOLDS (upper case or ’: normTok changes the token),
   * TOK_LINE (a line break between it and the token before), TOK_STOP (the token is one of . ! ? …).
   * Absent when the caller built the arrays.
   */
  flags?: Uint8Array;
}

export const TOK_UPPER = 1;
export const TOK_CAP = 2;
export const TOK_FOLDS = 4;
export const TOK_LINE = 8;
export const TOK_STOP = 16;

/** The TOK_UPPER, TOK_CAP and TOK_FOLDS flags of text[start, end) (a token), read from the text. */
function caseFlags(text: string, start: number, end: number): number {
  let f = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        f = TOK_UPPER | TOK_FOLDS;
        break;
      }
    } else if (text[k] !== text[k]!.toLowerCase()) {
      f = TOK_UPPER | TOK_FOLDS;
      break;
    } else if (c === 0x2019) f = TOK_FOLDS;
  }
  const c0 = text.charCodeAt(start);
  if (c0 < 128 ? c0 >= 65 && c0 <= 90 : text[start] !== text[start]!.toLowerCase()) f |= TOK_CAP;
  return f;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function tokenize(text: string): Token[] {
  const ta = tokenArrays(text);
  const out = new Array<Token>(ta.n);
  for (let i = 0; i < ta.n; i++) out[i] = { text: ta.words[i]!, start: ta.ts[i]!, end: ta.te[i]! };
  return out;
}

/** The token texts of the last tokenArrays call and earlier longer ones (see there). */
const WORDS: string[] = [];

/** The tokens of tokenize(), as parallel arrays. */
export function tokenArrays(text: string): TokenArrays {
  // tokens go into one array kept from call to call (growing a new one token by token allocated
  // about three times its final size); the caller gets an exact copy
  const words = WORDS;
  // a short text (a name, a gazetteer phrase) gets arrays small enough for V8 to keep on its heap:
  // off-heap ones cost a malloc and external-memory accounting each, which dominated loading the
  // gazetteer (tens of thousands of short phrases)
  let ts = new Int32Array(8 + (text.length >> 2));
  let te = new Int32Array(ts.length);
  let flags = new Uint8Array(ts.length);
  let m = 0;
  const n = text.length;
  let i = 0;
  // a line break since the last token
  let line = 0;
  while (i < n) {
    if (m + 2 > ts.length) {
      ts = grow(ts);
      te = grow(te);
      const f = new Uint8Array(ts.length);
      f.set(flags);
      flags = f;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) line = TOK_LINE;
      i++;
      continue;
    }
    const start = i;
    // URL
    if ((c === 104 || c === 119) && (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i))) {
      let j = i + 4;
      while (j < n && isUrlChar(text.charCodeAt(j))) j++;
      words[m] = text.slice(start, j);
      flags[m] = line | caseFlags(text, start, j);
      line = 0;
      ts[m] = start;
      te[m++] = j;
      i = j;
      continue;
    }
    if (!isWord(c)) {
      words[m] = text[i]!;
      flags[m] = line | (c < 128 ? (c === 46 || c === 33 || c === 63 ? TOK_STOP : 0) : c === 0x2026 ? TOK_STOP : caseFlags(text, start, i + 1));
      line = 0;
      ts[m] = start;
      te[m++] = i + 1;
      i++;
      continue;
    }
    // dotted abbreviation: U.S., D.C.
    if ((c < 128 ? c >= 65 && c <= 90 : isUpperAt(text, i)) && text.charCodeAt(i + 1) === 46 && i + 2 < n && isUpperAt(text, i + 2) && text.charCodeAt(i + 3) === 46) {
      let j = i;
      while (j + 1 < n && isUpperAt(text, j) && text.charCodeAt(j + 1) === 46 && !(j + 2 < n && isWord(text.charCodeAt(j + 2)) && !isUpperAt(text, j + 2))) j += 2;
      if (j - i >= 4) {
        words[m] = text.slice(start, j);
        flags[m] = line | caseFlags(text, start, j);
        line = 0;
        ts[m] = start;
        te[m++] = j;
        i = j;
        continue;
      }
    }
    // word with inner hyphens/apostrophes
    let j = i + 1;
    // whether an apostrophe joined the word (contractions and possessives need one)
    let apos = false;
    // ASCII upper-case letters and other code units above 127 seen (ASCII upper case alone decides
    // the case flags; anything else is read again by caseFlags)
    let up = (c >= 65 && c <= 90) || c >= 128;
    for (;;) {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!isWord(d)) break;
        if ((d >= 65 && d <= 90) || d >= 128) up = true;
        j++;
      }
      if (j + 1 < n) {
        const q = text.charCodeAt(j);
        if (isInner(q) && isWord(text.charCodeAt(j + 1))) {
          if (isApos(q)) apos = true;
          // (the quotes ’ and ‘ are above 127)
          if (q >= 128) up = true;
          j += 2;
          // (the next code unit is read by the loop above: j - 1)
          const d = text.charCodeAt(j - 1);
          if ((d >= 65 && d <= 90) || d >= 128) up = true;
          continue;
        }
      }
      break;
    }
    // "A&M", "AT&T", "S&P": an ampersand between capitals inside a word
    while (j + 1 < n && text.charCodeAt(j) === 38 && j - start <= 3 && isUpperAt(text, j - 1) && isUpperAt(text, j + 1)) {
      j += 2;
      up = true;
      while (j < n && isWord(text.charCodeAt(j))) j++;
    }
    // contractions split off as in treebanks: "I'll" → "I" "'ll", "don't" → "do" "n't"
    if (apos && j - start > 2) {
      const cut = contraction(text, start, j);
      if (cut > start) {
        words[m] = text.slice(start, cut);
        words[m + 1] = text.slice(cut, j);
        flags[m] = line | caseFlags(text, start, cut);
        flags[m + 1] = caseFlags(text, cut, j);
        line = 0;
        ts[m] = start;
        te[m++] = cut;
        ts[m] = cut;
        te[m++] = j;
        i = j;
        continue;
      }
    }
    // possessive 's split off
    const last = apos ? text.charCodeAt(j - 1) : 0;
    if (apos && j - start > 2 && (last === 115 || last === 83) && (text.charCodeAt(j - 2) === 39 || text.charCodeAt(j - 2) === 0x2019)) {
      words[m] = text.slice(start, j - 2);
      words[m + 1] = text.slice(j - 2, j);
      flags[m] = line | caseFlags(text, start, j - 2);
      flags[m + 1] = caseFlags(text, j - 2, j);
      line = 0;
      ts[m] = start;
      te[m++] = j - 2;
      ts[m] = j - 2;
      te[m++] = j;
      i = j;
      continue;
    }
    let t = text.slice(start, j);
    if (text.charCodeAt(j) === 46) {
      if ((j - start === 1 && isUpperAt(text, start)) || (j - start <= 5 && ABBREV.has(t.toLowerCase()))) {
        j++;
        t += ".";
      }
    }
    words[m] = t;
    // (a period appended is no letter)
    flags[m] = line | (up ? caseFlags(text, start, j) : 0);
    line = 0;
    ts[m] = start;
    te[m++] = j;
    i = j;
  }
  return { n: m, words: words.slice(0, m), ts, te, flags };
}

const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "*", "_"]);

/**
 * Marks which tokens begin a sentence: the caller's sentence starts, line breaks, and
 * terminal punctuation followed by an upper-case or quote-initial token.
 */
export function sentenceStarts(text: string, tokens: Token[], sentences: Span[]): Uint8Array {
  const n = tokens.length;
  const words = new Array<string>(n);
  const ts = new Int32Array(n);
  const te = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    words[i] = t.text;
    ts[i] = t.start;
    te[i] = t.end;
  }
  return sentenceStartsOf(text, { n, words, ts, te }, sentences);
}

/** sentenceStarts over token arrays. */
export function sentenceStartsOf(text: string, tokens: TokenArrays, sentences: Span[]): Uint8Array {
  const { n, words, ts, te } = tokens;
  const starts = new Uint8Array(n);
  if (n === 0) return starts;
  starts[0] = 1;
  // caller's spans
  if (Array.isArray(sentences) && sentences.length > 0) {
    const ss: number[] = [];
    for (const s of sentences) {
      if (s && typeof s.start === "number" && Number.isFinite(s.start)) ss.push(s.start);
    }
    ss.sort((a, b) => a - b);
    let j = 0;
    for (let i = 0; i < n && j < ss.length; i++) {
      const tokStart = ts[i]!;
      const tokEnd = te[i]!;
      while (j < ss.length && ss[j]! < tokEnd && ss[j]! <= tokStart) {
        // no sentence starts right after an initial or a title abbreviation ("L. | Ron Hubbard")
        if (i === 0 || !(isInitialOrTitle(words[i - 1]!) || (isDotted(words[i - 1]!) && !STARTERS.has(words[i]!)))) starts[i] = 1;
        j++;
      }
      // skip starts that fall inside a token
      while (j < ss.length && ss[j]! < tokEnd) j++;
    }
  }
  const flags = tokens.flags;
  for (let i = 1; i < n; i++) {
    // a line break between the tokens
    let nl = false;
    if (flags !== undefined) nl = (flags[i]! & TOK_LINE) !== 0;
    else {
      const tokStart = ts[i]!;
      for (let c = te[i - 1]!; c < tokStart; c++) {
        if (text.charCodeAt(c) === 10) {
          nl = true;
          break;
        }
      }
    }
    if (nl) {
      starts[i] = 1;
      continue;
    }
    let stop: boolean;
    if (flags !== undefined) stop = (flags[i - 1]! & TOK_STOP) !== 0;
    else {
      const pt = words[i - 1]!;
      const pc = pt.charCodeAt(0);
      stop = pt.length === 1 && (pc === 46 || pc === 33 || pc === 63 || pc === 0x2026);
    }
    if (stop) {
      let k = i;
      while (k < n && CLOSERS.has(words[k]!)) k++;
      if (k < n) {
        const c = words[k]!;
        if (/^[\p{Lu}"“‘'\d]/u.test(c)) starts[k] = 1;
      }
    }
  }
  return starts;
}

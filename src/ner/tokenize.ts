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

// URL | dotted abbreviation | word (letters, inner hyphen/apostrophe) | number | any other char
const TOKEN_RE =
  /(?:https?:\/\/|www\.)[^\s<>()[\]"']+|(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’‘][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|\S/gu;

/** Abbreviations that keep their period ("Dr.", "Inc."). Lower case. */
const ABBREV = new Set([
  "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd", "gen", "col", "lt", "sgt",
  "gov", "sen", "rep", "prof", "capt", "cpt", "maj", "adm", "mt", "ft", "rev", "hon", "no", "vs",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "llc", "bros",
  "pres", "gov't", "brig", "cmdr", "cdr", "supt", "insp", "det", "sgt", "pvt", "cpl", "ave", "blvd",
]);

const POSSESSIVE_RE = /['’]s$/i;
const UPPER_RE = /^\p{Lu}$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let t = m[0];
    const start = m.index;
    let end = start + t.length;
    const c0 = t.charCodeAt(0);
    if (t.length > 2 && POSSESSIVE_RE.test(t) && c0 !== 0x68 /* not a URL */) {
      const cut = end - 2;
      out.push({ text: t.slice(0, -2), start, end: cut });
      out.push({ text: text.slice(cut, end), start: cut, end });
      continue;
    }
    if (text.charCodeAt(end) === 0x2e /* . */) {
      if ((t.length === 1 && UPPER_RE.test(t)) || (t.length <= 5 && ABBREV.has(t.toLowerCase()))) {
        end += 1;
        t += ".";
        TOKEN_RE.lastIndex = end;
      }
    }
    out.push({ text: t, start, end });
  }
  return out;
}

const TERMINAL = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "*", "_"]);

/**
 * Marks which tokens begin a sentence: the caller's sentence starts, line breaks, and
 * terminal punctuation followed by an upper-case or quote-initial token.
 */
export function sentenceStarts(text: string, tokens: Token[], sentences: Span[]): Uint8Array {
  const n = tokens.length;
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
      const tok = tokens[i]!;
      while (j < ss.length && ss[j]! < tok.end && ss[j]! <= tok.start) {
        starts[i] = 1;
        j++;
      }
      // skip starts that fall inside a token
      while (j < ss.length && ss[j]! < tok.end) j++;
    }
  }
  for (let i = 1; i < n; i++) {
    const prev = tokens[i - 1]!;
    const tok = tokens[i]!;
    // a line break between the tokens
    let nl = false;
    for (let c = prev.end; c < tok.start; c++) {
      if (text.charCodeAt(c) === 10) {
        nl = true;
        break;
      }
    }
    if (nl) {
      starts[i] = 1;
      continue;
    }
    if (TERMINAL.has(prev.text)) {
      let k = i;
      while (k < n && CLOSERS.has(tokens[k]!.text)) k++;
      if (k < n) {
        const c = tokens[k]!.text;
        if (/^[\p{Lu}"“‘'\d]/u.test(c)) starts[k] = 1;
      }
    }
  }
  return starts;
}

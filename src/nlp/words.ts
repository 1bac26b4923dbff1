/** A small word tokenizer with offsets, for the rule layers (sources, claims). */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/**
 * The definition: "U.S." and other dotted abbreviations stay whole; words keep inner hyphens and
 * apostrophes; any other character that is not white space is a token of its own. `words` is a
 * hand-written scanner that gives exactly this expression's tokens, about three times faster
 * (tests/words.test.ts compares the two).
 */
export const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** The tokens of the expression itself (the reference for tests). */
export function wordsByExpression(text: string, start = 0, end = text.length): Word[] {
  const slice = text.slice(start, end);
  const out: Word[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ text: m[0], lower: m[0].toLowerCase(), start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

const SPACE = 1;
const LETTER = 2;
const NUMBER = 4;
const UPPER = 8;
const classes = new Map<number, number>();
const ASCII_CLASSES = Uint8Array.from({ length: 128 }, (_, cp) =>
  cp >= 97 && cp <= 122 ? LETTER : cp >= 65 && cp <= 90 ? LETTER | UPPER : cp >= 48 && cp <= 57 ? NUMBER : cp === 32 || (cp >= 9 && cp <= 13) ? SPACE : 0,
);

/** Character class bits of a code point, as the expression's `\s`, `\p{L}`, `\p{N}`, `\p{Lu}` see it. */
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASSES[cp]!;
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = (/\s/u.test(ch) ? SPACE : 0) | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0);
    classes.set(cp, c);
  }
  return c;
}

/** `[\p{L}\p{N}]` for a code point. */
export function isLetterOrNumber(cp: number): boolean {
  return (classOf(cp) & (LETTER | NUMBER)) !== 0;
}

/** `\s` for a code point. */
export function isWhiteSpace(cp: number): boolean {
  return (classOf(cp) & SPACE) !== 0;
}

/** How many runs of letters (`\p{L}+`) `text` has, counting up to `max`. */
export function letterRuns(text: string, max: number): number {
  let count = 0;
  let inRun = false;
  for (let i = 0; i < text.length && count < max; ) {
    const cp = text.codePointAt(i)!;
    const letter = (classOf(cp) & LETTER) !== 0;
    if (letter && !inRun) count++;
    inRun = letter;
    i += cp > 0xffff ? 2 : 1;
  }
  return count;
}

export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  // The code point at i, as the expression sees the slice: a pair cut by `end` is a lone surrogate.
  const at = (i: number): number => {
    if (i >= end) return -1;
    const u = text.charCodeAt(i);
    if (u < 0xd800 || u > 0xdbff) return u;
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && i + 1 >= end ? u : cp;
  };
  const width = (cp: number): number => (cp > 0xffff ? 2 : 1);
  let i = start;
  while (i < end) {
    // The commonest tokens first, without the general scanner below: an ASCII white space, an ASCII
    // punctuation mark, or a run of ASCII letters and digits that an ASCII character other than a
    // hyphen or an apostrophe (or the end) closes, and that is not a capital and a period ("U.").
    const u0 = text.charCodeAt(i);
    if (u0 < 128) {
      const c0 = ASCII_CLASSES[u0]!;
      if (c0 & SPACE) {
        i++;
        continue;
      }
      if ((c0 & (LETTER | NUMBER)) === 0) {
        const t = text.slice(i, i + 1);
        out.push({ text: t, lower: t, start: i, end: i + 1 });
        i++;
        continue;
      }
      if (!(c0 & UPPER) || i + 1 >= end || text.charCodeAt(i + 1) !== 46) {
        let j = i + 1;
        let upper = (c0 & UPPER) !== 0;
        let u = j < end ? text.charCodeAt(j) : -1;
        while (u >= 0 && u < 128 && ASCII_CLASSES[u]! & (LETTER | NUMBER)) {
          if (u <= 90 && u >= 65) upper = true;
          u = ++j < end ? text.charCodeAt(j) : -1;
        }
        if (u < 0 || (u < 128 && u !== 45 && u !== 39)) {
          const t = text.slice(i, j);
          out.push({ text: t, lower: upper ? t.toLowerCase() : t, start: i, end: j });
          i = j;
          continue;
        }
      }
    }
    const cp = at(i);
    const c = classOf(cp);
    if (c & SPACE) {
      i += width(cp);
      continue;
    }
    let j = i;
    // only ASCII and no capital letter: the token is its own lower case (no toLowerCase call)
    let plain = true;
    // (?:\p{Lu}\.){2,}
    let pairs = 0;
    for (let k = i; ; ) {
      const u = at(k);
      if (u < 0 || !(classOf(u) & UPPER) || at(k + width(u)) !== 46) break;
      k += width(u) + 1;
      pairs++;
      j = k;
    }
    if (pairs < 2) {
      if (c & (LETTER | NUMBER)) {
        // [\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*
        j = i;
        for (;;) {
          let u = at(j);
          while (u >= 0 && classOf(u) & (LETTER | NUMBER)) {
            if (u >= 128 || (u >= 65 && u <= 90)) plain = false;
            j += width(u);
            u = at(j);
          }
          if (u !== 45 && u !== 39 && u !== 0x2019) break;
          const after = at(j + 1);
          if (after < 0 || !(classOf(after) & (LETTER | NUMBER))) break;
          if (u === 0x2019) plain = false;
          j += 1;
        }
      } else {
        j = i + width(cp);
        if (cp >= 128) plain = false;
      }
    } else plain = false;
    const t = text.slice(i, j);
    out.push({ text: t, lower: plain ? t : t.toLowerCase(), start: i, end: j });
    i = j;
  }
  return out;
}

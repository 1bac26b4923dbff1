/**
 * Sentence boundaries in plain text, fast: one pass over the candidate punctuation, with the rules
 * newswire needs — abbreviations and titles ("Gen.", "Dr."), initials ("J. Smith"), dotted
 * acronyms ("U.S."), decimals, closing quotes and brackets after the stop, and no break before a
 * lower-case word. We measured parse-english (retext-english's parser) at about 0.5 MB/s on this
 * corpus, too slow for the 3 MB/s target; tests compare the two on real news.
 */

/** Abbreviations that do not end a sentence when the next word is capitalised (lower case keys, no dot). */
const NEVER_FINAL = new Set(
  `mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj brig cpl pvt st mt ft jr sr rev hon pres supt insp det
   messrs mme mlle no nos vol vols fig figs pp op art sec ch para approx dept est inc ltd co corp bros vs v etc cf al
   jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun`.split(/\s+/),
);

/** Words that start sentences: after a dotted acronym ("the U.S. The …") they mean a boundary. */
const STARTERS = new Set(
  `the a an he she it they we i you his her its their our this that these those there here in on at for but and or so yet
   however meanwhile after before when while although though if as since because also still then now today yesterday
   according some many most several both all no one two three four five according officials police`.split(/\s+/),
);

const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»"]);

/** The characters that may end a sentence: . ! ? … */
const STOPS = /[.!?\u2026]/g;

export interface SentenceRange {
  start: number;
  end: number;
}

/** Splits `text` into sentence ranges (end exclusive), trimmed of surrounding whitespace. */
export function segment(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = skipSpace(text, 0);
  const n = text.length;
  for (let i = start; i < n; i++) {
    // . ! ? and … end sentences; so does a line break inside a block only when followed by a blank.
    // The next one is found by the expression (a native scan, several times faster than reading
    // every character here).
    STOPS.lastIndex = i;
    if (!STOPS.test(text)) break;
    i = STOPS.lastIndex - 1;
    const c = text.charCodeAt(i);
    let end = i + 1;
    while (end < n && (text.charCodeAt(end) === 46 || text.charCodeAt(end) === 33 || text.charCodeAt(end) === 63)) end++;
    while (end < n && CLOSERS.has(text[end]!)) end++;
    if (end < n && !isSpace(text.charCodeAt(end))) continue; // "3.5", "U.S.-led", "example.com"
    const next = skipSpace(text, end);
    if (next >= n) break;
    if (c === 46 && !boundaryAfterPeriod(text, start, i, next)) continue;
    if (!startsSentence(text, next)) continue;
    out.push({ start, end });
    start = next;
    i = next - 1;
  }
  const last = trimEnd(text, start, n);
  if (last > start) out.push({ start, end: last });
  return out;
}

function boundaryAfterPeriod(text: string, from: number, dot: number, next: number): boolean {
  // The word before the period.
  let w = dot;
  while (w > from && !isSpace(text.charCodeAt(w - 1)) && text[w - 1] !== "(" && text[w - 1] !== '"' && text[w - 1] !== "“") w--;
  const word = text.slice(w, dot);
  if (!word) return true;
  const bare = word.replace(/\.$/, "");
  const lower = bare.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  // An initial: "J. Smith", "George W. Bush".
  if (/^\p{Lu}$/u.test(bare)) return false;
  // Dotted acronyms ("U.S.", "a.m."): a boundary only before a typical sentence opener.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    const following = /^[\p{L}']+/u.exec(text.slice(next, next + 20))?.[0]?.toLowerCase() ?? "";
    return STARTERS.has(following);
  }
  return true;
}

/** A sentence starts with an upper-case letter, a digit, or an opening quote/bracket. */
function startsSentence(text: string, at: number): boolean {
  const ch = text[at]!;
  if (/[\p{Lu}\p{N}"“‘'(\[¿¡—–-]/u.test(ch)) return true;
  return /\p{Lo}/u.test(ch); // scripts without case
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

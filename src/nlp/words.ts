/** A small word tokenizer with offsets, for the rule layers (sources, claims). */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

// "U.S." and other dotted abbreviations stay whole; words keep inner hyphens and apostrophes.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function words(text: string, start = 0, end = text.length): Word[] {
  const slice = text.slice(start, end);
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    out.push({ text: m[0], lower: m[0].toLowerCase(), start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

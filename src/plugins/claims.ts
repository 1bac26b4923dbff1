/**
 * Claims: each sentence that asserts something, with who it is attributed to, the cue, how hedged,
 * and the actors and places it mentions.
 *
 * Reads: `file.data.sentences`, `file.data.attributions`, `file.data.actors`, `file.data.locations`,
 * `file.data.sources`, `file.data.meta`.
 * Writes: `file.data.claims` (schema `claim`s; `id` is `<article>-s<sentence>`).
 */
import type { VFile } from "vfile";
import type { Certainty, Claim, Mention } from "../types.js";
import { nameKey, slugify } from "../slug.js";
import { lineIndex } from "../util/messages.js";
import { letterRuns } from "../nlp/words.js";
import { piecesMask } from "../nlp/pieces.js";

declare module "vfile" {
  interface DataMap {
    claims: Claim[];
  }
}

/**
 * Hedges, longest first so "remains uncertain" wins over "uncertain". Lower-case modals only:
 * "May" is usually the month.
 */
const HEDGES: RegExp[] = [
  /\b(?:remains?|remained|is|are|was|were|still)\s+(?:uncertain|unclear|unconfirmed|unknown)\b/gi,
  /\bit\s+is\s+(?:not\s+)?(?:clear|unclear)\b/gi,
  /\bcould\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)\b/gi,
  /\b(?:is|are|was|were)\s+(?:said|believed|thought|understood|expected)\s+to\b/gi,
  /\b(?:reportedly|allegedly|apparently|purportedly|supposedly|seemingly|possibly|probably|perhaps|presumably|potentially)\b/gi,
  /\b(?:appears?|appeared|seems?|seemed)\b/gi,
  /\b(?:potential|possible|likely|unlikely|uncertain|unclear|unconfirmed|unverified|alleged|suspected|apparent)\b/gi,
  /\b(?:indications?|suggests?|suggested|signs?\s+that)\b/gi,
  /\b(?:may|might|could)\b/g,
];

const DATELINE = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})\.?$/i;

/** True when `text` has at least `n` words (runs of letters), counted without building a list. */
function atLeastWords(text: string, n: number): boolean {
  return letterRuns(text, n) >= n;
}

/**
 * A cheap first test (most sentences have no hedge): every match of each hedge above contains one
 * of that hedge's literal pieces below, compared with the same case folding (ASCII letters only, as
 * `i` without `u`). One pass over the sentence tells which hedges may match, and only those run.
 * tests/hedges.test.ts checks that the test never hides a hedge the full list finds.
 */
const HEDGE_PIECES: string[][] = [
  ["unc", "unknown"],
  ["clear"],
  ["could"],
  ["said", "believed", "thought", "understood", "expected"],
  ["reportedly", "allegedly", "apparent", "purportedly", "supposedly", "seemingly", "possibl", "probably", "perhaps", "presumably", "potential"],
  ["appear", "seem"],
  ["potential", "possibl", "likely", "unc", "unverified", "alleged", "suspected", "apparent"],
  ["indication", "suggest", "sign"],
  ["may", "might", "could"],
];
const hedgeMask = piecesMask(HEDGE_PIECES);
const ALL_HEDGES = (1 << HEDGES.length) - 1;

export function findHedges(sentence: string): string[] {
  const mask = hedgeMask(sentence);
  return mask ? hedgesIn(sentence, mask) : [];
}

/** The definition: every hedge, in order of the list, none overlapping an earlier one. */
export function findHedgesSlowly(sentence: string): string[] {
  return hedgesIn(sentence, ALL_HEDGES);
}

/** The hedges of the list whose bit is set in `mask`, in order of the list, none overlapping an earlier one. */
function hedgesIn(sentence: string, mask: number): string[] {
  const taken: Array<[number, number]> = [];
  const found: Array<[number, string]> = [];
  for (let k = 0; k < HEDGES.length; k++) {
    if ((mask & (1 << k)) === 0) continue;
    const re = HEDGES[k]!;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && a < e)) continue;
      taken.push([s, e]);
      found.push([s, m[0]]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

/** Sentences that carry no claim: headlines repeated as the first line, datelines, credits, fragments. */
export function isClaimSentence(text: string, title: string): boolean {
  if (Math.abs(text.length - title.length) < 8 && nameKey(text) === nameKey(title)) return false;
  if (text.length < 60 && DATELINE.test(text.trim())) return false;
  if (/^image:/i.test(text)) return false;
  return atLeastWords(text, 4);
}

export default function claims() {
  return (_tree: unknown, file: VFile): void => {
    const id = slugify(file.stem ?? "article");
    const title = file.data.meta?.title ?? "";
    const attributions = new Map((file.data.attributions ?? []).map((a) => [a.sentence, a]));
    const sources = new Map((file.data.sources ?? []).map((s) => [s.id, s]));
    // Which entities each sentence names, from the mentions' own sentence numbers (linear); a list
    // per sentence number, as sentence numbers count from 0 (a Map of them cost more than the rest).
    const bySentence = (entities: Array<{ id: string; mentions: Mention[] }>) => {
      const lists: Array<string[] | undefined> = [];
      for (const e of entities) {
        for (const m of e.mentions) {
          let ids = lists[m.sentence];
          if (ids === undefined) lists[m.sentence] = ids = [];
          if (!ids.includes(e.id)) ids.push(e.id);
        }
      }
      return lists;
    };
    const actorsIn = bySentence(file.data.actors ?? []);
    const locationsIn = bySentence(file.data.locations ?? []);
    const out: Claim[] = [];
    for (const sentence of file.data.sentences ?? []) {
      if (sentence.heading || !isClaimSentence(sentence.text, title)) continue;
      const attribution = attributions.get(sentence.index);
      const source = attribution?.source ?? null;
      const hedges = findHedges(sentence.text);
      const certainty: Certainty = hedges.length ? "hedged" : source ? "attributed" : "stated";
      const speaker = source ? (sources.get(source)?.actor ?? null) : null;
      const place = lineIndex(file).place(sentence.start);
      out.push({
        id: `${id}-s${sentence.index}`,
        text: sentence.text,
        sentence: sentence.index,
        line: place.line,
        column: place.column,
        source,
        cue: attribution?.cue ?? null,
        certainty,
        hedges,
        actors: (actorsIn[sentence.index] ?? []).filter((id) => id !== speaker),
        locations: locationsIn[sentence.index] ?? [],
      });
    }
    file.data.claims = out;
  };
}

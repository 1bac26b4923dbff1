/**
 * Feature templates of the averaged-perceptron tagger, shared by training (scripts/train.ts)
 * and tagging (tagger.ts). Features come in groups so the tagger can cache per word type the
 * weight sums of everything that depends only on one word (itself, or as a neighbour).
 */

export const CLASSES = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"] as const;
export type Tag = (typeof CLASSES)[number];
export const NCLASS = CLASSES.length;

/** Lower-case words that may continue a name though written lower case. */
export const CONNECTORS = new Set([
  "of", "the", "and", "&", "'s", "’s", "for", "on", "de", "del", "della", "di", "da", "du", "des", "la",
  "le", "al", "el", "bin", "ibn", "von", "van", "der", "den", "to", "y", "-", "in", "at", "'", "’",
]);

const DIGIT_ANY = /\d/;

/** Whether the word has an upper-case letter anywhere (fast path for ASCII). */
export function hasUpper(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) return true;
      continue;
    }
    const ch = w[i]!;
    if (ch !== ch.toLowerCase()) return true;
  }
  return false;
}

/** Whether the word starts with an upper-case letter. */
export function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = w[0]!;
  return ch !== ch.toLowerCase();
}

/**
 * Whether the tagger looks at this token at all; all others are O. Lower-case words are only
 * looked at as the continuation of a name (connectors, numbers).
 */
export function isCandidate(w: string, prevTag: number): boolean {
  if (hasUpper(w)) return true;
  if (prevTag === 0) return false;
  return CONNECTORS.has(w) || DIGIT_ANY.test(w);
}

function charClass(c: number, ch: string): string {
  if (c >= 65 && c <= 90) return "X";
  if (c >= 97 && c <= 122) return "x";
  if (c >= 48 && c <= 57) return "d";
  if (c < 128) return ch;
  const up = ch.toUpperCase();
  const lo = ch.toLowerCase();
  if (up === lo) return ch;
  return ch === up ? "X" : "x";
}

/** Word shape with runs capped at 3 ("Xxxx" → "Xxxx", "Khmeimim" → "Xxxx"); short shape caps at 1. */
export function shapes(w: string): [string, string] {
  let long = "";
  let short = "";
  let last = "";
  let run = 0;
  const n = Math.min(w.length, 20);
  for (let i = 0; i < n; i++) {
    const cls = charClass(w.charCodeAt(i), w[i]!);
    if (cls === last) {
      run++;
    } else {
      run = 1;
      last = cls;
      short += cls;
    }
    if (run <= 3) long += cls;
  }
  return [long, short];
}

/** Per-word information the templates need. */
export interface WordInfo {
  w: string;
  lw: string;
  sh: string;
  ss: string;
  /** "L" when the lower-case form is a common lower-case word in the training data, else "". */
  lcv: string;
}

export function wordInfo(w: string, lcv: Set<string>): WordInfo {
  const lw = w.toLowerCase();
  const [sh, ss] = shapes(w);
  return { w, lw, sh, ss, lcv: lw !== w && lcv.has(lw) ? "L" : lw === w ? "l" : "" };
}

/** Features that depend only on the word itself. */
export function selfFeats(x: WordInfo, out: string[]): void {
  const lw = x.lw;
  out.push("b", "w=" + lw, "W=" + x.w, "sh=" + x.sh, "ss=" + x.ss, "lcv=" + x.lcv);
  const n = lw.length;
  if (n > 2) {
    out.push("p2=" + lw.slice(0, 2), "s2=" + lw.slice(-2));
  }
  if (n > 3) {
    out.push("p3=" + lw.slice(0, 3), "s3=" + lw.slice(-3));
  }
  if (n > 4) out.push("s4=" + lw.slice(-4));
  if (lw.indexOf("-") > 0) out.push("hy=" + lw.slice(0, lw.indexOf("-") + 1));
  out.push("len=" + (n > 8 ? 8 : n));
}

/** Features of the previous word. */
export function left1Feats(x: WordInfo, out: string[]): void {
  out.push("w-1=" + x.lw, "sh-1=" + x.ss, "lcv-1=" + x.lcv);
}
export function right1Feats(x: WordInfo, out: string[]): void {
  out.push("w+1=" + x.lw, "sh+1=" + x.ss, "lcv+1=" + x.lcv);
}
export function left2Feats(x: WordInfo, out: string[]): void {
  out.push("w-2=" + x.lw);
}
export function right2Feats(x: WordInfo, out: string[]): void {
  out.push("w+2=" + x.lw);
}

export const PAD: WordInfo = { w: "<s>", lw: "<s>", sh: "<s>", ss: "<s>", lcv: "" };
export const PAD_END: WordInfo = { w: "</s>", lw: "</s>", sh: "</s>", ss: "</s>", lcv: "" };

/** Context features: sentence position, gazetteer, previous tags, and a few conjunctions. */
export function ctxFeats(
  cur: WordInfo,
  prev: WordInfo,
  next: WordInfo,
  first: boolean,
  gaz: string,
  gazPrev: string,
  gazNext: string,
  t1: number,
  t2: number,
  out: string[],
): void {
  const tp = CLASSES[t1]!;
  out.push(
    "t-1=" + tp,
    "t-2=" + CLASSES[t2]! + "|" + tp,
    "t-1|ss=" + tp + "|" + cur.ss,
    "t-1|w=" + tp + "|" + cur.lw,
    "g=" + gaz,
    "g-1=" + gazPrev,
    "g+1=" + gazNext,
    "g|ss=" + gaz + "|" + cur.ss,
  );
  if (first) out.push("F", "F|lcv=" + cur.lcv, "F|w=" + cur.lw, "F|g=" + gaz, "F|ss+1=" + next.ss);
}

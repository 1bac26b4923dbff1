/**
 * Greedy left-to-right averaged-perceptron tagger (IOB2 over PER/ORG/LOC/MISC).
 * Only candidate tokens (capitalised, or continuing a name) are scored; the rest are O.
 * Weight sums of word-only feature groups are cached per word type, so a token costs a few
 * vector additions plus the context features.
 */

import {
  CLASSES,
  NCLASS,
  PAD,
  PAD_END,
  ctxFeats,
  hasUpper,
  isCap,
  isCandidate,
  left1Feats,
  left2Feats,
  right1Feats,
  right2Feats,
  selfFeats,
  wordInfo,
  type WordInfo,
} from "./features.js";
import { GAZ_END, GAZ_FIRST, GAZ_NONE, GAZ_START, GAZ_VALUES, gazBCode, gazICode, normTok, type GazHit, type GazMatch, type Gazetteer } from "./gazetteer.js";
import type { Model } from "./model.js";

/** Whether tag `t` may follow tag `prev` (I-X only after B-X/I-X). */
export function allowed(prev: number, t: number): boolean {
  return ALLOWED[prev * NCLASS + t] === 1;
}
/** I-X after a tag of another type becomes B-X. */
export function repair(prev: number, t: number): number {
  return ALLOWED[prev * NCLASS + t] === 1 ? t : t - 1;
}
const ALLOWED = new Uint8Array(NCLASS * NCLASS);
for (let p = 0; p < NCLASS; p++)
  for (let t = 0; t < NCLASS; t++) {
    const c = CLASSES[t]!;
    const pc = CLASSES[p]!;
    ALLOWED[p * NCLASS + t] = c[0] !== "I" || (pc !== "O" && pc.slice(2) === c.slice(2)) ? 1 : 0;
  }

/** The input of one sentence, as the feature templates need it. */
export interface SentenceView {
  infos: WordInfo[];
  gaz: string[];
  first: number; // index of the first token (sentence start)
  end: number;
}

/** Per word type: the word's features and cached weight sums. */
export interface RInfo {
  x: WordInfo;
  /** gazetteer key form of the token */
  low: string;
  /** has an upper-case letter */
  upper: boolean;
  /** starts with an upper-case letter */
  cap: boolean;
  self: Float32Array | undefined;
  l1: Float32Array | undefined;
  r1: Float32Array | undefined;
  l2: Float32Array | undefined;
  r2: Float32Array | undefined;
  /** "t-1|ss" + "t-1|w" for every previous tag: NCLASS × NCLASS */
  pw: Float32Array | undefined;
  /** "g|ss" for every gazetteer code, NCLASS per code: the table of the word's short shape (shared) */
  gss: Float32Array | undefined;
  /** sentence-initial features "F", "F|lcv", "F|w" */
  fv: Float32Array | undefined;
  /** "F|ss+1" with this word next */
  fnext: Float32Array | undefined;
  /** longest gazetteer phrase starting with this word (0: none) */
  gmax: number;
  /** gazetteer entry of the word alone */
  g1: GazHit | null;
  firstName: boolean;
  /** second words of the gazetteer phrases starting with this word (gmax > 1) */
  second: Set<string> | undefined;
}

/**
 * Fast scorer: the feature templates of features.ts, with every weight sum that depends on one
 * word (or on one small value: tags, gazetteer codes) cached or tabulated.
 */
export class Tagger {
  private readonly buf: string[] = [];
  private readonly scores = new Float32Array(NCLASS);
  private readonly infoCache = new Map<string, RInfo>();
  /** "g|ss" sums per short shape (gssOfShape) */
  private readonly gssByShape = new Map<string, Float32Array>();
  /** "t-1|ss" sums per short shape (pssOfShape) */
  private readonly pssByShape = new Map<string, Float32Array>();
  /** "g=", "g-1=", "g+1=" per gazetteer code */
  private readonly gazTab: Float32Array[];
  /** "t-1=" and "t-2=" for (t2, t1, class) */
  private readonly tt = new Float32Array(NCLASS * NCLASS * NCLASS);
  readonly padInfo: RInfo;
  /** "F|g=" per gazetteer code */
  private readonly fgTab: Float32Array;
  /** never tag O a capitalised, non-sentence-initial word that is not a common lower-case word */
  forceCaps = true;
  readonly padEndInfo: RInfo;

  constructor(
    readonly model: Model,
    readonly gaz: Gazetteer,
  ) {
    const one: string[] = [];
    for (let t2 = 0; t2 < NCLASS; t2++)
      for (let t1 = 0; t1 < NCLASS; t1++) {
        one.length = 0;
        one.push("t-1=" + CLASSES[t1]!, "t-2=" + CLASSES[t2]! + "|" + CLASSES[t1]!);
        const v = new Float32Array(NCLASS);
        this.addFeats(one, v);
        this.tt.set(v, (t2 * NCLASS + t1) * NCLASS);
      }
    this.gazTab = ["g=", "g-1=", "g+1="].map((prefix) => {
      const tab = new Float32Array(GAZ_VALUES.length * NCLASS);
      GAZ_VALUES.forEach((g, code) => {
        const v = new Float32Array(NCLASS);
        this.addFeats([prefix + g], v);
        tab.set(v, code * NCLASS);
      });
      return tab;
    });
    this.fgTab = new Float32Array(GAZ_VALUES.length * NCLASS);
    GAZ_VALUES.forEach((g, code) => {
      const v = new Float32Array(NCLASS);
      this.addFeats(["F|g=" + g], v);
      this.fgTab.set(v, code * NCLASS);
    });
    this.padInfo = this.mk(PAD);
    this.padEndInfo = this.mk(PAD_END);
  }

  private mk(x: WordInfo): RInfo {
    // every field present from the start: one hidden class for all infos
    const r: RInfo = {
      x,
      low: normTok(x.w),
      upper: hasUpper(x.w),
      cap: isCap(x.w),
      self: undefined,
      l1: undefined,
      r1: undefined,
      l2: undefined,
      r2: undefined,
      pw: undefined,
      gss: undefined,
      fv: undefined,
      fnext: undefined,
      gmax: 0,
      g1: null,
      firstName: false,
      second: undefined,
    };
    if (r.cap) {
      r.gmax = this.gaz.maxLen.get(r.low) ?? 0;
      r.g1 = this.gaz.single(r.low, x.w);
      r.firstName = this.gaz.firstNames.has(x.w);
      if (r.gmax > 1) r.second = this.gaz.second.get(r.low);
    }
    return r;
  }

  /**
   * Gazetteer codes of one sentence from cached word infos; the same result as gazFeatures
   * (which training uses), with the first-word lookups cached per word type.
   */
  private gazCodes(infos: (RInfo | undefined)[], words: string[], low: string[], from: number, to: number, out: Uint8Array, matches?: (GazMatch | null)[], cap?: Uint8Array): void {
    out.fill(GAZ_NONE, from, to);
    let i = from;
    while (i < to) {
      if (cap !== undefined ? cap[i] === 0 : !isCap(words[i]!)) {
        i++;
        continue;
      }
      const r = infos[i] ?? (infos[i] = this.info(words[i]!));
      let best: GazMatch | null = null;
      if (r.gmax > 0) {
        if (r.g1) best = { len: 1, hit: r.g1 };
        // no phrase and no prefix "x y" unless y is a second word of x (skips building the key)
        if (r.gmax > 1 && i + 1 < to && r.second !== undefined && r.second.has(low[i + 1]!)) {
          let key = r.low;
          for (let l = 2; l <= r.gmax && i + l <= to; l++) {
            key += " " + low[i + l - 1]!;
            const h = this.gaz.phrases.get(key);
            if (h) best = { len: l, hit: h };
            else if (!this.gaz.prefixes.has(key)) break;
          }
        }
      }
      if (best) {
        if (matches) matches[i] = best;
        out[i] = gazBCode(best.hit.cat);
        const ic = gazICode(best.hit.cat);
        for (let k = 1; k < best.len; k++) out[i + k] = ic;
        i += best.len;
        continue;
      }
      if (r.firstName) out[i] = GAZ_FIRST;
      i++;
    }
  }

  /** The cached info of a word type. */
  info(w: string): RInfo {
    let r = this.infoCache.get(w);
    if (r === undefined) {
      if (this.infoCache.size > 100_000) {
        this.infoCache.clear();
        this.gssByShape.clear();
        this.pssByShape.clear();
      }
      r = this.mk(wordInfo(w, this.model.lcv));
      this.infoCache.set(w, r);
    }
    return r;
  }

  private sum(fn: (x: WordInfo, out: string[]) => void, x: WordInfo): Float32Array {
    const v = new Float32Array(NCLASS);
    const buf = this.buf;
    buf.length = 0;
    fn(x, buf);
    this.addFeats(buf, v);
    return v;
  }

  private addFeats(feats: string[], acc: Float32Array): void {
    const { index } = this.model;
    for (let k = 0; k < feats.length; k++) {
      const id = index.get(feats[k]!);
      if (id !== undefined) this.addIdx(id, acc);
    }
  }

  private addIdx(id: number, acc: Float32Array): void {
    const W = this.model.W;
    const o = id * NCLASS;
    for (let c = 0; c < NCLASS; c++) acc[c] = acc[c]! + W[o + c]!;
  }

  /**
   * "t-1|ss" + "t-1|w" for every previous tag. The "t-1|ss" half depends on the short shape alone:
   * it comes from the shape's table (filled once), so a new word type builds and looks up 9
   * feature keys, not 18. The sums are made in the templates' order, as addFeats would.
   */
  private pwFor(r: RInfo): Float32Array {
    const pw = new Float32Array(this.pssOfShape(r.x.ss));
    const W = this.model.W;
    for (let t = 0; t < NCLASS; t++) {
      const id = this.model.index.get("t-1|w=" + CLASSES[t]! + "|" + r.x.lw);
      if (id === undefined) continue;
      const o = id * NCLASS;
      const po = t * NCLASS;
      for (let c = 0; c < NCLASS; c++) pw[po + c] = pw[po + c]! + W[o + c]!;
    }
    r.pw = pw;
    return pw;
  }

  /** The "t-1|ss" weight sums for every previous tag (NCLASS × NCLASS) of one short shape. */
  private pssOfShape(ss: string): Float32Array {
    return this.shapeTable(this.pssByShape, "t-1|ss=", CLASSES, ss);
  }

  /**
   * The "g|ss" weight sums of every gazetteer code for one short shape ("g|ss" depends on the word's
   * shape alone: a few hundred tables, each shared by every word of that shape).
   */
  private gssOfShape(ss: string): Float32Array {
    return this.shapeTable(this.gssByShape, "g|ss=", GAZ_VALUES, ss);
  }

  /**
   * A table of weight sums for one short shape, one row (NCLASS wide) per value: the row of value v
   * sums the weights of feature `prefix + v + "|" + ss` (zeros when the model has none). Made once per
   * shape and kept in `tables`.
   */
  private shapeTable(tables: Map<string, Float32Array>, prefix: string, values: readonly string[], ss: string): Float32Array {
    let tab = tables.get(ss);
    if (tab === undefined) {
      tab = new Float32Array(values.length * NCLASS);
      const W = this.model.W;
      for (let v = 0; v < values.length; v++) {
        const id = this.model.index.get(prefix + values[v]! + "|" + ss);
        if (id === undefined) continue;
        const o = id * NCLASS;
        const row = v * NCLASS;
        for (let c = 0; c < NCLASS; c++) tab[row + c] = tab[row + c]! + W[o + c]!;
      }
      tables.set(ss, tab);
    }
    return tab;
  }

  /**
   * Tags tokens [from, to) of one sentence; `infos[i]` is the info of token i. Writes class
   * indices into `tags`, gazetteer codes into `gazOut` and gazetteer matches into `matches`.
   */
  tagSentence(
    infos: (RInfo | undefined)[],
    words: string[],
    low: string[],
    from: number,
    to: number,
    gazOut: Uint8Array,
    tags: Uint8Array,
    matches?: (GazMatch | null)[],
    /** optional: 1 where hasUpper(words[i]) */
    upper?: Uint8Array,
    /** optional: 1 where isCap(words[i]) */
    cap?: Uint8Array,
  ): void {
    this.gazCodes(infos, words, low, from, to, gazOut, matches, cap);
    // a title-case line (headline, caption) capitalises ordinary words: no forcing there
    let capWords = 0;
    let allWords = 0;
    for (let i = from; i < to; i++) {
      const w = words[i]!;
      const c = w.charCodeAt(0);
      if (w.length < 4 || !((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
      allWords++;
      if (c <= 90) capWords++;
    }
    const forceHere = this.forceCaps && !(allWords >= 4 && capWords >= 0.7 * allWords);
    let t1 = 0;
    let t2 = 0;
    const s = this.scores;
    const tt = this.tt;
    const [g0t, g1t, g2t] = this.gazTab as [Float32Array, Float32Array, Float32Array];
    for (let i = from; i < to; i++) {
      const w0 = words[i]!;
      // lower-case words after O are O: no lookup at all
      if (t1 === 0 && (upper !== undefined ? upper[i] === 0 : !hasUpper(w0))) {
        tags[i] = 0;
        t2 = t1;
        continue;
      }
      const cur = infos[i] ?? (infos[i] = this.info(w0));
      if (!cur.upper && (t1 === 0 || !isCandidate(cur.x.w, t1))) {
        tags[i] = 0;
        t2 = t1;
        t1 = 0;
        continue;
      }
      const prev = i - 1 >= from ? (infos[i - 1] ?? (infos[i - 1] = this.info(words[i - 1]!))) : this.padInfo;
      const prev2 = i - 2 >= from ? (infos[i - 2] ?? (infos[i - 2] = this.info(words[i - 2]!))) : this.padInfo;
      const next = i + 1 < to ? (infos[i + 1] ?? (infos[i + 1] = this.info(words[i + 1]!))) : this.padEndInfo;
      const next2 = i + 2 < to ? (infos[i + 2] ?? (infos[i + 2] = this.info(words[i + 2]!))) : this.padEndInfo;
      const a = cur.self ?? (cur.self = this.sum(selfFeats, cur.x));
      const b = prev.l1 ?? (prev.l1 = this.sum(left1Feats, prev.x));
      const c1 = next.r1 ?? (next.r1 = this.sum(right1Feats, next.x));
      const d = prev2.l2 ?? (prev2.l2 = this.sum(left2Feats, prev2.x));
      const e = next2.r2 ?? (next2.r2 = this.sum(right2Feats, next2.x));
      const pw = cur.pw ?? this.pwFor(cur);
      const g = gazOut[i]!;
      const gss = cur.gss ?? (cur.gss = this.gssOfShape(cur.x.ss));
      const tto = (t2 * NCLASS + t1) * NCLASS;
      const pwo = t1 * NCLASS;
      const go = g * NCLASS;
      const gpo = (i - 1 >= from ? gazOut[i - 1]! : GAZ_START) * NCLASS;
      const gno = (i + 1 < to ? gazOut[i + 1]! : GAZ_END) * NCLASS;
      for (let c = 0; c < NCLASS; c++)
        s[c] =
          a[c]! + b[c]! + c1[c]! + d[c]! + e[c]! + tt[tto + c]! + pw[pwo + c]! + g0t[go + c]! + g1t[gpo + c]! + g2t[gno + c]! + gss[go + c]!;
      if (i === from) {
        const buf = this.buf;
        if (!cur.fv) {
          buf.length = 0;
          buf.push("F", "F|lcv=" + cur.x.lcv, "F|w=" + cur.x.lw);
          cur.fv = new Float32Array(NCLASS);
          this.addFeats(buf, cur.fv);
        }
        if (!next.fnext) {
          buf.length = 0;
          buf.push("F|ss+1=" + next.x.ss);
          next.fnext = new Float32Array(NCLASS);
          this.addFeats(buf, next.fnext);
        }
        const fv = cur.fv;
        const fn = next.fnext;
        const fg = this.fgTab;
        const fgo = g * NCLASS;
        for (let c = 0; c < NCLASS; c++) s[c] = s[c]! + fv[c]! + fn[c]! + fg[fgo + c]!;
      }
      let best = 0;
      let bestScore = -Infinity;
      // a capitalised word inside a sentence that is no ordinary word is a name: O is not an option
      const force = forceHere && i !== from && cur.cap && cur.x.lcv === "";
      for (let c = force ? 1 : 0; c < NCLASS; c++) {
        if (s[c]! > bestScore) {
          bestScore = s[c]!;
          best = c;
        }
      }
      if (ALLOWED[t1 * NCLASS + best] === 0) best -= 1;
      tags[i] = best;
      t2 = t1;
      t1 = best;
    }
  }

  /** Reference scorer (string features, no caches); the tests check the fast path against it. */
  scoreReference(feats: string[]): Float32Array {
    const v = new Float32Array(NCLASS);
    this.addFeats(feats, v);
    return v;
  }
}

/** All feature strings of token i (training; mirrors Tagger.tagSentence). */
export function allFeatures(
  infos: WordInfo[],
  gaz: string[],
  from: number,
  to: number,
  i: number,
  t1: number,
  t2: number,
  out: string[],
): void {
  const cur = infos[i]!;
  const prev = i - 1 >= from ? infos[i - 1]! : PAD;
  const next = i + 1 < to ? infos[i + 1]! : PAD_END;
  selfFeats(cur, out);
  left1Feats(prev, out);
  right1Feats(next, out);
  left2Feats(i - 2 >= from ? infos[i - 2]! : PAD, out);
  right2Feats(i + 2 < to ? infos[i + 2]! : PAD_END, out);
  ctxFeats(
    cur,
    prev,
    next,
    i === from,
    gaz[i]!,
    i - 1 >= from ? gaz[i - 1]! : "<s>",
    i + 1 < to ? gaz[i + 1]! : "</s>",
    t1,
    t2,
    out,
  );
}

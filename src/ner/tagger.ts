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
  isCandidate,
  left1Feats,
  left2Feats,
  right1Feats,
  right2Feats,
  selfFeats,
  wordInfo,
  type WordInfo,
} from "./features.js";
import { gazFeatures, type Gazetteer } from "./gazetteer.js";
import type { Model } from "./model.js";

/** Whether tag `t` may follow tag `prev` (I-X only after B-X/I-X). */
export function allowed(prev: number, t: number): boolean {
  const c = CLASSES[t]!;
  if (c.charCodeAt(0) !== 73 /* I */) return true;
  const p = CLASSES[prev]!;
  return p !== "O" && p.slice(2) === c.slice(2);
}

/** The input of one sentence, as the feature templates need it. */
export interface SentenceView {
  infos: WordInfo[];
  gaz: string[];
  first: number; // index of the first token (sentence start)
  end: number;
}

type Group = (x: WordInfo, out: string[]) => void;

export class Tagger {
  private readonly caches: Map<string, Float32Array>[] = [new Map(), new Map(), new Map(), new Map(), new Map()];
  private readonly groups: Group[] = [selfFeats, left1Feats, right1Feats, left2Feats, right2Feats];
  private readonly buf: string[] = [];
  private readonly scores = new Float32Array(NCLASS);
  readonly infoCache = new Map<string, WordInfo>();

  constructor(
    readonly model: Model,
    readonly gaz: Gazetteer,
  ) {}

  info(w: string): WordInfo {
    let x = this.infoCache.get(w);
    if (x === undefined) {
      if (this.infoCache.size > 200_000) this.infoCache.clear();
      x = wordInfo(w, this.model.lcv);
      this.infoCache.set(w, x);
    }
    return x;
  }

  private groupSum(g: number, x: WordInfo): Float32Array {
    const cache = this.caches[g]!;
    let v = cache.get(x.w);
    if (v !== undefined) return v;
    v = new Float32Array(NCLASS);
    const buf = this.buf;
    buf.length = 0;
    this.groups[g]!(x, buf);
    this.addFeats(buf, v);
    if (cache.size > 200_000) cache.clear();
    cache.set(x.w, v);
    return v;
  }

  private addFeats(feats: string[], acc: Float32Array): void {
    const { index, W } = this.model;
    for (let k = 0; k < feats.length; k++) {
      const id = index.get(feats[k]!);
      if (id === undefined) continue;
      const o = id * NCLASS;
      for (let c = 0; c < NCLASS; c++) acc[c] = acc[c]! + W[o + c]!;
    }
  }

  /** Tags tokens [from, to) of one sentence; writes class indices into `tags`. */
  tagSentence(words: string[], low: string[], from: number, to: number, gazOut: string[], tags: Uint8Array): void {
    gazFeatures(this.gaz, words, low, from, to, gazOut);
    let t1 = 0;
    let t2 = 0;
    const s = this.scores;
    const buf = this.buf;
    for (let i = from; i < to; i++) {
      const w = words[i]!;
      if (!isCandidate(w, t1)) {
        tags[i] = 0;
        t2 = t1;
        t1 = 0;
        continue;
      }
      const cur = this.info(w);
      const prev = i - 1 >= from ? this.info(words[i - 1]!) : PAD;
      const next = i + 1 < to ? this.info(words[i + 1]!) : PAD_END;
      const prev2 = i - 2 >= from ? this.info(words[i - 2]!) : PAD;
      const next2 = i + 2 < to ? this.info(words[i + 2]!) : PAD_END;
      s.set(this.groupSum(0, cur));
      const a = this.groupSum(1, prev);
      const b = this.groupSum(2, next);
      const c2 = this.groupSum(3, prev2);
      const d = this.groupSum(4, next2);
      for (let c = 0; c < NCLASS; c++) s[c] = s[c]! + a[c]! + b[c]! + c2[c]! + d[c]!;
      buf.length = 0;
      ctxFeats(
        cur,
        prev,
        next,
        i === from,
        gazOut[i]!,
        i - 1 >= from ? gazOut[i - 1]! : "<s>",
        i + 1 < to ? gazOut[i + 1]! : "</s>",
        t1,
        t2,
        buf,
      );
      this.addFeats(buf, s);
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < NCLASS; c++) {
        if (s[c]! > bestScore && allowed(t1, c)) {
          bestScore = s[c]!;
          best = c;
        }
      }
      tags[i] = best;
      t2 = t1;
      t1 = best;
    }
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

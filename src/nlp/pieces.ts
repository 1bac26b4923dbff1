/**
 * Whether a text holds any of a list of ASCII-letter pieces, letter case ignored: what
 * `new RegExp(pieces.join("|"), "i").test(text)` answers, as one pass of an automaton (Aho–Corasick)
 * over the text: one table read per character instead of the expression trying every piece at
 * every position, which cost the quick first tests of the rule layers more than the work they saved.
 */

/** Letters a–z are 0–25 (either case); every other character leaves the automaton at its root. */
const LETTERS = 26;

/** The letter a code unit is (0–25, either case), or -1 when it is no ASCII letter. */
const letterOf = (u: number): number => (u >= 97 && u <= 122 ? u - 97 : u >= 65 && u <= 90 ? u - 65 : -1);

export interface PiecesOptions {
  /** Characters (not ASCII letters) whose presence anywhere answers true (the callers' case-folding guards). */
  always?: string;
}

export function piecesMatcher(pieces: readonly string[], options: PiecesOptions = {}): (text: string) => boolean {
  const { delta, accept } = automaton([pieces]);
  const always = alwaysSet(options);
  const anyPiece = accept.some((a) => a !== 0);
  return (text: string): boolean => {
    if (!anyPiece && always.size === 0) return false;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const c = letterOf(u);
      if (c < 0) {
        if (always.size > 0 && always.has(u)) return true;
        s = 0;
        continue;
      }
      s = delta[s * LETTERS + c]!;
      if (accept[s] !== 0) return true;
    }
    return false;
  };
}

/**
 * Which of several lists of pieces a text holds, letter case ignored, in one pass: bit `g` of the
 * answer is set when the text holds a piece of `groups[g]` (at most 31 groups). It lets a caller
 * with several expressions run only those whose pieces are present.
 */
export function piecesMask(groups: ReadonlyArray<readonly string[]>): (text: string) => number {
  if (groups.length > 31) throw new Error("piecesMask: at most 31 groups");
  const { delta, accept } = automaton(groups);
  return (text: string): number => {
    let mask = 0;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = letterOf(text.charCodeAt(i));
      if (c < 0) {
        s = 0;
        continue;
      }
      s = delta[s * LETTERS + c]!;
      mask |= accept[s]!;
    }
    return mask;
  };
}

function alwaysSet(options: PiecesOptions): Set<number> {
  const always = new Set([...(options.always ?? "")].map((ch) => ch.charCodeAt(0)));
  for (const u of always) if (letterOf(u) >= 0) throw new Error(`piecesMatcher: an ASCII letter cannot be an "always" character: ${String.fromCharCode(u)}`);
  return always;
}

/**
 * The Aho–Corasick automaton of the pieces: `delta` the full transition function over a–z, and
 * `accept[s]` the bits of the groups with a piece ending at state s (its own, or one its failure
 * chain reaches).
 */
function automaton(groups: ReadonlyArray<readonly string[]>): { delta: Int32Array; accept: Int32Array } {
  for (const pieces of groups) for (const p of pieces) if (!/^[A-Za-z]+$/.test(p)) throw new Error(`piecesMatcher: not a run of ASCII letters: ${JSON.stringify(p)}`);
  // The trie of the pieces, lower case.
  const next: number[][] = [new Array<number>(LETTERS).fill(-1)];
  const final: number[] = [0];
  groups.forEach((pieces, g) => {
    for (const p of pieces) {
      let s = 0;
      for (const ch of p.toLowerCase()) {
        const c = ch.charCodeAt(0) - 97;
        if (next[s]![c]! < 0) {
          next[s]![c] = next.length;
          next.push(new Array<number>(LETTERS).fill(-1));
          final.push(0);
        }
        s = next[s]![c]!;
      }
      final[s]! |= 1 << g;
    }
  });
  // Failure links breadth first; the table becomes the full transition function.
  const delta = new Int32Array(next.length * LETTERS);
  const accept = new Int32Array(next.length);
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let c = 0; c < LETTERS; c++) {
    const t = next[0]![c]!;
    delta[c] = t < 0 ? 0 : t;
    if (t >= 0) queue.push(t);
  }
  accept[0] = final[0]!;
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    accept[s] = final[s]! | accept[fail[s]!]!;
    for (let c = 0; c < LETTERS; c++) {
      const t = next[s]![c]!;
      if (t < 0) delta[s * LETTERS + c] = delta[fail[s]! * LETTERS + c]!;
      else {
        fail[t] = delta[fail[s]! * LETTERS + c]!;
        delta[s * LETTERS + c] = t;
        queue.push(t);
      }
    }
  }
  return { delta, accept };
}

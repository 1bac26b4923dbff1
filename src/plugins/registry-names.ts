/**
 * Finds the registry's names and aliases in an article (the names plugin adds the ones the
 * recogniser missed). The definition is one regular expression over every form, longest first,
 * case-insensitive, whole words only; acronyms must match in their exact case ("IS" is not "is"),
 * other names must start with a capital.
 *
 * The regular expression is slow on long alternations, so when every form is ASCII the sentences
 * are scanned with a trie of the forms instead, which finds exactly the matches the expression
 * finds (tests/registry-names.test.ts compares the two).
 */
import type { RegistryEntry } from "../registry.js";
import { isLetterOrNumber, isWhiteSpace } from "../nlp/words.js";

export type RegistryMatch = { entry: RegistryEntry; start: number; end: number };
export type RegistryMatcher = (text: string, sentences: ReadonlyArray<{ start: number; end: number }>) => RegistryMatch[];

interface TrieNode {
  /** Edges by lower-cased ASCII character code (0–127); 32 (" ") stands for a run of white space. */
  next: Array<TrieNode | undefined>;
  /** Rank of the form ending here in the expression's alternation (lower wins), or -1. */
  rank: number;
}

const newNode = (): TrieNode => ({ next: new Array<TrieNode | undefined>(128).fill(undefined), rank: -1 });

const NON_ASCII = /[^\x00-\x7f]/;

/** The code point that ends just before `at` (a surrogate pair read whole), not looking before `from`. */
function codePointBefore(text: string, from: number, at: number): number {
  const c = text.charCodeAt(at - 1);
  if (c >= 0xdc00 && c <= 0xdfff && at - 2 >= from) {
    const h = text.charCodeAt(at - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** 1 for an ASCII letter or digit. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

/** Whether the code point that ends just before `at` (not looking before `from`) is a letter or digit. */
function wordBefore(text: string, from: number, at: number): boolean {
  if (at <= from) return false;
  const prev = text.charCodeAt(at - 1);
  return prev < 128 ? ASCII_WORD[prev] === 1 : isLetterOrNumber(codePointBefore(text, from, at));
}

/** The code point at `at`, a pair read whole only when it lies before `end`. */
function codePointAt(text: string, at: number, end: number): number {
  const cp = text.codePointAt(at)!;
  return cp > 0xffff && at + 1 >= end ? text.charCodeAt(at) : cp;
}

/**
 * A matcher over every name and alias of `entries` (a leading "the" dropped), or null when there
 * is none. `options.regexOnly` turns the trie off (for tests).
 */
export function registryMatcher(entries: RegistryEntry[], options: { regexOnly?: boolean } = {}): RegistryMatcher | null {
  const forms = new Map<string, RegistryEntry>();
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.aliases]) {
      const f = form.replace(/^the\s+/i, "").trim();
      if (f.length >= 2 && !forms.has(f)) forms.set(f, entry);
    }
  }
  if (!forms.size) return null;
  const sorted = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const escape = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const byKey = new Map([...forms].map(([f, e]) => [f.toLowerCase().replace(/\s+/g, " "), { form: f, entry: e, acronym: !/\p{Ll}/u.test(f) }]));

  // With ASCII forms, /iu lets only ASCII letters and two other characters match a letter of a
  // form: the Kelvin sign ("k") and the long s ("s"). Non-ASCII forms stay with the expression.
  const root = options.regexOnly || sorted.some((f) => NON_ASCII.test(f)) ? null : newNode();
  if (root) {
    sorted.forEach((form, rank) => {
      let node = root;
      for (const ch of form.toLowerCase().replace(/\s+/g, " ")) {
        const code = ch.charCodeAt(0);
        let child = node.next[code];
        if (!child) node.next[code] = child = newNode();
        node = child;
      }
      if (node.rank < 0) node.rank = rank;
    });
  }

  /** The expression's matches in `slice`: [index, matched text]. */
  const scanRegex = (slice: string, found: Array<[number, string]>) => {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) found.push([m.index, m[0]]);
  };
  /** The same matches, from the trie: at each position the form earliest in the alternation wins. */
  const scanTrie = (trie: TrieNode, text: string, from: number, end: number, found: Array<[number, string]>) => {
    let p = from;
    // Whether the character before p is a letter or digit, so that no form may start at p (nothing
    // before `from` counts). Kept as the scan moves instead of read again at every position.
    let afterWord = false;
    while (p < end) {
      // Cheap refusals first: the character continues a word, or no form starts with it.
      const first = text.charCodeAt(p);
      if (first < 128) {
        if (afterWord || trie.next[first >= 65 && first <= 90 ? first + 32 : first] === undefined) {
          afterWord = ASCII_WORD[first] === 1;
          p++;
          continue;
        }
      } else if (afterWord || trie.next[first === 0x212a ? 107 : first === 0x017f ? 115 : 0] === undefined) {
        p++;
        afterWord = wordBefore(text, from, p);
        continue;
      }
      let node: TrieNode | undefined = trie;
      let i = p;
      let bestRank = -1;
      let bestEnd = -1;
      while (node) {
        if (node.rank >= 0 && (i >= end || !isLetterOrNumber(codePointAt(text, i, end))) && (bestRank < 0 || node.rank < bestRank)) {
          bestRank = node.rank;
          bestEnd = i;
        }
        if (i >= end) break;
        const c = text.charCodeAt(i);
        if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : isWhiteSpace(c)) {
          node = node.next[32];
          while (i < end && isWhiteSpace(text.charCodeAt(i))) i++;
        } else {
          const folded = c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : c === 0x212a ? 107 : c === 0x017f ? 115 : -1;
          node = folded < 0 ? undefined : node.next[folded];
          i++;
        }
      }
      if (bestRank >= 0) {
        found.push([p - from, text.slice(p, bestEnd)]);
        p = bestEnd;
      } else p++;
      afterWord = wordBefore(text, from, p);
    }
  };

  return (text, sentences) => {
    const out: RegistryMatch[] = [];
    const found: Array<[number, string]> = [];
    for (const s of sentences) {
      found.length = 0;
      if (root) scanTrie(root, text, s.start, s.end, found);
      else scanRegex(text.slice(s.start, s.end), found);
      for (const [index, written] of found) {
        // A match written in lower case ("is", "us") is never kept: acronyms need their exact
        // case, other names a capital. The commonest case, so decided first.
        const c = written.charCodeAt(0);
        if (c >= 97 && c <= 122) continue;
        const hit = byKey.get(written.toLowerCase().replace(/\s+/g, " "));
        if (!hit) continue;
        if (hit.acronym ? written !== hit.form : !/^[\p{Lu}\p{N}]/u.test(written)) continue;
        const after = s.start + index + written.length;
        if (after < s.end && text.charCodeAt(after) === 36) continue; // a currency: "US$ 20,000"
        out.push({ entry: hit.entry, start: s.start + index, end: s.start + index + written.length });
      }
    }
    return out;
  };
}

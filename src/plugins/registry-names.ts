/**
 * Finds the registry's names and aliases in an article (the names plugin adds the ones the
 * recogniser missed). The definition is one regular expression over every form, longest first,
 * case-insensitive, whole words only; acronyms must match in their exact case ("IS" is not "is"),
 * other names must start with a capital.
 *
 * The regular expression costs as much as the rest of the rule layers on a big registry, so ASCII
 * sentences — nearly all — are scanned with a trie of the forms instead, which finds exactly the
 * matches the expression finds (tests/registry-names.test.ts compares the two).
 */
import type { RegistryEntry } from "../registry.js";

export type RegistryMatch = { entry: RegistryEntry; start: number; end: number };
export type RegistryMatcher = (text: string, sentences: ReadonlyArray<{ start: number; end: number }>) => RegistryMatch[];

interface TrieNode {
  /** Edges by lower-cased ASCII character code (0–127); 32 (" ") stands for a run of white space. */
  next: Array<TrieNode | undefined>;
  /** Rank of the form ending here in the expression's alternation (lower wins), or -1. */
  rank: number;
}

const newNode = (): TrieNode => ({ next: new Array<TrieNode | undefined>(128).fill(undefined), rank: -1 });

/** ASCII letters and digits: `[\p{L}\p{N}]` on ASCII text. */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `\s` on ASCII text. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const NON_ASCII = /[^\x00-\x7f]/;

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
  const byKey = new Map([...forms].map(([f, e]) => [f.toLowerCase().replace(/\s+/g, " "), { form: f, entry: e }]));

  // Under /iu, the Kelvin sign and the long s match ASCII "k" and "s": forms with them stay with
  // the expression. Forms with other non-ASCII characters can never match ASCII text.
  const root = options.regexOnly || sorted.some((f) => /[\u212a\u017f]/.test(f)) ? null : newNode();
  if (root) {
    sorted.forEach((form, rank) => {
      if (NON_ASCII.test(form)) return;
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
  /** The same matches on ASCII text: at each position the form earliest in the alternation wins. */
  const scanTrie = (trie: TrieNode, slice: string, found: Array<[number, string]>) => {
    const n = slice.length;
    let p = 0;
    while (p < n) {
      if (p > 0 && isAlnum(slice.charCodeAt(p - 1))) {
        p++;
        continue;
      }
      let node: TrieNode | undefined = trie;
      let i = p;
      let bestRank = -1;
      let bestEnd = -1;
      while (node) {
        if (node.rank >= 0 && (i >= n || !isAlnum(slice.charCodeAt(i))) && (bestRank < 0 || node.rank < bestRank)) {
          bestRank = node.rank;
          bestEnd = i;
        }
        if (i >= n) break;
        const c = slice.charCodeAt(i);
        if (isSpace(c)) {
          node = node.next[32];
          while (i < n && isSpace(slice.charCodeAt(i))) i++;
        } else {
          node = node.next[c >= 65 && c <= 90 ? c + 32 : c];
          i++;
        }
      }
      if (bestRank >= 0) {
        found.push([p, slice.slice(p, bestEnd)]);
        p = bestEnd;
      } else p++;
    }
  };

  return (text, sentences) => {
    const out: RegistryMatch[] = [];
    const found: Array<[number, string]> = [];
    for (const s of sentences) {
      const slice = text.slice(s.start, s.end);
      found.length = 0;
      if (root && !NON_ASCII.test(slice)) scanTrie(root, slice, found);
      else scanRegex(slice, found);
      for (const [index, written] of found) {
        const hit = byKey.get(written.toLowerCase().replace(/\s+/g, " "));
        if (!hit) continue;
        const acronym = !/\p{Ll}/u.test(hit.form);
        if (acronym ? written !== hit.form : !/^[\p{Lu}\p{N}]/u.test(written)) continue;
        out.push({ entry: hit.entry, start: s.start + index, end: s.start + index + written.length });
      }
    }
    return out;
  };
}

/**
 * Slugs: stable, URL-safe ASCII ids that can never leave the output folder.
 * `^[a-z0-9]+(?:-[a-z0-9]+)*$`, at most 120 characters (the schema's slug).
 */
import { memoize } from "./util/memo.js";

const MAX = 120;
/** Names Windows refuses as file or folder names, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

// Names repeat across mentions and articles: recent slugs (of the default fallback) are remembered.
const slugs = memoize((name) => computeSlug(name, "item"));

export function slugify(name: string, fallback = "item"): string {
  return fallback === "item" ? slugs(name) : computeSlug(name, fallback);
}

function computeSlug(name: string, fallback: string): string {
  let s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/['’ʼ`]/g, "")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s.length > MAX) s = s.slice(0, MAX).replace(/-[^-]*$/, "").replace(/-+$/, "") || s.slice(0, MAX);
  if (!s) s = fallback === "item" ? "item" : slugify(fallback);
  if (RESERVED.test(s)) s = `${s}-1`;
  return s;
}

// Names repeat across mentions, articles and registry lookups: recent keys are remembered.
const keys = memoize(computeNameKey);

/** Normalised comparison key for names: case, punctuation, diacritics and possessives ignored. */
export function nameKey(name: string): string {
  return keys(name);
}

function computeNameKey(name: string): string {
  // Most names are ASCII: skip Unicode normalisation for them (the result is the same).
  if (/^[\x20-\x7e]*$/.test(name)) {
    return name
      .toLowerCase()
      .replace(/'s\b/g, "")
      .replace(/\./g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’ʼ]s\b/g, "")
    .replace(/\./g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Gives every key a distinct slug, deterministically: the first claimant (in the order given —
 * callers sort by a stable key first) keeps the plain slug, later ones get `-2`, `-3`, ….
 */
export class SlugAllocator {
  private readonly taken = new Map<string, string>();

  /** Returns the slug for `key`, allocating one derived from `name` on first sight. */
  allocate(key: string, name: string): { id: string; collided: boolean } {
    const base = slugify(name);
    let id = base;
    let n = 1;
    while (this.taken.has(id) && this.taken.get(id) !== key) id = `${base.slice(0, MAX - 4)}-${++n}`;
    this.taken.set(id, key);
    return { id, collided: id !== base };
  }
}

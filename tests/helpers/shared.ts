/** The project's shared inputs (seed article, schema, corpus) live in ../shared beside the repo. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findArticles } from "../../src/content.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedDir = resolve(repoRoot, "..", "shared");

/** Reads a file of ../shared; a missing file fails the test that needs it (never skips it). */
export function readShared(path: string): string {
  const full = join(sharedDir, path);
  if (!existsSync(full)) throw new Error(`missing ${full}: the tests need the project's shared/ folder beside the repository`);
  return readFileSync(full, "utf8");
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/**
 * Every markdown file of the real text the fast paths are checked against: the news and other GUM
 * articles of ../shared/corpus, the shipped content and the test fixtures (bad input included).
 */
export function realMarkdownFiles(): string[] {
  const dirs = [join(sharedDir, "corpus", "gum-news", "articles"), join(sharedDir, "corpus", "gum-other", "articles"), join(repoRoot, "content", "articles"), join(repoRoot, "tests", "fixtures")];
  for (const dir of dirs) if (!existsSync(dir)) throw new Error(`missing ${dir}`);
  return findArticles(dirs);
}

/** The project's shared inputs (seed article, schema, corpus) live in ../shared beside the repo. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

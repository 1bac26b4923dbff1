import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's shared/ folder: beside the repository (CI), else /work/shared. */
export function sharedDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const c of [resolve(here, "../../../shared"), "/work/shared"]) if (existsSync(join(c, "seed"))) return c;
  return null;
}

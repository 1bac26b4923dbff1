/** Where sitrep's own files are, whatever the working directory: the folder holding package.json. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("sitrep: cannot find its package.json");
    dir = up;
  }
  return dir;
}

export const packageRoot = findRoot();
export const templatesDir = join(packageRoot, "dist", "templates");
export const publicDir = join(packageRoot, "public");
export const eleventyConfigPath = join(packageRoot, "eleventy.config.js");

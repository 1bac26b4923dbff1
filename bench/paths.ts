/** Where the benchmark's files live, whatever the working directory (compiled to dist/bench/). */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("bench: cannot find sitrep's package.json");
    dir = up;
  }
  return dir;
}

export const repoRoot = findRoot();
/** Generated corpora (gitignored). */
export const corpusRoot = join(repoRoot, "bench", ".corpus");

/** The commands the benchmark runs, inside a snapshot of the package (see snapshot() in run.ts). */
export function appPaths(app: string) {
  return {
    sitrepBin: join(app, "bin", "sitrep.js"),
    eleventyBin: join(app, "node_modules", "@11ty", "eleventy", "cmd.cjs"),
    /** The bare Eleventy configuration (compiled from bench/bare.config.ts). */
    bareConfig: join(app, "dist", "bench", "bare.config.js"),
    throughput: join(app, "dist", "bench", "throughput.js"),
  };
}

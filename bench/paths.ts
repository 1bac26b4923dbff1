/** Where the benchmark's files live, whatever the working directory (compiled to dist/bench/). */
import { join } from "node:path";
import { packageRoot } from "../src/paths.js";

export const repoRoot = packageRoot;
/** Generated corpora (gitignored). */
export const corpusRoot = join(repoRoot, "bench", ".corpus");

/** The commands the benchmark runs, inside a snapshot of the package (see snapshot() in run.ts). */
export function appPaths(app: string) {
  return {
    sitrepBin: join(app, "bin", "sitrep.js"),
    eleventyBin: join(app, "node_modules", "@11ty", "eleventy", "cmd.cjs"),
    /** Pagefind's CLI (the npm package's launcher; it waits for the indexer it starts). */
    pagefindBin: join(app, "node_modules", "pagefind", "lib", "runner", "bin.cjs"),
    /** The bare Eleventy configuration (compiled from bench/bare.config.ts). */
    bareConfig: join(app, "dist", "bench", "bare.config.js"),
    throughput: join(app, "dist", "bench", "throughput.js"),
  };
}

/**
 * Extraction of a list of article files, for `sitrep extract` and `check` and for the build
 * (./build.ts re-exports it). A module of its own so that `sitrep extract` does not load the
 * renderer's modules (Eleventy's glue, the HTML pipeline, the map, the feeds, the search index):
 * about a hundred modules and 0.1–0.15 CPU-seconds per process that extraction never uses.
 */
import type { VFile } from "vfile";
import { dedupeIds, readArticle } from "../content.js";
import type { Registry } from "../registry.js";
import { extractAll, extractRecordList, type ExtractionOptions } from "./extract-all.js";
import type { ArticleRecord } from "./index.js";
import type { RecordList } from "./details.js";

export interface Extraction<Records = ArticleRecord[]> {
  records: Records;
  /** Every file read (articles and registry), with its messages. */
  files: VFile[];
}

/** Extracts the given article files with one extractor (the registry links names to ids). */
export function extractArticles(paths: string[], registry: Registry): Extraction {
  // The cache and the worker pool live in ./extract-all.ts; records come back in input order.
  return readAndExtract(paths, registry, extractAll);
}

/** `extractArticles` for a whole archive: records with a cache entry are read back from it when asked for (./details.ts). */
export function extractArchive(paths: string[], registry: Registry, options: Pick<ExtractionOptions, "oneShot"> = {}): Extraction<RecordList> {
  return readAndExtract(paths, registry, (files, r) => extractRecordList(files, r, options));
}

function readAndExtract<Records>(paths: string[], registry: Registry, extract: (files: VFile[], registry: Registry) => Records): Extraction<Records> {
  const all = paths.map(readArticle);
  return { records: extract(dedupeIds(all), registry), files: all };
}

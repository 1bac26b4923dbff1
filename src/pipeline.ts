/**
 * The extraction pipeline, top to bottom. Each step is a unified plugin that reads and writes plain
 * JSON on `file.data` (its own file says which keys) and reports problems as positioned messages.
 *
 *   markdown ─ remark-parse (plain-text fast path) ─ front matter ─ sentences ─ names ─ actors ─ locations ─ sources ─ claims ─ summary ─ briefing
 */
import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import plainTextFastPath from "./plugins/plain-text.js";
import type { Root } from "mdast";
import { VFile } from "vfile";
import frontMatter from "./plugins/frontmatter.js";
import sentences from "./plugins/sentences.js";
import names from "./plugins/names.js";
import actors from "./plugins/actors.js";
import locations from "./plugins/locations.js";
import sources from "./plugins/sources.js";
import claims from "./plugins/claims.js";
import summary from "./plugins/summary.js";
import briefing from "./plugins/briefing.js";
import { Registry } from "./registry.js";
import type { Briefing } from "./types.js";
import { report } from "./util/messages.js";

export interface PipelineOptions {
  registry?: Registry;
}

export type Extractor = Processor<Root, Root, Root, undefined, undefined>;

export function createExtractor(options: PipelineOptions = {}): Extractor {
  const registry = options.registry ?? new Registry();
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ["yaml"])
    .use(plainTextFastPath)
    .use(frontMatter)
    .use(sentences)
    .use(names, { registry })
    .use(actors, { registry })
    .use(locations, { registry })
    .use(sources)
    .use(claims)
    .use(summary)
    .use(briefing)
    .freeze() as unknown as Extractor;
}

/**
 * Runs the pipeline on one file. Never throws on content: whatever the text, the file comes back
 * with a Briefing on `file.data.briefing` and its problems in `file.messages`.
 */
export function extractFile(extractor: Extractor, file: VFile): Briefing {
  try {
    const tree = extractor.parse(file);
    extractor.runSync(tree, file);
  } catch (error) {
    report(file, 0, "internal-error", `sitrep could not read this article (${(error as Error).message}); please report it with the file attached`);
  }
  return (
    file.data.briefing ?? {
      id: "article",
      title: file.stem ?? "Untitled",
      date: "1970-01-01",
      outlet: null,
      url: null,
      summary: "",
      claims: [],
      actors: [],
      locations: [],
      sources: [],
    }
  );
}

/** Convenience for tests and tools: extract from a string. */
export function extractText(value: string, path = "article.md", options: PipelineOptions = {}): { briefing: Briefing; file: VFile } {
  const file = new VFile({ path, value });
  const briefing = extractFile(createExtractor(options), file);
  return { briefing, file };
}

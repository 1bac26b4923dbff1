/**
 * Briefing: assembles the schema object from what the extractors wrote, and reports what only the
 * whole article shows (an empty body, corrections that matched nothing).
 *
 * Reads: every key above. Writes: `file.data.briefing`.
 */
import type { Root } from "mdast";
import type { VFile } from "vfile";
import type { Briefing } from "../types.js";
import { nameKey, slugify } from "../slug.js";
import { report } from "../util/messages.js";

declare module "vfile" {
  interface DataMap {
    briefing: Briefing;
  }
}

export default function briefing() {
  return (tree: Root, file: VFile): void => {
    const meta = file.data.meta;
    if (!(file.data.sentences ?? []).some((s) => !s.heading)) {
      report(file, tree.position?.end.offset ?? 0, "body-empty", "Article has no text: write the article below the front matter");
    }
    const used = new Set(file.data.correctionsUsed ?? []);
    const corrections = meta?.corrections;
    for (const [kind, list] of [
      ["ignore", corrections?.ignore ?? []],
      ["add", (corrections?.add ?? []).map((a) => a.name)],
      ["merge", (corrections?.merge ?? []).map((m) => m.name)],
    ] as const) {
      for (const name of list) {
        if (used.has(`${kind}:${nameKey(name)}`)) continue;
        report(file, corrections?.at[`${kind}:${name}`] ?? 0, "correction-unmatched", `Correction \`entities.${kind}\` “${name}” matches nothing in this article: check the spelling or remove it`, "warning");
      }
    }
    file.data.briefing = {
      id: slugify(file.stem ?? "article"),
      title: meta?.title || file.stem || "Untitled",
      date: meta?.date ?? "1970-01-01",
      outlet: meta?.outlet ?? null,
      url: meta?.url ?? null,
      summary: file.data.summary ?? "",
      claims: file.data.claims ?? [],
      actors: file.data.actors ?? [],
      locations: file.data.locations ?? [],
      sources: file.data.sources ?? [],
    };
  };
}

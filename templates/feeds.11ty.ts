/** `/feed.xml` (Atom) and `/feed.json` (JSON Feed): every briefing, newest first (src/site/feeds.ts). */
import type { SiteIndex } from "../src/site/index.js";
import { atomFeed, jsonFeed, siteFeedSpec } from "../src/site/feeds.js";

type Format = "atom" | "json";

interface Data {
  sitrep: SiteIndex;
  format: Format;
}

const FORMATS: Format[] = ["atom", "json"];
const PATHS: Record<Format, string> = { atom: "/feed.xml", json: "/feed.json" };

export const data = {
  formats: FORMATS,
  pagination: { data: "formats", size: 1, alias: "format", addAllPagesToCollections: false },
  permalink: (data: Data) => PATHS[data.format],
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  const spec = siteFeedSpec(data.sitrep, PATHS[data.format]);
  return data.format === "atom" ? atomFeed(data.sitrep.site, spec) : jsonFeed(data.sitrep.site, spec);
}

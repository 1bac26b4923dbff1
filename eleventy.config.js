// Eleventy configuration: wiring only. Everything it wires lives in src/site/ (compiled to dist/).
// `sitrep build` hands in the site index it already built; `npx @11ty/eleventy --serve` and
// `npm start` extract from the content folder (SITREP_CONTENT, default ./content) on every rebuild.
import sitrepEleventy, { currentProvider } from "./dist/src/site/eleventy.js";
import { loadSite } from "./dist/src/site/build.js";
import { publicDir, templatesDir } from "./dist/src/paths.js";

const content = process.env.SITREP_CONTENT ?? "content";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(sitrepEleventy, {
    site: () => (currentProvider() ?? (() => loadSite(content).index))(),
    watch: [content],
    publicDir,
  });
}

export const config = {
  // Absolute, so sitrep works from any working directory.
  dir: { input: templatesDir },
  templateFormats: ["11ty.js"],
};

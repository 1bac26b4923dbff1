/**
 * Bare Eleventy for the side-by-side benchmark: the classic markdown build — every `.md` of the
 * input folder through Eleventy's default markdown (markdown-it, Liquid preprocessing) into one
 * trivial layout. Run by `bench/run.ts` as
 *   node node_modules/@11ty/eleventy/cmd.cjs --config=dist/bench/bare.config.js --input=<corpus>/articles --output=<tmp>
 */
interface BareConfig {
  setUseGitIgnore(use: boolean): void;
  setQuietMode(quiet: boolean): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
}

export default function (eleventyConfig: BareConfig): void {
  // The generated corpus lives in bench/.corpus, which .gitignore lists.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addTemplate(
    "_includes/bench.liquid",
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body><main><h1>{{ title }}</h1>\n{{ content }}\n</main></body></html>\n`,
  );
  eleventyConfig.addGlobalData("layout", "bench.liquid");
}

export const config = {
  templateFormats: ["md"],
};

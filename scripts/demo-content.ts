/**
 * Regenerates the demo articles in content/articles/ from the Wikinews news articles of the GUM
 * corpus (../shared/corpus/gum-news, text CC BY 2.5), keeping licence and attribution in the front
 * matter so every page credits its source. Run on purpose: `node dist/scripts/demo-content.js`.
 * The bodies are copied unchanged (offsets stay those of the corpus).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import matter from "gray-matter";
import { stringify } from "yaml";
import { packageRoot } from "../src/paths.js";
import { slugify } from "../src/slug.js";

/** Chosen so that actors and places recur across articles (Scientology, Mecca, asylum, the U.S.). */
const DOCS = ["afghan", "asylum", "crane", "defector", "hackers", "imprisoned", "korea", "questionnaire", "stampede", "ie9", "nasa", "election"];

const corpus = resolve(packageRoot, "..", "shared", "corpus", "gum-news", "articles");
for (const doc of DOCS) {
  const raw = readFileSync(join(corpus, `GUM_news_${doc}.md`), "utf8");
  const { data, content } = matter(raw);
  const title = String(data.title);
  const url = String(data.source_url);
  const front = {
    title,
    date: data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date),
    outlet: { name: "Wikinews", domain: "en.wikinews.org" },
    url,
    license: String(data.license),
    license_url: String(data.license_url),
    attribution: `“${title}”, Wikinews, ${url}, ${data.license}; text re-tokenised and re-spaced from the GUM corpus (Zeldes 2017, https://gucorpling.org/gum/).`,
  };
  const name = `wikinews-${slugify(title).slice(0, 60).replace(/-[^-]*$/, "")}.md`;
  writeFileSync(join(packageRoot, "content", "articles", name), `---\n${stringify(front, { lineWidth: 0 })}---\n${content.replace(/^\n?/, "\n")}`);
  console.log(name);
}

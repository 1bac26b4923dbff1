/**
 * A deterministic benchmark corpus: N articles recombined from the real sentences of the shared GUM
 * corpus (`../shared/corpus/gum-news` and `gum-other`, beside the repository). Each generated article
 * takes the paragraph shape (sentences per paragraph) of one real article and fills it with real
 * sentences drawn by a seeded PRNG, so article lengths, sentence lengths and name density stay those
 * of the real texts, and the same N always gives byte-identical files.
 *
 * Layout written (a normal sitrep content folder, never `content/`):
 *   <dir>/articles/<slug>-<n>.md   front matter like real content + body
 *   <dir>/entities/*.md            the repository's registry, copied
 *   <dir>/.complete                marker with the generator version (a half-written corpus is rebuilt)
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { repoRoot } from "./paths.js";
import { mulberry32 as prng } from "../src/util/prng.js";

/** Bump when the generated text changes, so old corpora under bench/.corpus are regenerated. */
const GENERATOR_VERSION = 1;
const SEED = 0x5175_7265; // "sitrep"-ish; any constant works, it only has to stay put

export const sharedCorpusDir = resolve(repoRoot, "..", "shared", "corpus");
const SOURCES = ["gum-news", "gum-other"];

interface SourceDoc {
  title: string;
  outlet: string;
  license: string;
  licenseUrl: string | null;
  sourceUrl: string | null;
  /** Sentences per paragraph: the shape generated articles copy. */
  shape: number[];
}

interface Sentence {
  text: string;
  doc: number;
}

export interface CorpusStats {
  dir: string;
  articles: number;
  bytes: number;
  sources: number;
  sentences: number;
}


function frontMatterField(yaml: string, key: string): string | null {
  const m = new RegExp(`^${key}:\\s*(.*)$`, "m").exec(yaml);
  if (!m) return null;
  const raw = m[1]!.trim();
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  return raw || null;
}

/**
 * Sentence split good enough for recombination: after . ! ? (and a closing quote or bracket),
 * before whitespace and an upper-case letter, digit or opening quote. Abbreviations such as "U.S."
 * followed by a capitalised name are occasionally split; the pieces are still real text.
 */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?]["'”’)\]]?)\s+(?=["'“‘(\[]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function loadSources(): { docs: SourceDoc[]; sentences: Sentence[] } {
  const docs: SourceDoc[] = [];
  const sentences: Sentence[] = [];
  for (const source of SOURCES) {
    const dir = join(sharedCorpusDir, source, "articles");
    if (!existsSync(dir)) throw new Error(`bench: missing ${dir}: the benchmark needs the project's shared/ folder beside the repository`);
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".md")).sort()) {
      const raw = readFileSync(join(dir, name), "utf8");
      const close = raw.indexOf("\n---\n", 3);
      if (!raw.startsWith("---\n") || close < 0) continue;
      const yaml = raw.slice(4, close);
      const body = raw.slice(close + 5).replace(/\n$/, "");
      const shape: number[] = [];
      const doc = docs.length;
      for (const paragraph of body.split(/\n\s*\n/)) {
        const parts = splitSentences(paragraph.replace(/\s*\n\s*/g, " "));
        if (!parts.length) continue;
        shape.push(parts.length);
        for (const text of parts) sentences.push({ text, doc });
      }
      if (!shape.length) continue;
      docs.push({
        title: frontMatterField(yaml, "title") ?? name.replace(/\.md$/, ""),
        outlet: frontMatterField(yaml, "outlet") ?? "Wikinews",
        license: frontMatterField(yaml, "license") ?? "CC BY 4.0",
        licenseUrl: frontMatterField(yaml, "license_url"),
        sourceUrl: frontMatterField(yaml, "source_url"),
        shape,
      });
    }
  }
  return { docs, sentences };
}

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "") || "article";

const yamlString = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/** The text of article `i` of the corpus (pure function of the sources, the seed and i). */
function article(i: number, docs: SourceDoc[], sentences: Sentence[]): { name: string; text: string } {
  const random = prng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const template = pick(docs);
  const used = new Set<number>();
  const paragraphs = template.shape.map((count) => {
    const out: string[] = [];
    for (let k = 0; k < count; k++) {
      const s = pick(sentences);
      used.add(s.doc);
      out.push(s.text);
    }
    return out.join(" ");
  });
  const title = pick(docs).title;
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
  const sources = [...used].sort((a, b) => a - b).map((d) => docs[d]!);
  const licenses = [...new Set(sources.map((d) => d.license))].sort();
  const sa = sources.find((d) => /BY-SA/.test(d.license));
  const licenseUrl = (sa ?? template).licenseUrl;
  const named = sources.slice(0, 3).map((d) => `“${d.title}”`);
  const attribution = `Benchmark text recombined from sentences of ${named.join(", ")}${sources.length > 3 ? ` and ${sources.length - 3} more` : ""} (GUM corpus, Zeldes 2017; see shared/corpus/README.md)`;
  const lines = [
    "---",
    `title: ${yamlString(title)}`,
    `date: ${day}`,
    `outlet: ${yamlString(template.outlet)}`,
    `url: ${template.sourceUrl ? yamlString(template.sourceUrl) : "null"}`,
    `license: ${yamlString(licenses.join("; "))}`,
    ...(licenseUrl ? [`license_url: ${licenseUrl}`] : []),
    `attribution: ${yamlString(attribution)}`,
    "---",
    "",
    paragraphs.join("\n\n"),
    "",
  ];
  return { name: `${slug(title)}-${String(i + 1).padStart(6, "0")}.md`, text: lines.join("\n") };
}

/** Writes (or reuses, when complete and of this generator version) a corpus of `n` articles. */
export function makeCorpus(n: number, dir: string): CorpusStats {
  const marker = join(dir, ".complete");
  const expect = JSON.stringify({ version: GENERATOR_VERSION, seed: SEED, n });
  const { docs, sentences } = loadSources();
  if (existsSync(marker) && readFileSync(marker, "utf8").split("\n")[0] === expect) {
    const stats = JSON.parse(readFileSync(marker, "utf8").split("\n")[1] ?? "{}") as CorpusStats;
    return { ...stats, dir };
  }
  rmSync(dir, { recursive: true, force: true });
  const articles = join(dir, "articles");
  const entities = join(dir, "entities");
  mkdirSync(articles, { recursive: true });
  mkdirSync(entities, { recursive: true });
  const registry = join(repoRoot, "content", "entities");
  for (const name of readdirSync(registry).filter((x) => x.endsWith(".md"))) copyFileSync(join(registry, name), join(entities, name));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const { name, text } = article(i, docs, sentences);
    writeFileSync(join(articles, name), text);
    bytes += Buffer.byteLength(text);
  }
  const stats: CorpusStats = { dir, articles: n, bytes, sources: docs.length, sentences: sentences.length };
  writeFileSync(marker, `${expect}\n${JSON.stringify(stats)}\n`);
  return stats;
}

/** Path of one generated article (for the edit-to-visible measurement). */
export function corpusArticles(dir: string): string[] {
  return readdirSync(join(dir, "articles"))
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => join(dir, "articles", n));
}

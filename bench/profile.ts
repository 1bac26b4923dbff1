/**
 * Summarises V8 CPU profiles (`node --cpu-prof --cpu-prof-dir=<dir>`; one file per thread: the main
 * thread and each extraction worker): where the time goes, by category and by function.
 *
 *   node dist/bench/profile.js <dir> [--top 15]
 *
 * Times are sampled wall time per thread, so a main thread blocked in Atomics.wait shows as
 * "waiting for extraction workers", and "(idle)" is an empty event loop.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES: Array<[string, (f: CallFrame) => boolean]> = [
  ["waiting for extraction workers (Atomics.wait)", (f) => /site\/extract-all\.js$/.test(f.url) && f.functionName === "runOnPool"],
  ["extraction cache and pool (main thread)", (f) => /site\/(extract-all|cache)\.js$/.test(f.url)],
  ["extraction: ner (tagger, gazetteer, rules)", (f) => /dist\/src\/ner\//.test(f.url)],
  ["extraction: sitrep plugins", (f) => /dist\/src\/(plugins|nlp|util|pipeline|registry|slug|content)/.test(f.url) || /dist\/src\/[^/]+\.js$/.test(f.url)],
  ["extraction: markdown and sentence parsing (micromark, mdast, nlcst, yaml)", (f) => /node_modules\/(micromark|mdast-|remark-|unified|parse-english|parse-latin|nlcst-|unist-|vfile|yaml|gray-matter|js-yaml|decode-named|character-entities)/.test(f.url)],
  ["maps (d3-geo, topojson, src/site/map.js)", (f) => /node_modules\/(d3-|topojson|world-atlas)/.test(f.url) || /site\/map\.js$/.test(f.url)],
  ["site index (src/site/index.js)", (f) => /site\/index\.js$/.test(f.url)],
  ["other site modules (feeds, post-build, search)", (f) => /dist\/src\/site\//.test(f.url)],
  ["templates (dist/templates)", (f) => /dist\/templates\//.test(f.url)],
  ["Eleventy", (f) => /node_modules\/@11ty\//.test(f.url)],
  ["search index (pagefind)", (f) => /node_modules\/pagefind/.test(f.url)],
  ["other dependencies", (f) => /node_modules\//.test(f.url)],
  ["sync file system (write, unlink, rmdir, mkdir…)", (f) => !f.url && /^(unlink|rmdir|mkdir|writeFileUtf8|writeFileSync|open|close|read|readFileUtf8|lstat|stat|rename|readdir|copyFile|writeString|writeBuffer)$/.test(f.functionName)],
  ["garbage collector", (f) => f.functionName === "(garbage collector)"],
  ["idle (empty event loop)", (f) => f.functionName === "(idle)"],
  ["node internals (module loading, streams…)", (f) => f.url.startsWith("node:")],
];

export interface ProfileSummary {
  file: string;
  totalMs: number;
  categories: Array<[string, number]>;
  top: Array<[string, number]>;
}

export function summarise(path: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const time = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) time.set(p.samples[i]!, (time.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const t = time.get(node.id) ?? 0;
    if (!t) continue;
    total += t;
    const f = node.callFrame;
    const category = CATEGORIES.find(([, test]) => test(f))?.[0] ?? "other (V8, native)";
    byCategory.set(category, (byCategory.get(category) ?? 0) + t);
    const where = f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/dist\//, "dist/");
    const key = `${f.functionName || "(anonymous)"} ${where}${where ? `:${f.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
  }
  const ms = (us: number) => us / 1000;
  return {
    file: path,
    totalMs: ms(total),
    categories: [...byCategory].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)]),
    top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, ms(v)]),
  };
}

/** Markdown tables for every profile in a folder (main thread first: the largest). */
export function summariseDir(dir: string, top = 15): string {
  // File names are CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is the main thread.
  const tid = (f: string) => Number(f.split(".")[4] ?? 0);
  const names = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort((a, b) => tid(a) - tid(b));
  const files = names.map((f) => summarise(join(dir, f), top));
  const out: string[] = [];
  const quiet: string[] = [];
  const idleShare = (s: (typeof files)[number]) => (s.categories.find(([c]) => c.startsWith("idle"))?.[1] ?? 0) / s.totalMs;
  // Two main threads: bin/sitrep.js re-ran the build with V8 flags, and the launcher (the idler) only waited for it.
  const mains = files.filter((_, k) => tid(names[k]!) === 0);
  if (mains.length > 1) {
    const launcher = mains.reduce((a, b) => (idleShare(b) > idleShare(a) ? b : a));
    const k = files.indexOf(launcher);
    files.splice(k, 1);
    names.splice(k, 1);
    quiet.push("the launcher process (bin/sitrep.js, waiting for the build)");
  }
  for (const [k, s] of files.entries()) {
    const idle = s.categories.find(([c]) => c.startsWith("idle"))?.[1] ?? 0;
    if (k > 0 && idle / s.totalMs > 0.99) {
      quiet.push(`thread ${tid(names[k]!)}`);
      continue;
    }
    const thread = tid(names[k]!) === 0 ? "main thread" : `thread ${tid(names[k]!)} (an extraction worker)`;
    out.push(`#### ${thread}: ${(s.totalMs / 1000).toFixed(1)} s sampled`, "", "| category | s | share |", "|---|---:|---:|");
    for (const [c, v] of s.categories) if (v / s.totalMs >= 0.005) out.push(`| ${c} | ${(v / 1000).toFixed(1)} | ${((v / s.totalMs) * 100).toFixed(1)} % |`);
    out.push("", "| function (self time) | s |", "|---|---:|");
    for (const [f, v] of s.top) out.push(`| \`${f.replace(/\|/g, "\\|")}\` | ${(v / 1000).toFixed(2)} |`);
    out.push("");
  }
  if (quiet.length) out.push(`Idle the whole time (not extraction workers: Node's or Eleventy's helper threads): ${quiet.join(", ")}.`, "");
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ options: { top: { type: "string" } }, allowPositionals: true });
  if (!positionals[0]) throw new Error("usage: profile.js <dir of .cpuprofile> [--top N]");
  console.log(summariseDir(positionals[0], Number(values.top ?? 15)));
}

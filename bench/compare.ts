/**
 * Old build against new build in ONE process (fair on a shared machine): both extract the same
 * chunks of articles, alternating which goes first, and each side's CPU time is summed.
 *
 *   node dist/bench/compare.js <old root> <new root> <content dir> [--limit 300] [--chunk 30] [--skip 0]
 *
 * A root is a compiled checkout (e.g. `git worktree add /tmp/old <commit>`, a node_modules link,
 * `npx tsc`). --skip N first extracts N articles on both sides unmeasured (warm figures: V8 has
 * optimised the code); without it the figures are for text the process has not seen (cold).
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type * as Pipeline from "../src/pipeline.js";
import type * as Content from "../src/content.js";
import type * as Registry from "../src/registry.js";

const { values, positionals } = parseArgs({ options: { limit: { type: "string" }, chunk: { type: "string" }, skip: { type: "string" } }, allowPositionals: true });
const [oldRoot, newRoot, content] = positionals;
if (!oldRoot || !newRoot || !content) throw new Error("usage: compare.js <old root> <new root> <content dir> [--limit N] [--chunk N] [--skip N]");
const limit = Number(values.limit ?? 300);
const chunk = Number(values.chunk ?? 30);
const skip = Number(values.skip ?? 0);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const load = <T>(root: string, module: string) => import(pathToFileURL(join(resolve(root), "dist", "src", module)).href) as Promise<T>;

async function side(root: string) {
  const p = await load<typeof Pipeline>(root, "pipeline.js");
  const c = await load<typeof Content>(root, "content.js");
  const r = await load<typeof Registry>(root, "registry.js");
  const { registry } = r.loadRegistry(content!);
  const t = cpu();
  const extractor = p.createExtractor({ registry });
  const paths = c.findArticles([join(content!, "articles")]).slice(0, 1 + skip + limit);
  p.extractFile(extractor, c.readArticle(paths[0]!));
  const run = (ps: string[]) => {
    const files = ps.map((f) => c.readArticle(f));
    const t0 = cpu();
    for (const f of files) p.extractFile(extractor, f);
    return cpu() - t0;
  };
  return { run, paths: paths.slice(1), firstCpu: cpu() - t, cpu: 0 };
}

const sides = { old: await side(oldRoot), new: await side(newRoot) };
for (const s of Object.values(sides)) s.run(s.paths.slice(0, skip));
const measured = sides.old.paths.slice(skip);
let bytes = 0;
for (let i = 0; i < measured.length; i += chunk) {
  const part = measured.slice(i, i + chunk);
  bytes += part.reduce((n, f) => n + readFileSync(f).byteLength, 0);
  const order = (i / chunk) % 2 ? [sides.new, sides.old] : [sides.old, sides.new];
  for (const s of order) s.cpu += s.run(part);
}
const mb = bytes / 1e6;
for (const [name, s] of Object.entries(sides))
  console.log(`${name}: ${measured.length} articles, ${mb.toFixed(2)} MB, ${s.cpu.toFixed(2)} CPU-s, ${(mb / s.cpu).toFixed(2)} MB per CPU-second; model load + first article ${s.firstCpu.toFixed(2)} CPU-s`);
console.log(`new/old speed ${(sides.old.cpu / sides.new.cpu).toFixed(2)}x (${skip ? "warm" : "cold"}); load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
process.exit(0);

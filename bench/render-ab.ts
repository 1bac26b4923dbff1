/**
 * Render CPU of two builds of sitrep side by side: `node dist/bench/render-ab.js <root-a> <root-b>
 * <content> [rounds]`, where each root is a checkout with a compiled `dist/` (e.g. this one and a copy
 * of the base's dist with package.json beside it). The site index is loaded once (through root a,
 * from the extraction cache: set SITREP_CACHE and build the content once first), then every page is
 * rendered by both, page by page in alternating order, so a loaded machine weighs on both alike.
 * Prints a hash of each side's pages (they must agree), CPU-seconds per template each round, and
 * the least of rounds 1… (round 0 warms up). `ONLY=timeline,actor` renders those templates only.
 */
import { createHash, type Hash } from "node:crypto";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";

interface Entry {
  template: string;
  module: { render(data: unknown): string };
  data: unknown;
}
interface Side {
  label: string;
  providePass(pass: null): void;
  entries: Entry[];
  best: Map<string, number>;
  per: Map<string, number>;
  hash: Hash;
}

const [rootA, rootB, content, roundsArg] = process.argv.slice(2);
if (!rootA || !rootB || !content) {
  console.error("usage: node dist/bench/render-ab.js <root-a> <root-b> <content> [rounds]");
  process.exit(2);
}
const load = (root: string, path: string) => import(pathToFileURL(`${root}/dist/src/site/${path}`).href);
const { index } = (await load(rootA, "build.js")).loadSite(content);
const only = process.env.ONLY?.split(",");
const sides: Side[] = [];
for (const [label, root] of [["a", rootA], ["b", rootB]] as const) {
  const pages = await load(root, "pages.js");
  const { providePass } = await load(root, "passes.js");
  const entries = (pages.pageEntries(await pages.loadTemplates(`${root}/dist/templates`), index) as Entry[]).filter(
    (e) => !only || only.includes(e.template.replace(".11ty.js", "")),
  );
  sides.push({ label, providePass, entries, best: new Map(), per: new Map(), hash: createHash("sha1") });
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const show = (m: Map<string, number>) =>
  [...m].filter(([, v]) => v > 0.04).map(([k, v]) => `${k.replace(".11ty.js", "")} ${v.toFixed(2)}`).join(", ");
const rounds = Number(roundsArg ?? 4);
for (let r = 0; r < rounds; r++) {
  for (const s of sides) {
    s.providePass(null);
    s.per = new Map([["TOTAL", 0]]);
    s.hash = createHash("sha1");
  }
  for (let i = 0; i < sides[0]!.entries.length; i++) {
    for (const s of (i + r) % 2 ? [sides[1]!, sides[0]!] : sides) {
      const e = s.entries[i]!;
      const t0 = cpu();
      const out = e.module.render(e.data);
      const dt = cpu() - t0;
      if (r === 0) s.hash.update(out);
      s.per.set(e.template, (s.per.get(e.template) ?? 0) + dt);
      s.per.set("TOTAL", s.per.get("TOTAL")! + dt);
    }
  }
  for (const s of sides) {
    if (r === 0) console.log(`${s.label} pages sha1 ${s.hash.digest("hex")}`);
    else for (const [k, v] of s.per) s.best.set(k, Math.min(s.best.get(k) ?? Infinity, v));
    console.log(`round ${r} ${s.label}: ${show(s.per)} | load ${loadavg()[0]!.toFixed(2)}`);
  }
}
for (const s of sides) console.log(`least of rounds 1..${rounds - 1}, ${s.label}: ${show(s.best)}`);

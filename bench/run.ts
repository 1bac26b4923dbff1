/**
 * `npm run bench`: sitrep build against bare Eleventy at archive scale. A program that prints
 * figures (never a timed test).
 *
 *   npm run bench -- --quick              N = 1,000 only, one run each (everyday use)
 *   npm run bench                         N = 1,000, 4,000, 10,000, 50,000; writes BENCHMARKS.md
 *   npm run bench -- --sizes 4000 --runs 3 [--write] [--serve-max 4000] [--profile 4000] [--cold-only]
 *
 * --profile N runs the warm build at N under `node --cpu-prof` and summarises every thread's profile
 * (bench/profile.ts). The edit-and-rebuild and dev-server figures are taken at N ≤ --serve-max (1,000).
 *
 * For each N: a deterministic corpus (bench/corpus.ts) in bench/.corpus/n<N>/; then, alternating
 * the two commands and taking medians (3 runs at N ≤ 1,000, 1 above: a cold build at 4,000 takes ~45 s and one at 50,000 ~10 min here),
 *   (a) node bin/sitrep.js build --content <corpus> --out <tmp>      (cold: empty extraction cache)
 *   (b) bare Eleventy 3.1.8 (the installed package) over the same markdown with one trivial layout
 * each under /usr/bin/time (wall, user+sys CPU of the child, its threads and the processes it waited for,
 * peak RSS of the largest process) and ./tree-rss.ts (peak RSS of all its processes summed). Then the
 * warm rebuild (same cache, nothing changed), one edited article through a second build, extraction
 * throughput in-process (bench/throughput.ts), and at small N the dev server: `sitrep serve`, edit
 * one article, poll its page over HTTP until the edit shows.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { corpusArticles, makeCorpus, type CorpusStats } from "./corpus.js";
import { appPaths, corpusRoot, repoRoot } from "./paths.js";
import { articleId } from "../src/content.js";
import { summariseDir } from "./profile.js";
import { treeRss } from "./tree-rss.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    sizes: { type: "string" },
    runs: { type: "string" },
    write: { type: "boolean" },
    "no-write": { type: "boolean" },
    "serve-max": { type: "string" },
    profile: { type: "string" },
    "cold-only": { type: "boolean" },
  },
});

const quick = values.quick === true;
const sizes = values.sizes ? values.sizes.split(",").map(Number).filter((n) => n > 0) : quick ? [1000] : [1000, 4000, 10000, 50000];
const runsFor = (n: number) => (values.runs ? Number(values.runs) : quick ? 1 : n <= 1000 ? 3 : 1);
const serveMax = Number(values["serve-max"] ?? 1000);
const profileAt = values.profile ? Number(values.profile) : null;
const write = values["no-write"] ? false : values.write === true || (!quick && !values.sizes);
const TIME = "/usr/bin/time";

interface Timed {
  /** 1-minute load average when the run started (2 = both cores busy with something). */
  load: number;
  /** sitrep builds: wall time of the extraction phase (SITREP_STATS), s. */
  extractS: number;
  wall: number;
  user: number;
  sys: number;
  cpu: number;
  rssMB: number;
  /** Peak of the summed RSS of all its processes (Node and Pagefind), sampled every 200 ms. */
  treeMB: number;
  status: number | null;
  stderr: string;
  /** sitrep builds: how many pages waited for their turn in the search feed (SITREP_STATS), as printed. */
  waited: string | null;
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}, cwd = app): Timed {
  const out = join(tmp, `time-${process.hrtime.bigint()}.txt`);
  const load = loadavg()[0]!;
  const sampler = treeRss();
  const r = spawnSync(TIME, ["-f", "%e %U %S %M", "-o", out, process.execPath, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const treeMB = sampler.stop();
  const line = existsSync(out) ? readFileSync(out, "utf8").trim().split("\n").pop()! : "";
  rmSync(out, { force: true });
  const [wall, user, sys, rss] = line.split(/\s+/).map(Number);
  const stats = /sitrep: extraction: .* in ([\d.]+) s/.exec(r.stderr ?? "");
  const waited = /sitrep: search: \d+ pages indexed; (.*)/.exec(r.stderr ?? "")?.[1] ?? null;
  // Under SITREP_STATS the build resets its high-water mark before and after each render pass, and
  // GNU time reads that mark at exit: the build's peak is the largest of %M and the peaks it printed.
  const printed = [...(r.stderr ?? "").matchAll(/peak RSS (\d+) MB/g)].map((m) => Number(m[1]));
  const rssMB = Math.max((rss ?? NaN) / 1024, ...printed);
  const result = { waited, load, extractS: stats ? Number(stats[1]) : NaN, wall: wall ?? NaN, user: user ?? NaN, sys: sys ?? NaN, cpu: (user ?? NaN) + (sys ?? NaN), rssMB, treeMB, status: r.status, stderr: r.stderr };
  if (r.status !== 0) console.error(`  ! exit ${r.status}: node ${args.join(" ")}\n${r.stderr.split("\n").slice(-15).join("\n")}`);
  return result;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
type Figure = keyof Omit<Timed, "status" | "stderr" | "waited">;
const med = (ts: Timed[], k: Figure) => median(ts.map((t) => t[k]));
const line = (t: Timed) => `${t.wall.toFixed(2)} s wall${Number.isFinite(t.extractS) ? ` (extraction ${t.extractS.toFixed(1)} s)` : ""}, ${t.cpu.toFixed(2)} s CPU, ${t.rssMB.toFixed(0)} MB (all processes ${t.treeMB.toFixed(0)} MB) (load ${t.load.toFixed(1)})${t.waited ? `; search feed: ${t.waited}` : ""}`;

const sitrepBuild = (corpus: string, out: string, cache: string) => timed([bin.sitrepBin, "build", "--content", corpus, "--out", out], { SITREP_CACHE: cache, SITREP_STATS: "1" });
/** Pagefind's CLI over a built folder (every page's whole body: bare Eleventy's layout marks nothing). */
const pagefindOver = (site: string) => timed([bin.pagefindBin, "--site", site]);
const bareEleventy = (corpus: string, out: string) => timed([bin.eleventyBin, `--config=${bin.bareConfig}`, `--input=${join(corpus, "articles")}`, `--output=${out}`, "--quiet"]);

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Removes a folder with many removals in flight at once (`fs.promises.rm`). The built sites have
 * thousands of folders, and on a file system that discards freed blocks at once (as here) removing
 * them one at a time (`rmSync`) took 10.6 s for one 1,000-article site, several times longer.
 */
const removeTree = (path: string) => rm(path, { recursive: true, force: true });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pollPage(url: string, until: (body: string) => boolean, timeoutMs: number, alive: () => boolean = () => true): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && alive()) {
    try {
      const res = await fetch(url, { headers: { "cache-control": "no-cache" } });
      if (res.ok && until(await res.text())) return true;
    } catch {
      // the server is not up yet
    }
    await sleep(20);
  }
  return false;
}

/** Appends a sentence to one article; returns the marker and a function restoring the file. */
function editArticle(path: string): { marker: string; restore: () => void } {
  const original = readFileSync(path);
  const marker = `Benchmarkedit${Date.now().toString(36)}`;
  writeFileSync(path, `${original.toString("utf8").replace(/\n*$/, "")}\n\nThe word ${marker} was added by the benchmark.\n`);
  return { marker, restore: () => writeFileSync(path, original) };
}

interface ServeFigures {
  startup: number;
  edit: number;
}

/** `sitrep serve` (what `npm start` runs) in a scratch folder: start-up, then edit → page shows it. */
async function serveEdit(corpus: string, cache: string): Promise<ServeFigures | null> {
  const port = await freePort();
  // Run it in a scratch folder whose dist/ is the frozen copy's (it writes nothing, but the
  // repository stays out of it).
  const cwd = mkdtempSync(join(tmp, "serve-"));
  symlinkSync(join(app, "dist"), join(cwd, "dist"));
  const articles = corpusArticles(corpus);
  const target = articles[articles.length >> 1]!;
  const url = `http://127.0.0.1:${port}/briefings/${articleId(target)}/`;
  const child = spawn(process.execPath, [bin.sitrepBin, "serve", "--content", corpus, "--port", String(port)], {
    cwd,
    env: { ...process.env, SITREP_CACHE: cache },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let running = true;
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  child.once("exit", () => (running = false));
  const alive = () => running;
  try {
    const t0 = performance.now();
    if (!(await pollPage(url, () => true, 900_000, alive))) {
      console.error(`  ! serve never answered ${url}\n${stderr}`);
      return null;
    }
    const startup = (performance.now() - t0) / 1000;
    await sleep(1000); // let the file watcher settle after start-up
    const edit = editArticle(target);
    const t1 = performance.now();
    const ok = await pollPage(url, (body) => body.includes(edit.marker), 900_000, alive);
    const editTime = (performance.now() - t1) / 1000;
    edit.restore();
    if (!ok) console.error(`  ! the edit never showed at ${url}\n${stderr}`);
    return ok ? { startup, edit: editTime } : null;
  } finally {
    if (running) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await removeTree(cwd);
  }
}

interface Throughput {
  mode: string;
  articles: number;
  bytes: number;
  wall: number;
  cpu: number;
  warmup?: number;
  cores?: number;
  mbPerSecond: number;
  mbPerCpuSecond: number;
  /** single: the same articles again, warm (see throughput.ts) */
  warmMbPerCpuSecond?: number;
  /** single: fresh articles once V8 has compiled the code (the 601st article on), and how many; null when the corpus has too few */
  settledMbPerCpuSecond?: number | null;
  settledArticles?: number;
}

function throughput(corpus: string, mode: "single" | "pool", limit: number): Throughput | null {
  const r = spawnSync(process.execPath, [bin.throughput, corpus, "--mode", mode, "--limit", String(limit)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const line = r.stdout.trim().split("\n").pop();
  if (r.status !== 0 || !line) {
    console.error(`  ! throughput ${mode} failed\n${r.stderr}`);
    return null;
  }
  return JSON.parse(line) as Throughput;
}

interface SizeResult {
  n: number;
  corpus: CorpusStats;
  runs: number;
  a: Timed[];
  b: Timed[];
  /** Pagefind's CLI over each bare Eleventy output: (b) plus this is the classic stack with search. */
  c: Timed[];
  warm: Timed[];
  editBuild: Timed | null;
  single: Throughput | null;
  pool: Throughput | null;
  serve: ServeFigures | null;
  profile: string;
}

class Skip extends Error {}

async function measure(n: number): Promise<SizeResult> {
  const corpus = makeCorpus(n, join(corpusRoot, `n${n}`));
  const runs = runsFor(n);
  console.error(`\nN = ${n.toLocaleString("en")}: ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpus.dir}; ${runs} run${runs > 1 ? "s" : ""} each`);
  const a: Timed[] = [];
  const b: Timed[] = [];
  const c: Timed[] = [];
  let cache = "";
  // The last cold build's site stays for the warm rebuilds: they rebuild it, as an editor does.
  const warmOut = join(tmp, `a-${n}-${runs - 1}`);
  for (let r = 0; r < runs; r++) {
    cache = join(tmp, `cache-${n}-${r}`);
    await removeTree(cache);
    const order = r % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const which of order) {
      const out = join(tmp, `${which}-${n}-${r}`);
      const t = which === "a" ? sitrepBuild(corpus.dir, out, cache) : bareEleventy(corpus.dir, out);
      (which === "a" ? a : b).push(t);
      console.error(`  run ${r + 1} ${which === "a" ? "sitrep build  " : "bare Eleventy "} ${line(t)}`);
      // Not above 10,000: one Pagefind index of 50,000 whole pages needs ~30 GB (0.6 MB a page).
      if (which === "b" && n <= 10_000) {
        const search = pagefindOver(out);
        c.push(search);
        console.error(`  run ${r + 1} + Pagefind CLI ${line(search)}`);
      }
      if (out !== warmOut) await removeTree(out);
    }
  }
  if (values["cold-only"]) {
    await removeTree(cache);
    await removeTree(warmOut);
    return { n, corpus, runs, a, b, c, warm: [], editBuild: null, single: null, pool: null, serve: null, profile: "" };
  }
  // Warm: the last cold run's cache and site, nothing changed.
  const warm: Timed[] = [];
  let profile = "";
  for (let r = 0; r < Math.min(runs, n <= 1000 ? 2 : 1); r++) {
    // `--profile N`: the last warm build at N runs under --cpu-prof (flagged in the table).
    const profiled = profileAt === n && r === Math.min(runs, n <= 1000 ? 2 : 1) - 1;
    const dir = join(tmp, `profile-${n}`);
    const t = profiled
      ? timed(["--cpu-prof", "--cpu-prof-dir", dir, bin.sitrepBin, "build", "--content", corpus.dir, "--out", warmOut], { SITREP_CACHE: cache, SITREP_STATS: "1" })
      : sitrepBuild(corpus.dir, warmOut, cache);
    warm.push(t);
    console.error(`  warm ${r + 1}        ${line(t)}${profiled ? " (under --cpu-prof)" : ""}`);
    if (profiled) {
      profile = [`### Profile: warm \`sitrep build\` at N = ${n.toLocaleString("en")} (\`node --cpu-prof\`; ${line(t)})`, "", "Cold builds differ by the extraction alone: on the workers, while the main thread waits (see the cold/warm figures above).", "", summariseDir(dir, 15)].join("\n");
      await removeTree(dir);
    }
  }
  // One edited article through a second build (warm cache, only that article re-extracted).
  const articles = corpusArticles(corpus.dir);
  const target = articles[articles.length >> 1]!;
  const edit = editArticle(target);
  let editBuild: Timed | null = null;
  try {
    // --quick: the dev server's edit figure below stands for it (one build fewer).
    if (n > serveMax || quick) throw new Skip();
    editBuild = sitrepBuild(corpus.dir, warmOut, cache);
    const page = join(warmOut, "briefings", articleId(target), "index.html");
    const shows = existsSync(page) && readFileSync(page, "utf8").includes(edit.marker);
    console.error(`  edit+build    ${line(editBuild)} (${basename(target)}${shows ? " rewritten" : " NOT rewritten"})`);
    if (!shows) editBuild = null;
  } catch (error) {
    if (!(error instanceof Skip)) throw error;
  } finally {
    edit.restore();
  }
  await removeTree(warmOut);
  const single = throughput(corpus.dir, "single", quick ? 60 : 300);
  if (single) console.error(`  extraction, 1 thread: ${single.mbPerSecond.toFixed(3)} MB/s wall, ${single.mbPerCpuSecond.toFixed(3)} MB per CPU-s over ${single.articles} fresh articles (${(single.bytes / 1e6).toFixed(2)} MB), warm-up ${single.warmup?.toFixed(2)} s; fresh text once V8 has compiled the code: ${single.settledMbPerCpuSecond?.toFixed(3) ?? "—"} MB per CPU-s over ${single.settledArticles ?? 0} articles; the first ones again, warm: ${single.warmMbPerCpuSecond?.toFixed(3)} MB per CPU-s`);
  const pool = throughput(corpus.dir, "pool", quick ? 200 : Math.min(n, 1000));
  if (pool) console.error(`  extraction, pool:     ${pool.mbPerSecond.toFixed(3)} MB/s wall, ${pool.mbPerCpuSecond.toFixed(3)} MB per CPU-s over ${pool.articles} articles, ${pool.cores?.toFixed(2)} cores busy (load ${loadavg()[0]!.toFixed(1)})`);
  let serve: ServeFigures | null = null;
  if (n <= serveMax) {
    serve = await serveEdit(corpus.dir, cache);
    if (serve) console.error(`  serve: up in ${serve.startup.toFixed(2)} s; edit visible in ${serve.edit.toFixed(2)} s`);
  }
  await removeTree(cache);
  return { n, corpus, runs, a, b, c, warm, editBuild, single, pool, serve, profile };
}

const f = (x: number | undefined | null, d = 2) => (x === undefined || x === null || !Number.isFinite(x) ? "—" : x.toFixed(d));

function sizeTable(r: SizeResult): string {
  const row = (name: string, key: Figure, d = 2) => {
    const av = med(r.a, key);
    const bv = med(r.b, key);
    return `| ${name} | ${f(av, d)} | ${f(bv, d)} | ${f(av / bv)}× |`;
  };
  const cold = med(r.a, "wall");
  return [
    `### N = ${r.n.toLocaleString("en")} (${(r.corpus.bytes / 1e6).toFixed(1)} MB of markdown; medians of ${r.runs} alternating run${r.runs > 1 ? "s" : ""})`,
    "",
    "| measure | (a) sitrep build, cold | (b) bare Eleventy | a/b |",
    "|---|---:|---:|---:|",
    row("wall, s", "wall"),
    row("CPU (user+sys), s", "cpu"),
    `| wall, s, against bare Eleventy followed by Pagefind's CLI over its pages (the classic stack with search) | ${f(med(r.a, "wall"))} | ${f(med(r.b, "wall") + med(r.c, "wall"))} | ${f(med(r.a, "wall") / (med(r.b, "wall") + med(r.c, "wall")))}× |`,
    `| CPU, s, against the same | ${f(med(r.a, "cpu"))} | ${f(med(r.b, "cpu") + med(r.c, "cpu"))} | ${f(med(r.a, "cpu") / (med(r.b, "cpu") + med(r.c, "cpu")))}× |`,
    row("peak RSS of the largest process (GNU time), MB", "rssMB", 0),
    row("peak RSS of all its processes, summed (Node + Pagefind; sampled every 0.2 s), MB", "treeMB", 0),
    `| of which extraction (cache, pool), s | ${f(med(r.a, "extractS"))} | | |`,
    `| wall per article, ms | ${f((cold / r.n) * 1000)} | ${f((med(r.b, "wall") / r.n) * 1000)} | |`,
    "",
    "| measure | value |",
    "|---|---:|",
    `| warm rebuild (nothing changed), s | ${f(med(r.warm, "wall"))} (${f(med(r.warm, "wall") / cold)}× cold) |`,
    `| warm rebuild CPU, s / peak RSS, MB / of which reading the cache, s | ${f(med(r.warm, "cpu"))} / ${f(med(r.warm, "rssMB"), 0)} / ${f(med(r.warm, "extractS"))} |`,
    `| one article edited → its page rewritten, by a second \`sitrep build\` (warm cache), s | ${r.n <= serveMax && !quick ? f(r.editBuild?.wall) : quick ? "not measured (--quick)" : "not measured (N > --serve-max)"} |`,
    `| one article edited → visible in \`sitrep serve\` (npm start; HTTP poll every 20 ms), s | ${r.serve ? f(r.serve.edit) : r.n <= serveMax ? "failed" : "not measured"} |`,
    `| \`sitrep serve\` start-up with a warm cache, s | ${r.serve ? f(r.serve.startup) : "—"} |`,
    `| extraction, 1 thread in-process, fresh text: MB/s (wall) / MB per CPU-second | ${f(r.single?.mbPerSecond, 3)} / ${f(r.single?.mbPerCpuSecond, 3)} (${r.single?.articles ?? 0} articles; model load + first article ${f(r.single?.warmup)} s) |`,
    `| extraction, 1 thread, fresh text once V8 has compiled the code (from the 601st article on): MB per CPU-second | ${f(r.single?.settledMbPerCpuSecond, 3)} (${r.single?.settledArticles ?? 0} articles) |`,
    `| extraction, 1 thread, the first articles again (warm): MB per CPU-second | ${f(r.single?.warmMbPerCpuSecond, 3)} |`,
    `| extraction, worker pool (cache off): MB/s total (wall) / MB per CPU-second / cores busy | ${f(r.pool?.mbPerSecond, 3)} / ${f(r.pool?.mbPerCpuSecond, 3)} / ${f(r.pool?.cores)} (${r.pool?.articles ?? 0} articles) |`,
    `| 1-minute load average at the start of the runs (a; b) | ${r.a.map((t) => f(t.load, 1)).join(", ")}; ${r.b.map((t) => f(t.load, 1)).join(", ")} |`,
    "",
  ].join("\n");
}

function targets(results: SizeResult[]): string {
  const at = (n: number) => results.find((r) => r.n === n);
  const r1 = at(1000);
  const r4 = at(4000);
  const r50 = at(50000);
  const rows: Array<[string, string, boolean | null]> = [];
  const single = r4?.single ?? r1?.single;
  // Judged on fresh text once V8 has compiled the code, what a long build's workers do with an
  // archive; the warm rate on text seen before (what `npm run eval` measures) and the rate while V8
  // is still compiling are printed beside it.
  const settled = single?.settledMbPerCpuSecond ?? null;
  rows.push([
    "extraction ≥ 3 MB/s per core",
    single
      ? `${f(settled, 3)} MB per CPU-second on fresh text once V8 has compiled the code (1 thread, ${single.settledArticles ?? 0} articles of N = ${(r4?.single ? r4 : r1)!.n} from the 601st on); ${f(single.warmMbPerCpuSecond, 3)} on ${single.articles} articles again and again; ${f(single.mbPerCpuSecond, 3)} on the first ${single.articles} in a fresh process (${f(single.mbPerSecond, 3)} MB/s wall)`
      : "—",
    settled !== null ? settled >= 3 : null,
  ]);
  const ratio = r4 ? med(r4.a, "wall") / med(r4.b, "wall") : NaN;
  const warmRatio = r4 ? med(r4.warm, "wall") / med(r4.b, "wall") : NaN;
  const withSearch = r4 ? med(r4.a, "wall") / (med(r4.b, "wall") + med(r4.c, "wall")) : NaN;
  rows.push(["full build ≤ 2.0× bare Eleventy at N = 4,000", r4 ? `${f(ratio)}× cold (${f(warmRatio)}× with a warm cache; ${f(withSearch)}× against bare Eleventy followed by Pagefind's CLI)` : "not measured", r4 ? ratio <= 2 : null]);
  const wr = results.map((r) => `${f(med(r.warm, "wall") / med(r.a, "wall"))}× at ${r.n.toLocaleString("en")}`);
  const worstWarm = Math.max(...results.map((r) => med(r.warm, "wall") / med(r.a, "wall")));
  rows.push(["warm rebuild ≤ 0.5× cold", wr.join(", "), results.length ? worstWarm <= 0.5 : null]);
  const pool = r4?.pool ?? r1?.pool;
  rows.push(["both cores used for extraction", pool ? `${f(pool.cores)} cores busy (pool of ${cpus().length} workers, ${pool.articles} articles; CPU s / wall s, lower when the machine is shared)` : "—", pool ? (pool.cores ?? 0) >= 1.7 : null]);
  // The whole build's memory: Node and the Pagefind process beside it, summed.
  const peak50 = r50 ? Math.max(med(r50.a, "treeMB"), med(r50.a, "rssMB")) : NaN;
  rows.push(["N = 50,000: peak RSS ≤ 4 GB", r50 ? `${f(peak50 / 1024)} GB (all processes; Node alone ${f(med(r50.a, "rssMB") / 1024)} GB)` : "not measured", r50 ? peak50 <= 4096 && r50.a.every((t) => t.status === 0) : null]);
  const per = (r: SizeResult | undefined) => (r ? med(r.a, "wall") / r.n : NaN);
  rows.push(["time per article at 50k ≤ 1.2× at 1k", r50 && r1 ? `${f(per(r50) / per(r1))}× (${f(per(r50) * 1000)} vs ${f(per(r1) * 1000)} ms)` : "not measured", r50 && r1 ? per(r50) / per(r1) <= 1.2 : null]);
  rows.push(["edited article visible in `npm start` within 2 s at N = 1,000", r1?.serve ? `${f(r1.serve.edit)} s` : "not measured", r1?.serve ? r1.serve.edit <= 2 : null]);
  return ["| target (2-core machine) | measured | met |", "|---|---|:-:|", ...rows.map(([t, m, ok]) => `| ${t} | ${m} | ${ok === null ? "—" : ok ? "yes" : "**no**"} |`), ""].join("\n");
}

function machine(): string {
  const sh = (cmd: string) => spawnSync("sh", ["-c", cmd], { encoding: "utf8" }).stdout.trim();
  return [
    "```",
    `nproc: ${sh("nproc")}`,
    `cpu: ${cpus()[0]?.model ?? "?"} (${cpus().length} logical)`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    sh("free -h"),
    `node: ${process.version}; eleventy: ${JSON.parse(readFileSync(join(repoRoot, "node_modules", "@11ty", "eleventy", "package.json"), "utf8")).version}`,
    `git: ${sh(`git -C ${repoRoot} rev-parse --short HEAD`)}${sh(`git -C ${repoRoot} status --porcelain --untracked-files=no src templates`) ? " (+ uncommitted changes in src/ or templates/)" : ""}`,
    "```",
  ].join("\n");
}

/**
 * Other engineers compile into the shared dist/ while the benchmark runs; every compile would change
 * the code measured and the extractor version (so the cache). The benchmark therefore runs a frozen
 * copy of the package taken at start: package.json, bin/, eleventy.config.js, public/, models/ and
 * dist/ copied, node_modules linked.
 */
function snapshot(into: string): string {
  mkdirSync(into, { recursive: true });
  for (const name of ["package.json", "package-lock.json", "eleventy.config.js", "bin", "public", "models", "dist"]) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(into, name), { recursive: true });
  }
  symlinkSync(join(repoRoot, "node_modules"), join(into, "node_modules"));
  return into;
}

if (!existsSync(TIME)) throw new Error(`bench: needs ${TIME} (GNU time) for CPU time and peak RSS of the children`);
const tmp = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
const app = snapshot(join(tmp, "app"));
const bin = appPaths(app);
const results: SizeResult[] = [];
const started = new Date();
try {
  for (const n of sizes) results.push(await measure(n));
} catch (error) {
  await removeTree(tmp);
  throw error;
}

const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
const report = [
  `## Results (${command}, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
  "",
  machine(),
  "",
  targets(results),
  ...results.map(sizeTable),
  ...results.map((r) => r.profile).filter(Boolean),
].join("\n");
console.log(`\n${report}`);

if (write) {
  const path = join(repoRoot, "BENCHMARKS.md");
  const head = existsSync(path) ? readFileSync(path, "utf8").split("\n<!-- results -->")[0]! : "# Benchmarks\n";
  writeFileSync(path, `${head.trimEnd()}\n\n<!-- results -->\n${report}\n`);
  console.error(`\nwrote ${path}`);
}
await removeTree(tmp);

#!/usr/bin/env node
// The sitrep command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run compile`.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("sitrep: not compiled yet — run `npm run compile` (or `npm ci`) in the sitrep folder first");
  process.exit(2);
}

// `sitrep build` renders every page of the site, and the strings of a page die young: with V8's
// default young generation (16 MB semi-spaces) the scavenger ran ~1,000 times over 1,000 articles
// and was a quarter of the CPU time. And the heap limit decides how much garbage V8 lets pile up
// before it collects: with three quarters of the machine as the limit, a 50,000-article build whose
// live heap stayed near 1.5 GB peaked at 7.5 GB of RSS. Both are fixed when the process starts, so a
// build runs itself again with larger semi-spaces and a heap limit sized to the archive: 2.5 GB up
// to 52,000 articles, plus 40 KB per article past that (the site index is about 25 KB an article; a
// render pass adds up to about 1 GB whatever the size), never above three quarters of the machine's
// memory — unless those flags were given already (node's options or NODE_OPTIONS). With 3 GB, a
// 50,000-article build's process sat at 3.0–3.2 GB while Pagefind's process wrote a shard (0.7–0.8 GB): all
// processes summed to 4,009 MB, no margin under 4 GB. See BENCHMARKS.md.
const args = process.argv.slice(2);
const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""];
const missing =
  args[0] !== "build"
    ? []
    : [
        ["--max-semi-space-size", () => "--max-semi-space-size=64"],
        ["--max-old-space-size", () => `--max-old-space-size=${heapLimitMb(args)}`],
      ]
        .filter(([name]) => !given.some((a) => a.includes(name)))
        .map(([, flag]) => flag());

/** The build's heap limit in MB, from the number of articles in its content folder. */
function heapLimitMb(args) {
  const at = args.findIndex((a) => a === "--content" || a.startsWith("--content="));
  const content = at < 0 ? "content" : args[at].includes("=") ? args[at].slice("--content=".length) : (args[at + 1] ?? "content");
  let articles = 0;
  try {
    articles = readdirSync(join(content, "articles"), { recursive: true }).filter((f) => /\.(md|markdown)$/.test(String(f))).length;
  } catch {
    // No articles folder: the build reports it.
  }
  return Math.min(Math.floor((totalmem() / 2 ** 20) * 0.75), 2560 + Math.max(0, Math.ceil(((articles - 52000) * 40) / 1024)));
}

if (missing.length > 0) {
  const child = spawn(process.execPath, [...process.execArgv, ...missing, fileURLToPath(import.meta.url), ...args], { stdio: "inherit" });
  // Stopping this process stops the build; the build's exit (or signal) is this process's.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (!signal) return void (process.exitCode = code ?? 1);
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  });
} else {
  // `sitrep extract`, `check` and `build` (here in the child started above) run the names layer over
  // text V8 has not seen: V8's interrupt budget at 4× and allocation-site pretenuring off
  // (src/tiering.ts says why) before the CLI loads.
  if (args[0] === "extract" || args[0] === "check" || args[0] === "build") {
    const { tuneForFreshText, allocateYoung } = await import(new URL("../dist/src/tiering.js", import.meta.url).href);
    tuneForFreshText();
    allocateYoung();
  }
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
}

#!/usr/bin/env node
// The sitrep command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run compile`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("sitrep: not compiled yet — run `npm run compile` (or `npm ci`) in the sitrep folder first");
  process.exit(2);
}

// `sitrep build` renders every page of the site, and the strings of a page die young: with V8's
// default young generation (16 MB semi-spaces) the scavenger ran ~1,000 times over 1,000 articles
// and was a quarter of the CPU time. And V8's default heap limit (~4 GB, whatever the machine has)
// is less than a large archive needs: at 50,000 articles the site index alone is ~3.8 GB of heap,
// and the build died there. Both are fixed when the process starts, so a build runs itself again
// with larger semi-spaces and a heap limit of three quarters of the machine's memory (never below
// V8's own), unless those flags were given already (node's options or NODE_OPTIONS). See BENCHMARKS.md.
const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""];
const missing = [
  ["--max-semi-space-size", "--max-semi-space-size=64"],
  ["--max-old-space-size", `--max-old-space-size=${Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.75))}`],
]
  .filter(([name]) => !given.some((a) => a.includes(name)))
  .map(([, flag]) => flag);
const args = process.argv.slice(2);
if (args[0] === "build" && missing.length > 0) {
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
  // text V8 has not seen: V8's interrupt budget at 4× (src/tiering.ts says why) before the CLI loads.
  if (args[0] === "extract" || args[0] === "check" || args[0] === "build") {
    const { tuneForFreshText } = await import(new URL("../dist/src/tiering.js", import.meta.url).href);
    tuneForFreshText();
  }
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
}

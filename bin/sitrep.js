#!/usr/bin/env node
// The sitrep command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run compile`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("sitrep: not compiled yet — run `npm run compile` (or `npm ci`) in the sitrep folder first");
  process.exit(2);
}

// `sitrep build` renders every page of the site, and the strings of a page die young: with V8's
// default young generation (16 MB semi-spaces) the scavenger ran ~1,000 times over 1,000 articles
// and was a quarter of the CPU time. Its size is fixed when the process starts, so a build runs
// itself again with larger semi-spaces (see BENCHMARKS.md), unless the flag was given already
// (node's options or NODE_OPTIONS).
const YOUNG_GENERATION = "--max-semi-space-size=64";
const args = process.argv.slice(2);
const flagged = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => a.includes("--max-semi-space-size"));

// `sitrep extract` and `sitrep check` run the names layer over text V8 has not seen, and on fresh
// text V8 optimised its functions early, on little type feedback, then threw the code away at the
// first branch it had not seen and compiled it again: over 1,000 fresh bench articles its compiler
// threads took about as much CPU as the extraction itself. A 4× interrupt budget (V8's default is
// 67584) lets a function run longer in the interpreter and baseline code first: fewer, better-fed
// compilations (238 instead of 431 over those articles, 44 deoptimisations instead of 92) and
// 15–30 % fewer CPU-seconds there and on the 60 of `npm run bench -- --quick` (docs/EXTRACTION.md).
// A tuning flag only: it changes when code is optimised, never what it computes. V8's flags are
// process-wide, so the extraction worker threads have it too. Not for `build`, whose rendering
// was not measured with it; not when the flag was given already.
const TIER_UP_BUDGET = "--interrupt-budget=270336";
const budgeted = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => a.includes("--interrupt-budget"));
if ((args[0] === "extract" || args[0] === "check") && !budgeted) setFlagsFromString(TIER_UP_BUDGET);
if (args[0] === "build" && !flagged) {
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION, fileURLToPath(import.meta.url), ...args], { stdio: "inherit" });
  // Stopping this process stops the build; the build's exit (or signal) is this process's.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (!signal) return void (process.exitCode = code ?? 1);
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  });
} else {
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
}

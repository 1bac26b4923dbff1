#!/usr/bin/env node
// The sitrep command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run compile`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
  // `sitrep extract`, `check` and `build` (here in the child started above) run the names layer over
  // text V8 has not seen: V8's interrupt budget at 4× (src/tiering.ts says why) before the CLI loads.
  if (args[0] === "extract" || args[0] === "check" || args[0] === "build") {
    const { tuneForFreshText } = await import(new URL("../dist/src/tiering.js", import.meta.url).href);
    tuneForFreshText();
  }
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
}

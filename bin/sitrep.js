#!/usr/bin/env node
// The sitrep command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run compile`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("sitrep: not compiled yet — run `npm run compile` (or `npm ci`) in the sitrep folder first");
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));

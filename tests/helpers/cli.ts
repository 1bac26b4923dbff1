import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./shared.js";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled `sitrep` command (npm test compiles first). */
export function sitrep(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "sitrep.js"), ...args], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

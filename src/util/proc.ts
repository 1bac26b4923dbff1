/**
 * What Linux's /proc says about processes: child processes (`/proc/<pid>/task/<tid>/children`,
 * one list per thread) and this process's peak memory. Elsewhere, or if the process is gone,
 * there are no children and no peak.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

/** The direct children of `pid` (default: this process). */
export function childPids(pid: number | "self" = "self"): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * This process's peak resident memory in MB since it started or since the last call (`VmHWM`,
 * which the call resets through `/proc/self/clear_refs`); null where /proc does not say.
 */
export function peakRssSinceLast(): number | null {
  try {
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
    writeFileSync("/proc/self/clear_refs", "5");
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

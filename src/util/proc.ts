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

/** A memory figure of a process from `/proc/<pid>/status`, in kB (`VmRSS`: resident now; `VmHWM`: its peak); null if /proc does not say. */
export function statusKB(pid: number | "self", field: "VmRSS" | "VmHWM"): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * This process's peak resident memory in MB since it started or since the last call (`VmHWM`,
 * which the call resets through `/proc/self/clear_refs`); null where /proc does not say.
 */
export function peakRssSinceLast(): number | null {
  const kb = statusKB("self", "VmHWM");
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not reset: the next reading would not be "since the last call".
    return null;
  }
  return kb === null ? null : Math.round(kb / 1024);
}

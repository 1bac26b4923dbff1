/**
 * Child processes from Linux's /proc (`/proc/<pid>/task/<tid>/children`, one list per thread).
 * Elsewhere, or if the process is gone, there are none.
 */
import { readdirSync, readFileSync } from "node:fs";

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

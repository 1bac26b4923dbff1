/**
 * Peak resident memory of all the processes a benchmark command starts (Linux /proc), sampled on a
 * worker thread every 200 ms while the main thread waits in `spawnSync`. GNU time's %M is the
 * largest single process only; `sitrep build` runs Pagefind as a second process beside Node.
 * This module is also that worker (it samples when it is not the main thread).
 */
import { isMainThread, Worker, workerData } from "node:worker_threads";
import { childPids, statusKB } from "../src/util/proc.js";

if (!isMainThread) {
  const { root, shared } = workerData as { root: number; shared: SharedArrayBuffer };
  const peak = new Int32Array(shared);
  setInterval(() => {
    let total = 0;
    const todo = childPids(root);
    for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
      total += statusKB(pid, "VmRSS") ?? 0;
      todo.push(...childPids(pid));
    }
    if (total > Atomics.load(peak, 0)) Atomics.store(peak, 0, total);
  }, 200);
}

/** Starts sampling the descendants of this process; `stop()` gives the peak of their summed RSS in MB (NaN without /proc). */
export function treeRss(): { stop(): number } {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(new URL(import.meta.url), { workerData: { root: process.pid, shared } });
  worker.unref();
  return {
    stop() {
      void worker.terminate();
      const kb = Atomics.load(new Int32Array(shared), 0);
      return kb > 0 ? kb / 1024 : NaN;
    },
  };
}

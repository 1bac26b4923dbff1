/**
 * Peak resident memory of all the processes a benchmark command starts (Linux /proc), sampled on a
 * worker thread every 200 ms while the main thread waits in `spawnSync`. GNU time's %M is the
 * largest single process only; `sitrep build` runs Pagefind as a second process beside Node.
 */
import { Worker } from "node:worker_threads";

const SAMPLER = `
const { workerData } = require("node:worker_threads");
const { readFileSync, readdirSync } = require("node:fs");
const peak = new Int32Array(workerData.shared);
const children = (pid) => {
  try {
    return readdirSync("/proc/" + pid + "/task").flatMap((t) => readFileSync("/proc/" + pid + "/task/" + t + "/children", "utf8").trim().split(/\\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
};
const rssKB = (pid) => {
  try {
    const m = /VmRSS:\\s+(\\d+)/.exec(readFileSync("/proc/" + pid + "/status", "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};
const sample = () => {
  let total = 0;
  const todo = children(workerData.root);
  while (todo.length) {
    const pid = todo.pop();
    total += rssKB(pid);
    todo.push(...children(pid));
  }
  if (total > Atomics.load(peak, 0)) Atomics.store(peak, 0, total);
};
setInterval(sample, 200);
`;

/** Starts sampling the descendants of this process; `stop()` gives the peak of their summed RSS in MB (NaN without /proc). */
export function treeRss(): { stop(): number } {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { root: process.pid, shared } });
  worker.unref();
  return {
    stop() {
      void worker.terminate();
      const kb = Atomics.load(new Int32Array(shared), 0);
      return kb > 0 ? kb / 1024 : NaN;
    },
  };
}

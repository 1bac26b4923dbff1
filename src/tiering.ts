/**
 * V8 tuning for extraction: two flags, each a tuning only (they change when code is optimised and
 * where objects are allocated, never what anything computes).
 *
 * First, for a process that extracts text V8 has not seen (`sitrep extract`, `check` and `build`,
 * the extraction benchmark). On fresh text V8 optimised the names layer's functions early, on little type
 * feedback, then threw the code away at the first branch it had not seen and compiled it again: over
 * 1,000 fresh bench articles its compiler threads took about as much CPU as the extraction itself.
 * A 4× interrupt budget (V8's default is 67584) lets a function run longer in the interpreter and in
 * baseline code first: fewer, better-fed compilations (238 instead of 431 over those articles, 44
 * deoptimisations instead of 92) and fewer CPU-seconds, also for a whole `sitrep build`, rendering
 * included (figures in docs/EXTRACTION.md, "Speed work of 2026-11-26 (morning)"). On the repeated
 * eval corpus V8 takes a little longer to optimise everything (passes 11–40) for the same steady
 * speed, so `npm run eval` does not set it.
 *
 * A tuning flag only: it changes when code is optimised, never what it computes. V8's flags are
 * process-wide, so extraction worker threads started later have it too. Set it before the code it
 * is for runs (bin/sitrep.js does so before it loads the CLI).
 */
import { setFlagsFromString } from "node:v8";

export const TIER_UP_BUDGET = "--interrupt-budget=270336";

/** Sets TIER_UP_BUDGET unless node was started with an interrupt budget of its own. */
export function tuneForFreshText(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => a.startsWith("--interrupt-budget"))) return;
  setFlagsFromString(TIER_UP_BUDGET);
}

/**
 * Second, for every process that extracts (`sitrep extract`, `check`, `build`, `npm run eval`):
 * V8's allocation-site pretenuring off. When most objects of one allocation site are still alive at
 * a scavenge, V8 allocates that site's objects directly in the old generation from then on, where
 * only a full mark-compact frees them. The names layer's caches fill while the first articles are
 * read, so sites that later make only per-article garbage got pretenured: in the warm eval loop
 * (`node --trace-gc`) every scavenge left about 0.75 MB more in the old generation, all of it
 * garbage at the next mark-compact (67 → 33 MB). Without pretenuring the heap after each scavenge
 * stayed flat (37.3 MB), half as many mark-compacts ran, and V8's GC threads took less CPU:
 * `npm run eval`, alternating processes, 3.05 → 3.34 MB per CPU-second (mean of four pairs, load
 * 2–3), and 2.7 % faster on 100 benchmark articles repeated; fresh text and a whole build's CPU
 * time did not move beyond the noise (docs/EXTRACTION.md, "Speed, where it stands").
 */
export const NO_PRETENURING = "--no-allocation-site-pretenuring";

/** Sets NO_PRETENURING unless node was started with a pretenuring flag of its own. */
export function allocateYoung(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => a.includes("allocation-site-pretenuring"))) return;
  setFlagsFromString(NO_PRETENURING);
}

/**
 * V8 tuning for a process that extracts text V8 has not seen (`sitrep extract`, `check` and `build`,
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

/**
 * Regression guard for issue 3: entity F1 of the whole extractor on the gum-news corpus must not
 * fall below the figures last reached (tests/fixtures/eval-floor.json).
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { evaluateFull } from "../scripts/eval.js";
import { repoRoot, sharedDir } from "./helpers/shared.js";

const floor = JSON.parse(readFileSync(join(repoRoot, "tests", "fixtures", "eval-floor.json"), "utf8")) as Record<"all" | "person" | "organization" | "place", number>;

describe("entity F1 on gum-news", () => {
  const result = evaluateFull(join(sharedDir, "corpus", "gum-news"), { speedSeconds: 0 });
  for (const type of ["all", "person", "organization", "place"] as const) {
    it(`${type}: F1 ≥ ${floor[type]}`, () => {
      expect(Number(result.f1[type].toFixed(3))).toBeGreaterThanOrEqual(floor[type]);
    });
  }
});

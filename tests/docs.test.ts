import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./helpers/shared.js";

/** Every rule id the code reports, found where it is reported. */
function ruleIds(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) {
        const source = readFileSync(path, "utf8");
        for (const m of source.matchAll(/report\([^;]*?"([a-z]+(?:-[a-z]+)+)"/gs)) ids.add(m[1]!);
        for (const m of source.matchAll(/ruleId: "([a-z]+(?:-[a-z]+)+)"/g)) ids.add(m[1]!);
      }
    }
  };
  walk(join(repoRoot, "src"));
  return [...ids].sort();
}

describe("docs/ERRORS.md", () => {
  it("documents every rule id the code reports", () => {
    const ids = ruleIds();
    expect(ids.length).toBeGreaterThan(20);
    const doc = readFileSync(join(repoRoot, "docs", "ERRORS.md"), "utf8");
    const missing = ids.filter((id) => !doc.includes(`### ${id}\n`));
    expect(missing).toEqual([]);
  });
});

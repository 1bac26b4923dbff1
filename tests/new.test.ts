import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sitrep } from "./helpers/cli.js";
import { localDate } from "../src/import.js";

describe("sitrep new", () => {
  it("scaffolds an article with today's date that check then asks to fill in", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-new-"));
    const run = sitrep(["new", "Russia pulls air defences from Syria", "--out", dir]);
    expect(run.status, run.stderr).toBe(0);
    const path = join(dir, "russia-pulls-air-defences-from-syria.md");
    expect(run.stdout.trim()).toBe(path);
    const text = readFileSync(path, "utf8");
    expect(text).toContain("title: Russia pulls air defences from Syria\n");
    expect(text).toContain(`date: ${localDate(new Date())}\n`);
    const check = sitrep(["check", path]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("[body-empty]");
    expect(sitrep(["new", "Russia pulls air defences from Syria", "--out", dir]).status).toBe(1);
  });
});

/**
 * `npm start` (sitrep serve): the dev server shows an edited article without a restart.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { repoRoot } from "./helpers/shared.js";

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill("SIGTERM");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, seconds: number): Promise<T> {
  for (let i = 0; i < seconds * 2; i++) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("sitrep serve", () => {
  it("rebuilds when an article is edited", async () => {
    const root = mkdtempSync(join(tmpdir(), "sitrep-serve-"));
    cpSync(join(repoRoot, "tests", "fixtures", "site", "content"), join(root, "content"), { recursive: true });
    const port = await freePort();
    server = spawn(process.execPath, [join(repoRoot, "bin", "sitrep.js"), "serve", "--content", "content", "--port", String(port)], { cwd: root, stdio: "pipe" });
    const url = `http://localhost:${port}/briefings/jets-leave-hmeimim/`;
    const title = async () => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(await (await fetch(url)).text())?.[1];
    expect(await until("the first build", title, 120)).toContain("Jets leave Hmeimim");
    const path = join(root, "content", "articles", "jets-leave-hmeimim.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("title: Jets leave Hmeimim", "title: Jets still leaving Hmeimim"));
    const updated = await until("the edit to show", async () => ((await title())?.includes("Jets still leaving") ? true : undefined), 60);
    expect(updated).toBe(true);
  }, 240_000);
});

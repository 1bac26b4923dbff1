import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sitrep } from "./helpers/cli.js";
import { briefingValidator } from "./helpers/schema.js";
import { repoRoot, sharedDir } from "./helpers/shared.js";
import { hashTree } from "./helpers/tree.js";
import type { Briefing } from "../src/types.js";

const seedArticle = join(repoRoot, "content", "articles", "russia-syria-withdrawal.md");

describe("sitrep CLI", () => {
  it("prints help for every command and exits 2 on usage errors", () => {
    for (const command of ["import", "extract", "check", "build", "serve", "new"]) {
      const run = sitrep([command, "--help"]);
      expect(run.status, command).toBe(0);
      expect(run.stdout).toContain(`sitrep ${command}`);
    }
    expect(sitrep([]).status).toBe(2);
    expect(sitrep(["frobnicate"]).status).toBe(2);
    expect(sitrep(["extract"]).status).toBe(2);
    expect(sitrep(["extract", "--format", "xml", seedArticle]).status).toBe(2);
    expect(sitrep(["build", "--bogus"]).status).toBe(2);
  });

  it("import turns the raw seed into the article in content/ (outlet from the credits line)", () => {
    const out = mkdtempSync(join(tmpdir(), "sitrep-import-"));
    const run = sitrep(["import", join(sharedDir, "seed", "russia-syria-withdrawal.txt"), "--out", out, "--title", "Russia withdraws troops and equipment from Syria as it negotiates over its bases", "--date", "2024-12-15", "--date-precision", "month"]);
    expect(run.status, run.stderr).toBe(0);
    const written = readFileSync(join(out, "russia-syria-withdrawal.md"), "utf8");
    expect(written).toBe(readFileSync(seedArticle, "utf8"));
    expect(written).toContain("outlet:\n  name: CNN\n  domain: www.cnn.com");
    expect(written).not.toContain("Original Source");
    // Never overwrites an editor's file.
    expect(sitrep(["import", join(sharedDir, "seed", "russia-syria-withdrawal.txt"), "--out", out]).status).toBe(1);
  });

  it("extract prints Briefings valid against the shared JSON Schema (json and ndjson)", () => {
    const validate = briefingValidator();
    const one = sitrep(["extract", seedArticle]);
    expect(one.status, one.stderr).toBe(0);
    const briefing = JSON.parse(one.stdout) as Briefing;
    expect(validate(briefing), JSON.stringify(validate.errors)).toBe(true);
    expect(briefing.id).toBe("russia-syria-withdrawal");

    const many = sitrep(["extract", "--format", "ndjson", join(repoRoot, "content", "articles")]);
    expect(many.status, many.stderr).toBe(0);
    const lines = many.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      const b = JSON.parse(line) as Briefing;
      expect(validate(b), `${b.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("extract and check of an article load the extraction's modules only, not the renderer's", () => {
    // a module hook that names every module loaded, on stderr
    const dir = mkdtempSync(join(tmpdir(), "sitrep-modules-"));
    writeFileSync(join(dir, "hooks.mjs"), 'export async function load(url, context, next) { process.stderr.write("LOADED " + url + "\\n"); return next(url, context); }\n');
    writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
    for (const command of ["extract", "check"]) {
      const run = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, join(repoRoot, "bin", "sitrep.js"), command, seedArticle], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, SITREP_CACHE: "off" } });
      expect(run.status, run.stderr).toBe(0);
      const loaded = run.stderr.split("\n").filter((l) => l.startsWith("LOADED ")).map((l) => l.slice(7));
      // the hook does see the extraction's modules …
      expect(loaded.some((u) => u.endsWith("/dist/src/site/extraction.js")), command).toBe(true);
      expect(loaded.some((u) => u.endsWith("/dist/src/ner/index.js")), command).toBe(true);
      // … and none of the site's
      const renderer = loaded.filter((u) => /\/dist\/src\/site\/(build|eleventy|postbuild|search-index|pages|markdown|map|feeds)\.js$|\/node_modules\/(@11ty|remark-rehype|hast-util-to-html|d3-geo|topojson-client)\//.test(u));
      expect(renderer, command).toEqual([]);
    }
  });

  it("every mention and claim points at its text in the file as written", () => {
    const run = sitrep(["extract", "--format", "ndjson", join(repoRoot, "content", "articles")]);
    for (const line of run.stdout.trim().split("\n")) {
      const b = JSON.parse(line) as Briefing;
      const source = readFileSync(join(repoRoot, "content", "articles", `${b.id}.md`), "utf8");
      const lines = source.split("\n");
      for (const entity of [...b.actors, ...b.locations, ...b.sources]) {
        for (const m of entity.mentions) {
          expect(source.slice(m.offset, m.offset + m.text.length), `${b.id} ${entity.id}`).toBe(m.text);
          expect(lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.text.length)).toBe(m.text);
        }
      }
      for (const c of b.claims) expect(lines[c.line - 1]!.length).toBeGreaterThanOrEqual(c.column);
    }
  });

  it("warnings pass unless --strict", () => {
    const content = join(repoRoot, "tests", "fixtures", "site", "content");
    const check = sitrep(["check", content]);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/\d+ warnings?/);
    expect(sitrep(["check", "--strict", content]).status).toBe(1);
    const out = join(mkdtempSync(join(tmpdir(), "sitrep-strict-")), "_site");
    const build = sitrep(["build", "--strict", "--content", content, "--out", out]);
    expect(build.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  describe("bad input: positioned errors, exit 1, previous site untouched", () => {
    for (const [name, body, where] of [
      ["broken YAML", `---\ntitle: [unclosed\ndate: 2024-12-15\n---\n\nRussia said talks continue.\n`, /bad\.md:\d+:\d+: error .*\[frontmatter-yaml\]/],
      ["missing title", `---\ndate: 2024-12-15\n---\n\nRussia said talks continue.\n`, /bad\.md:3:1: error Article has no title.*\[title-missing\]/],
    ] as const) {
      it(`${name}: check and build fail and leave _site as it was`, () => {
        const root = mkdtempSync(join(tmpdir(), "sitrep-bad-"));
        const content = join(root, "content");
        mkdirSync(join(content, "articles"), { recursive: true });
        cpSync(seedArticle, join(content, "articles", "good.md"));
        writeFileSync(join(content, "articles", "bad.md"), body);
        const site = join(root, "_site");
        mkdirSync(join(site, "old"), { recursive: true });
        writeFileSync(join(site, "index.html"), "previous site");
        writeFileSync(join(site, "old", "page.html"), "previous page");
        const before = hashTree(site);
        const articleBefore = readFileSync(join(content, "articles", "bad.md"), "utf8");

        const check = sitrep(["check", content]);
        expect(check.status).toBe(1);
        expect(check.stderr).toMatch(where);

        const build = sitrep(["build", "--content", content, "--out", site]);
        expect(build.status).toBe(1);
        expect(build.stderr).toMatch(where);
        expect(hashTree(site)).toEqual(before);
        expect(readFileSync(join(content, "articles", "bad.md"), "utf8")).toBe(articleBefore);
        expect(existsSync(join(root, "._site.tmp-" + "x"))).toBe(false);
      });
    }
  });
});

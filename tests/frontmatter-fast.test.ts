/**
 * The simple front-matter reader must give exactly what gray-matter + `yaml` give — the data and
 * the offsets messages point at — wherever it answers, on real articles and on generated blocks.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { isMap, isScalar, parseDocument, type Node as YamlNode } from "yaml";
import { readSimpleFrontMatter } from "../src/plugins/frontmatter.js";
import { realMarkdownFiles, repoRoot } from "./helpers/shared.js";

/** What the full parser says: data, and per key the offsets of key and value (origin 3, no BOM). */
function reference(source: string) {
  let close = source.indexOf("\n---", 3);
  if (close < 0) close = source.length;
  const doc = parseDocument(source.slice(3, close), { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length || !isMap(doc.contents)) return null;
  const positions: Record<string, [number, number]> = {};
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const value = (pair.value ?? pair.key) as YamlNode;
    positions[String(pair.key.value)] = [3 + pair.key.range![0], 3 + value.range![0]];
  }
  return { data: doc.toJS() as Record<string, unknown>, positions };
}

function check(source: string): boolean {
  const fast = readSimpleFrontMatter(source, 3);
  if (!fast) return false;
  const ref = reference(source);
  expect(ref, source).not.toBeNull();
  expect(fast.data, source).toStrictEqual(ref!.data);
  for (const key of Object.keys(ref!.positions)) expect([fast.keyStart(key, -1), fast.keyAt(key, -1)], `${key} in ${source}`).toEqual(ref!.positions[key]);
  return true;
}

describe("simple front-matter reader", () => {
  it("equals gray-matter + yaml on every real article it takes", () => {
    let taken = 0;
    for (const path of realMarkdownFiles()) {
      const text = readFileSync(path, "utf8");
      if (text.startsWith("---\n") && check(text)) taken++;
    }
    expect(taken).toBeGreaterThan(150);
  });

  it("declines what it does not model", () => {
    for (const block of ["a: 1", "a: 1.5", "a: true", "a: null", "a: ~", "a:", "a: [x, y]", "a: {b: c}", "a:\n  b: c", "a: x # note", "a: x: y", "a: 'it''s'", 'a: "x\\ty"', "a: x\n a: y", "a: x\na: y", "# c\na: x", "a: x ", "a: -x", "a: *x", "a: |\n  x", "a:\tx", "a: x\n\nb: y"]) {
      expect(readSimpleFrontMatter(`---\n${block}\n---\n\nText.\n`, 3), JSON.stringify(block)).toBeNull();
    }
    expect(readSimpleFrontMatter("--- \ntitle: x\n---\n", 3)).toBeNull();
  });

  it("equals gray-matter + yaml on generated blocks", () => {
    const key = fc.constantFrom("title", "date", "outlet", "url", "summary", "license", "x_y", "tags", "a-b", "entities", "true", "1");
    const value = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 ,.:;'"#@%&*!?|>\-[\]{}()\/\u00e9\u2019]{0,16}$/),
      fc.constantFrom("2017-07-18", "2017-7-18", "12", "1e3", ".5", "null", "Null", "true", "yes", "~", "https://example.com/a#b", "Reuters", "\"quoted 'x'\"", "'single \"y\"'", "'a''b'", "\"a\\\"b\""),
    );
    const line = fc.tuple(key, fc.constantFrom(": ", ":  ", ":"), value).map(([k, sep, v]) => `${k}${sep}${v}`);
    const block = fc.array(line, { minLength: 1, maxLength: 5 }).map((ls) => `---\n${ls.join("\n")}\n---\n\nText.\n`);
    let taken = 0;
    fc.assert(
      fc.property(block, (doc) => {
        if (check(doc)) taken++;
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(taken).toBeGreaterThan(80);
  });
});

describe("the full reader's packages", () => {
  it("are loaded only for front matter the simple reader leaves to them", () => {
    // a fresh process over the compiled pipeline: require's cache shows whether gray-matter or yaml came in
    const script = `
      import { createRequire } from "node:module";
      const root = ${JSON.stringify(pathToFileURL(repoRoot + "/").href)};
      const { extractText } = await import(new URL("dist/src/pipeline.js", root).href);
      const cache = createRequire(new URL("package.json", root)).cache;
      const loaded = () => Object.keys(cache).some((k) => /[\\\\/]node_modules[\\\\/](gray-matter|yaml)[\\\\/]/.test(k));
      extractText("---\\ntitle: Simple\\ndate: 2024-05-01\\n---\\n\\nRussia said so.\\n");
      const simple = loaded();
      extractText("---\\ntitle: Listed\\ndate: 2024-05-01\\ntags: [a, b]\\n---\\n\\nRussia said so.\\n");
      console.log(JSON.stringify({ simple, listed: loaded() }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ simple: false, listed: true });
  });
});

/**
 * The plain-text fast path must give exactly the tree remark-parse gives, positions included,
 * wherever it answers — on real articles and on generated ones.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import { parsePlainText } from "../src/plugins/plain-text.js";
import { repoRoot, sharedDir } from "./helpers/shared.js";

const remark = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown;

describe("plain-text fast path", () => {
  it("equals remark-parse on every real article it takes", () => {
    let taken = 0;
    for (const dir of [join(sharedDir, "corpus", "gum-news", "articles"), join(sharedDir, "corpus", "gum-other", "articles"), join(repoRoot, "content", "articles")]) {
      for (const name of readdirSync(dir)) {
        const doc = readFileSync(join(dir, name), "utf8");
        const fast = parsePlainText(doc);
        if (!fast) continue;
        taken++;
        expect(plain(fast), name).toEqual(plain(remark.parse(doc)));
      }
    }
    expect(taken).toBeGreaterThan(50);
  });

  it("declines markdown syntax", () => {
    for (const doc of ["---\ntitle: x\n---\n\n*emphasis*\n", "Text\n\n- item\n", "# Heading\n", "Para\n===\n", "1. one\n", "    code\n", "a  \nb\n", "&amp;\n", "[link](x)\n", "a\r\nb\n", "[a]: /url\n\n[a]\n", "> quote\n", "a\n~~~\nb\n", "a\n# b\n", "---\n---\n\nText\n", "---\r\ntitle: x\r\n---\n\nText\n", "---\ntitle: x\rdate: y\n---\n\nText\n", "a\n```\nb\n```\n", "`a`\n"]) {
      expect(parsePlainText(doc), JSON.stringify(doc)).toBeNull();
    }
  });

  it("takes paragraphs that open with brackets but cannot be definitions, as remark-parse does", () => {
    const taken = ["[12] Holt started the season.\n", "---\ntitle: x\n---\n\n[1] [2] His father.\n\n[19]\n", "[The neologism is] offensive.\n", "a\n\n[x] y: z\n", "[a] b\n[c]: d\n", "[a\nb] c\n"];
    for (const doc of taken) {
      const fast = parsePlainText(doc);
      expect(fast, JSON.stringify(doc)).not.toBeNull();
      expect(plain(fast), JSON.stringify(doc)).toEqual(plain(remark.parse(doc)));
    }
    for (const doc of ["[a]: /url\n", "[a]:\n", "[a [b]] c\n", "[no close\n", "x\n\n[a\nb]: /u\n\n[a b]\n"]) expect(parsePlainText(doc), JSON.stringify(doc)).toBeNull();
  });

  it("equals remark-parse on generated documents", () => {
    // Brackets, `&`, `#`, `>`, `|`, `~` and backticks are taken by the fast path where they are text; words may
    // form "[x](y)", "&amp;", "#1" or "[KPA]", and lines may start with them.
    const word = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9,.;:'"?!()%$@\u00e9\u2019\u201c\u201d-]{1,12}$/),
      fc.stringMatching(/^[A-Za-z0-9[\]()!&#;>|~:]{1,8}$/),
      fc.constantFrom("[KPA]", "[...]", "[x](y)", "![a]", "[a]:", "[a][b]", "[12]", "[1]:", "[a", "b]", "b]:", "[[a]]", "&", "&amp;", "&#35;", "&x", "#2", "#", ">", "|", "~~~", "AT&T"),
      // Code spans: "don`t … can`t", runs of several backticks, padding, spans across lines.
      fc.constantFrom("`", "``", "```", "don`t", "` a `", "`` ` ``", "` `", "`  `", "`a", "a`", "x``y", " `"),
    );
    const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" "));
    const para = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join("\n"));
    const doc = fc.tuple(fc.boolean(), fc.array(para, { minLength: 0, maxLength: 6 }), fc.constantFrom("\n\n", "\n\n\n"), fc.constantFrom("", "\n", "\n\n")).map(
      ([front, paras, gap, tail]) => (front ? "---\ntitle: Generated\ndate: 2024-12-15\n---\n\n" : "") + paras.join(gap) + tail,
    );
    fc.assert(
      fc.property(doc, (d) => {
        const fast = parsePlainText(d);
        if (fast) expect(plain(fast)).toEqual(plain(remark.parse(d)));
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it("equals remark-parse on documents that mix plain paragraphs with markdown blocks", () => {
    // Plain paragraphs between blocks micromark must read: lists loose and tight, continued after a
    // blank line by indented text, quotes, headings, fenced code and HTML blocks that run on across
    // blank lines (closed or not), indented code, thematic breaks, inline syntax, definitions.
    const plainPara = fc
      .array(fc.stringMatching(/^[A-Za-z0-9,.;'"?!()%$\u2019-]{1,10}$/), { minLength: 1, maxLength: 8 })
      .map((ws) => ws.join(" "))
      .filter((t) => !/^[-+=\d]/.test(t));
    const markdown = fc.constantFrom(
      "- one\n- two",
      "- one\n\n- two",
      "1. first\n2. second",
      "2. second\n\n3. third",
      "- item\n\n  continued inside the item",
      "- item\nlazy continuation",
      "> quoted\n> more",
      "> quoted\n\n> again",
      "# Heading",
      "Setext\n======",
      "Setext two\n---",
      "```\ncode\n\nstill code\n```",
      "```js\nnever closed",
      "~~~\ntilde code\n~~~",
      "<div>\nhtml\n</div>",
      "<!-- a comment\n\nstill the comment -->",
      "<pre>\npre\n\nformatted</pre>",
      "<https://example.org> an autolink",
      "    indented code\n\n    more code",
      "***",
      "- - -",
      "Some *emphasis* and __strong__ text",
      "A [link](https://example.org) here",
      "[ref]: https://example.org/ref",
      "See [ref] and [other][ref].",
      "Tom &amp; Jerry &#35;1",
      "A hard  \nbreak",
      "escaped \\* star",
      "---",
      "[12] a footnote mark",
      "`code` span",
    );
    const block = fc.oneof({ arbitrary: plainPara, weight: 3 }, { arbitrary: markdown, weight: 2 });
    const doc = fc
      .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n\n", "\n\n\n"), fc.constantFrom("", "\n"))
      .map(([front, blocks, gap, tail]) => (front ? "---\ntitle: Generated\n---\n\n" : "") + blocks.join(gap) + tail);
    const slow = (text: string) => remark.parse(text);
    let mixed = 0;
    fc.assert(
      fc.property(doc, (d) => {
        const fast = parsePlainText(d, slow);
        if (!fast) return;
        if (!parsePlainText(d)) mixed++;
        expect(plain(fast)).toEqual(plain(remark.parse(d)));
      }),
      { numRuns: 1500, seed: 7 },
    );
    // the mixed path must answer for most of them, or the test shows nothing
    expect(mixed).toBeGreaterThan(600);
  });

  it("leaves to micromark what it cannot split: definitions, byte order marks, front matter look-alikes", () => {
    const slow = (text: string) => remark.parse(text);
    for (const doc of ["Plain text [a].\n\n- list\n\n[a]: /url\n", "\ufeffPlain\n\n# Heading\n", "Plain\n\n---\ntitle: x\n---\n", "a\r\n\n# b\n"]) {
      expect(parsePlainText(doc, slow), JSON.stringify(doc)).toBeNull();
    }
    // and it does split the everyday case: plain paragraphs around one list
    const doc = "---\ntitle: x\n---\n\nFirst paragraph.\n\n1. one\n2. two\n\nLast paragraph.\n";
    const calls: string[] = [];
    const tree = parsePlainText(doc, (text) => (calls.push(text), remark.parse(text)));
    expect(calls).toEqual(["1. one\n2. two"]);
    expect(plain(tree)).toEqual(plain(remark.parse(doc)));
  });
});


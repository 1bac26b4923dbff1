/** proseOnly blanks the front matter and skipped spans exactly as the expression it replaced did. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Root } from "mdast";
import { proseOnly } from "../src/plugins/names.js";

/** The definition: every code unit of each span but line breaks becomes a space. */
function reference(source: string, spans: Array<[number, number]>): string {
  let out = source;
  for (const [start, end] of spans) out = out.slice(0, start) + out.slice(start, end).replace(/[^\r\n]/g, " ") + out.slice(end);
  return out;
}

const root = (children: Root["children"] = []): Root => ({ type: "root", children });

describe("proseOnly", () => {
  it("blanks the front matter but its line breaks, offsets unchanged", () => {
    const source = '---\r\ntitle: "Ab"\n\ndate: 2020-01-01\n---\nText 🙂 here.';
    const yamlEnd = source.indexOf("---\nText") + 3;
    const tree = root([{ type: "yaml", value: "", position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 6, column: 4, offset: yamlEnd } } }]);
    const out = proseOnly(source, tree, []);
    expect(out).toBe(reference(source, [[0, yamlEnd]]));
    expect(out.length).toBe(source.length);
    expect(out.endsWith("\nText 🙂 here.")).toBe(true);
  });

  it("equals the expression on generated text and spans (out of range, empty and reversed ones too)", () => {
    const text = fc.array(fc.constantFrom("a", " ", "\n", "\r", "\r\n", "é", "🙂", "\t", "-"), { maxLength: 40 }).map((parts) => parts.join(""));
    const bound = fc.integer({ min: -5, max: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.tuple(bound, bound), { maxLength: 3 }), (source, spans) => {
        expect(proseOnly(source, root(), spans)).toBe(reference(source, spans));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

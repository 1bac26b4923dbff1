/**
 * Sentence segmentation with positions: mdast → nlcst (mdast-util-to-nlcst + parse-english, the
 * parser behind retext-english), so every sentence keeps its offsets into the file as written.
 *
 * Raw HTML is never published: its nodes are left out of the sentences (and so of the page),
 * with a warning to the editor.
 *
 * Reads: the mdast tree, `file.data.skip`.
 * Writes: `file.data.sentences`: plain JSON spans in document order; `index` is the sentence
 * number that mentions and claims refer to and that the briefing page anchors (`#s-<index>`).
 */
import type { Root } from "mdast";
import type { Paragraph as NlcstParagraph, Root as NlcstRoot, Sentence as NlcstSentence } from "nlcst";
import { toNlcst } from "mdast-util-to-nlcst";
import { toString } from "nlcst-to-string";
import { ParseEnglish } from "parse-english";
import type { VFile } from "vfile";
import { report } from "../util/messages.js";

export interface SentenceSpan {
  index: number;
  /** File offsets, end exclusive. */
  start: number;
  end: number;
  /** The sentence as a reader sees it (markdown syntax removed). */
  text: string;
  /** Index of the block (paragraph or heading) it belongs to. */
  block: number;
  /** True for sentences of headings, which carry no claims. */
  heading: boolean;
}

declare module "vfile" {
  interface DataMap {
    sentences: SentenceSpan[];
  }
}

const parser = new ParseEnglish();

export default function sentences() {
  return (tree: Root, file: VFile): void => {
    const skip = file.data.skip ?? [];
    const out: SentenceSpan[] = [];
    const headingSpans: Array<[number, number]> = [];
    for (const node of tree.children) {
      if (node.type === "heading" && node.position) headingSpans.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    }
    const inside = (spans: Array<[number, number]>, at: number): boolean => spans.some(([s, e]) => at >= s && at < e);
    warnRawHtml(tree, file);
    const nlcst = toNlcst(tree, file, parser, { ignore: ["yaml", "code", "html", "definition", "thematicBreak"] }) as NlcstRoot;
    let block = -1;
    for (const paragraph of nlcst.children) {
      if (paragraph.type !== "ParagraphNode") continue;
      block++;
      for (const sentence of (paragraph as NlcstParagraph).children) {
        if (sentence.type !== "SentenceNode") continue;
        const start = sentence.position?.start.offset;
        const end = sentence.position?.end.offset;
        if (start === undefined || end === undefined || inside(skip, start)) continue;
        const text = toString(sentence as NlcstSentence).replace(/\s+/g, " ").trim();
        if (!text) continue;
        out.push({ index: out.length, start, end, text, block, heading: inside(headingSpans, start) });
      }
    }
    file.data.sentences = out;
  };
}

function warnRawHtml(node: { type: string; children?: unknown[]; position?: { start: { offset?: number } } }, file: VFile): void {
  if (node.type === "html") {
    report(file, node.position?.start.offset ?? 0, "raw-html", "Raw HTML is not published (the page shows the text around it): write markdown instead", "warning");
    return;
  }
  for (const child of (node.children ?? []) as Array<typeof node>) warnRawHtml(child, file);
}

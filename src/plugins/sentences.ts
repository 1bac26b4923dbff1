/**
 * Sentence segmentation with positions: the text of every paragraph and heading of the mdast
 * tree, split into sentences (src/nlp/segment.ts), each mapped back to offsets in the file as
 * written.
 *
 * Raw HTML is never published: its nodes are left out of the sentences (and so of the page),
 * with a warning to the editor.
 *
 * Reads: the mdast tree, `file.data.skip`.
 * Writes: `file.data.sentences`: plain JSON spans in document order; `index` is the sentence
 * number that mentions and claims refer to and that the briefing page anchors (`#s-<index>`).
 */
import type { Root, RootContent, PhrasingContent } from "mdast";
import type { VFile } from "vfile";
import { segment } from "../nlp/segment.js";
import { report } from "../util/messages.js";

/** White space other than single plain spaces: a tab, a line break, two spaces in a row. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

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

/** A block's visible text, with a map from each piece of it back to the file. */
interface Flat {
  text: string;
  /** Pieces in order: [textStart, fileStart, fileEnd, exact] — exact when the text equals the source slice. */
  pieces: Array<[number, number, number, boolean]>;
}

export default function sentences() {
  return (tree: Root, file: VFile): void => {
    const skip = file.data.skip ?? [];
    const source = String(file.value);
    const out: SentenceSpan[] = [];
    let block = -1;
    const visit = (nodes: RootContent[]): void => {
      for (const node of nodes) {
        if (node.type === "html") {
          report(file, node.position?.start.offset ?? 0, "raw-html", "Raw HTML is not published (the page shows the text around it): write markdown instead", "warning");
          continue;
        }
        if (node.type === "paragraph" || node.type === "heading") {
          const start = node.position?.start.offset ?? 0;
          if (skip.some(([s, e]) => start >= s && start < e)) continue;
          block++;
          const flat: Flat = { text: "", pieces: [] };
          flatten(node.children, flat, source, file);
          // Collapsing white space is a no-op (and skipped) when every run is one plain space: tested
          // once for the whole block, and per sentence only when the block has another run.
          const plainSpaces = !UNEVEN_SPACE.test(flat.text);
          for (const range of segment(flat.text)) {
            const raw = flat.text.slice(range.start, range.end);
            const text = plainSpaces || !UNEVEN_SPACE.test(raw) ? raw : raw.replace(/\s+/g, " ");
            const from = toFile(flat, range.start, false);
            const to = toFile(flat, range.end, true);
            if (!text || from === null || to === null || to <= from) continue;
            out.push({ index: out.length, start: from, end: to, text, block, heading: node.type === "heading" });
          }
          continue;
        }
        if ("children" in node && node.type !== "table") visit(node.children as RootContent[]);
        else if (node.type === "table") for (const row of node.children) for (const cell of row.children) visit([{ type: "paragraph", children: cell.children, position: cell.position } as RootContent]);
      }
    };
    visit(tree.children);
    file.data.sentences = out;
  };
}

function flatten(nodes: PhrasingContent[], flat: Flat, source: string, file: VFile): void {
  for (const node of nodes) {
    if (node.type === "html") {
      report(file, node.position?.start.offset ?? 0, "raw-html", "Raw HTML is not published (the page shows the text around it): write markdown instead", "warning");
      continue;
    }
    if (node.type === "text" || node.type === "inlineCode") {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      // Inline code's position includes its backticks.
      const inner = node.type === "inlineCode" ? source.indexOf(node.value, start) : start;
      const exact = source.slice(inner, inner + node.value.length) === node.value;
      // Escapes and character references make the text differ from the source: map the piece whole.
      flat.pieces.push(exact ? [flat.text.length, inner, inner + node.value.length, true] : [flat.text.length, start, end, false]);
      flat.text += node.value;
      continue;
    }
    if (node.type === "break") {
      flat.text += "\n";
      continue;
    }
    // Links keep their text; images' alt text is not part of the prose.
    if ("children" in node) flatten(node.children as PhrasingContent[], flat, source, file);
  }
}

/** Maps an index in the flattened text to a file offset (the piece's ends when it is not exact). */
function toFile(flat: Flat, at: number, isEnd: boolean): number | null {
  let found: [number, number, number, boolean] | undefined;
  for (const piece of flat.pieces) {
    if (isEnd ? piece[0] < at : piece[0] <= at) found = piece;
    else break;
  }
  if (!found) return null;
  const [textStart, fileStart, fileEnd, exact] = found;
  if (exact) return Math.min(fileStart + (at - textStart), fileEnd);
  return isEnd ? fileEnd : fileStart;
}

/**
 * A fast path for the commonest article: front matter and plain paragraphs, no markdown syntax.
 * For such a document CommonMark's result is fully determined — a `yaml` node, then one paragraph
 * per run of non-blank lines, holding one text node (or text and code spans) — so we build that tree directly, positions and
 * all, and leave everything else to remark-parse. micromark runs at about 1.3 MB/s here, below the
 * extraction budget; tests check that both parsers give identical trees wherever the fast path
 * answers.
 */
import type { Root, Paragraph, Yaml } from "mdast";
import type { Processor } from "unified";

/**
 * Characters that always may start markdown syntax: emphasis, HTML and autolinks, escapes,
 * and line endings or tabs we do not model. Without remark-gfm, `|` and `~` are plain text.
 */
const SYNTAX = /[*_<\\\r\t\0]/;
/** A character reference (`&amp;`, `&#123;`, `&#x1F;`) decodes; any other `&` is text. */
const CHARACTER_REFERENCE = /&[#A-Za-z0-9]+;/;
/**
 * `[…](` is an inline link or image. Without definitions, `[…]`, `[…][…]` and `![…]` stay text;
 * a definition can only open a paragraph, so a paragraph that starts with `[` is declined when it
 * may open one (see mayDefine).
 */
const INLINE_LINK = /\]\(/;
/**
 * Line starts that open other blocks: lists, setext underlines, thematic breaks, indentation,
 * ATX headings, block quotes and fenced code (`~~~`, and any backtick).
 */
const BLOCK_START = /^(?:[ \u00a0#>~`]|[-+=]|\d{1,9}[.)](?:[ ]|$))/;

/** Parses markdown the slow way (remark-parse's parser): used for the blocks the fast path declines. */
export type SlowParser = (document: string) => Root;

/**
 * The tree of `doc` as remark-parse would give it, built directly where the document is front
 * matter and plain paragraphs. Without `slow`, any other block declines the whole document (null).
 * With it, each run of blank-line-separated blocks that hold markdown syntax is handed to `slow`
 * on its own and its nodes shifted to their place, so an article with one list or one link pays
 * micromark's price for that stretch only (see `slowRegions` for why that gives the same tree).
 */
export function parsePlainText(doc: string, slow?: SlowParser): Root | null {
  let bodyStart = 0;
  const children: Root["children"] = [];
  const point = (line: number, column: number, offset: number) => ({ line, column, offset });
  let line = 1;
  // micromark drops a byte order mark: leave such a document to it.
  if (doc.charCodeAt(0) === 0xfeff) return null;
  if (doc.startsWith("---\n")) {
    const close = doc.indexOf("\n---", 3);
    if (close < 0) return null;
    const after = close + 4;
    if (after < doc.length && doc[after] !== "\n") return null;
    const value = doc.slice(4, close);
    // An empty block, or CR line endings inside it: the line count below would be off.
    if (close < 4 || value.includes("\r")) return null;
    const lines = countLines(value) + 2;
    const yaml: Yaml = { type: "yaml", value, position: { start: point(1, 1, 0), end: point(lines, 4, after) } };
    children.push(yaml);
    line = lines;
    bodyStart = after;
  } else if (doc.startsWith("---")) return null;
  const body = doc.slice(bodyStart);
  if (slow === undefined ? !plainInline(body) : !mayMix(body)) return null;

  // Walk the body line by line; `line` is the number of the line holding `offset`. Blocks are the
  // runs of non-blank lines; `plain` says whether one may be built as a paragraph directly.
  let offset = bodyStart;
  const blocks: Block[] = [];
  let block: Block | null = null;
  if (bodyStart > 0) {
    // The rest of the closing fence's line.
    offset = bodyStart + 1;
    line++;
  }
  while (offset <= doc.length) {
    let end = doc.indexOf("\n", offset);
    if (end < 0) end = doc.length;
    const text = doc.slice(offset, end);
    if (text.length === 0 || /^ *$/.test(text)) {
      if (text.length) return null; // whitespace-only lines: leave to micromark
      block = null;
    } else {
      const plainLine: boolean = !(BLOCK_START.test(text) || / $/.test(text) || (!block && text.charCodeAt(0) === 91 && mayDefine(doc, offset)));
      if (!plainLine && slow === undefined) return null;
      if (block) {
        block.end = end;
        block.endLine = line;
        block.endColumn = end - offset + 1;
        block.plain &&= plainLine;
      } else blocks.push((block = { start: offset, startLine: line, end, endLine: line, endColumn: end - offset + 1, plain: plainLine }));
    }
    if (end >= doc.length) break;
    offset = end + 1;
    line++;
  }
  for (let b = 0; b < blocks.length; ) {
    const p = blocks[b]!;
    if (p.plain && (slow === undefined || plainInline(doc.slice(p.start, p.end)))) {
      const position = () => ({ start: point(p.startLine, 1, p.start), end: point(p.endLine, p.endColumn, p.end) });
      const inline = doc.indexOf("`", p.start);
      const content: Paragraph["children"] =
        inline >= 0 && inline < p.end ? codeSpans(doc, p.start, p.end, p.startLine) : [{ type: "text", value: doc.slice(p.start, p.end), position: position() }];
      children.push({ type: "paragraph", children: content, position: position() });
      b++;
      continue;
    }
    // (only with `slow`: without it every block is plain here)
    const region = slowRegion(doc, blocks, b, slow!);
    if (region === null) return null;
    children.push(...region.children);
    b = region.next;
  }
  const lastLineStart = doc.lastIndexOf("\n") + 1;
  return {
    type: "root",
    children,
    position: { start: point(1, 1, 0), end: point(countLines(doc), doc.length - lastLineStart + 1, doc.length) },
  };
}

/** A run of non-blank lines: where it starts and ends, and whether its lines are all plain. */
interface Block {
  start: number;
  startLine: number;
  end: number;
  endLine: number;
  endColumn: number;
  plain: boolean;
}

/** Whether text holds no inline syntax the fast path leaves to micromark. */
function plainInline(text: string): boolean {
  return !(SYNTAX.test(text) || INLINE_LINK.test(text) || (text.includes("&") && CHARACTER_REFERENCE.test(text)));
}

/**
 * Whether the body may be split into blocks at all: no CR (line counts), and no `]:` anywhere, as
 * a link reference definition — in any block, inside a list or a quote too — changes how `[…]`
 * reads in every other block.
 */
function mayMix(body: string): boolean {
  return !body.includes("\r") && !body.includes("]:");
}

/**
 * Fenced code, and HTML blocks that end only at a closing mark, run on across blank lines; from
 * a block that may open one, everything to the end of the document goes to micromark.
 */
const RUNS_ON = /```|~~~|</;

/**
 * The nodes of blocks[b] and of the blocks after it that micromark must read with it, parsed on
 * their own by `slow`, positions shifted to the document's. A run of blocks that are not plain
 * ends at the first plain block after it: that block starts at column 1 after a blank line, so it
 * closes every list and quote (a continuation would be indented, and lazy lines follow no blank
 * line), and it cannot be read into a fenced code or HTML block, since a run that may open one
 * (RUNS_ON) goes on to the end of the document. Definitions, the one thing that acts across
 * blocks, make the whole document go to micromark (mayMix). Null when micromark would read the
 * run's first line as front matter.
 */
function slowRegion(doc: string, blocks: Block[], b: number, slow: SlowParser): { children: Root["children"]; next: number } | null {
  const first = blocks[b]!;
  let next = b;
  let end = first.end;
  while (next < blocks.length && !(blocks[next]!.plain && plainInline(doc.slice(blocks[next]!.start, blocks[next]!.end)))) {
    if (RUNS_ON.test(doc.slice(blocks[next]!.start, blocks[next]!.end))) {
      next = blocks.length;
      end = doc.length;
      break;
    }
    end = blocks[next]!.end;
    next++;
  }
  const text = doc.slice(first.start, end);
  if (text.startsWith("---")) return null;
  const tree = slow(text);
  const lines = first.startLine - 1;
  const shift = (node: { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } }; children?: unknown[] }): void => {
    const at = node.position;
    if (at) {
      at.start.line += lines;
      at.end.line += lines;
      if (at.start.offset !== undefined) at.start.offset += first.start;
      if (at.end.offset !== undefined) at.end.offset += first.start;
    }
    if (node.children) for (const child of node.children) shift(child as typeof node);
  };
  for (const child of tree.children) shift(child);
  return { children: tree.children, next };
}

/** `text.split("\n").length`, without building the lines. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Whether a paragraph opening with `[` at `at` may be a link reference definition: `[label]:` needs
 * the first `]` after the `[`, no other `[` before it (labels hold no unescaped brackets, and the
 * body has no backslashes), and a `:` right after it. Anything else — a footnote mark "[12] …",
 * "[sic] …", "[1] [2] …" — is text. Declining more than needed is safe, so no `]` at all declines too.
 */
function mayDefine(doc: string, at: number): boolean {
  const close = doc.indexOf("]", at + 1);
  if (close < 0) return true;
  const open = doc.indexOf("[", at + 1);
  if (open >= 0 && open < close) return true;
  return doc.charCodeAt(close + 1) === 58;
}

/**
 * The inline content of a paragraph with backticks: CommonMark code spans (a run of n backticks up
 * to the next run of exactly n in the paragraph; one space or line ending stripped from each side
 * when both sides have one and the content is not only those) between text nodes. A run without
 * its match is text. The paragraph starts at column 1 and holds no other inline syntax.
 */
function codeSpans(doc: string, start: number, end: number, startLine: number): Paragraph["children"] {
  const lineStarts = [start];
  for (let i = doc.indexOf("\n", start); i >= 0 && i < end; i = doc.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const pointAt = (offset: number) => {
    let l = lineStarts.length - 1;
    while (lineStarts[l]! > offset) l--;
    return { line: startLine + l, column: offset - lineStarts[l]! + 1, offset };
  };
  const out: Paragraph["children"] = [];
  const text = (from: number, to: number) => {
    if (to > from) out.push({ type: "text", value: doc.slice(from, to), position: { start: pointAt(from), end: pointAt(to) } });
  };
  const runEnd = (at: number) => {
    let k = at;
    while (k < end && doc.charCodeAt(k) === 96) k++;
    return k;
  };
  let textStart = start;
  let i = start;
  while (i < end) {
    const open = doc.indexOf("`", i);
    if (open < 0 || open >= end) break;
    const openEnd = runEnd(open);
    const size = openEnd - open;
    let close = -1;
    for (let at = doc.indexOf("`", openEnd); at >= 0 && at < end; ) {
      const atEnd = runEnd(at);
      if (atEnd - at === size) {
        close = at;
        break;
      }
      at = doc.indexOf("`", atEnd);
    }
    if (close < 0) {
      i = openEnd;
      continue;
    }
    let value = doc.slice(openEnd, close);
    const pad = (c: number) => c === 32 || c === 10;
    if (value.length > 1 && pad(value.charCodeAt(0)) && pad(value.charCodeAt(value.length - 1)) && /[^ \n]/.test(value)) value = value.slice(1, -1);
    text(textStart, open);
    out.push({ type: "inlineCode", value, position: { start: pointAt(open), end: pointAt(close + size) } });
    textStart = i = close + size;
  }
  text(textStart, end);
  return out;
}

/** Puts the fast path in front of the parser set by remark-parse. */
export default function plainTextFastPath(this: Processor) {
  const self = this as unknown as Processor<Root>;
  const slow = self.parser;
  if (!slow) throw new Error("plain-text: use remark-parse first");
  self.parser = (document, file) => parsePlainText(String(document), (region) => slow(region, file)) ?? slow(document, file);
}

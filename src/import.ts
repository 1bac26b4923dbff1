/**
 * `sitrep import`: raw text as editors paste it → a markdown article. Each line is a paragraph;
 * an "Original Source: www.cnn.com" line becomes the outlet and leaves the body.
 */
import { stringify } from "yaml";
import { outletFromDomain, type DatePrecision } from "./plugins/frontmatter.js";

export interface ImportOptions {
  title?: string | undefined;
  /** YYYY-MM-DD; today when not given. */
  date?: string | undefined;
  datePrecision?: DatePrecision | undefined;
  url?: string | undefined;
  /** For tests: what "today" is. */
  today?: Date;
}

const CREDITS = /^(?:Original\s+)?Source:\s*(\S+)\s*$/i;

export function importText(raw: string, options: ImportOptions = {}): string {
  const lines = raw
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  let outlet: ReturnType<typeof outletFromDomain> | null = null;
  const body: string[] = [];
  for (const line of lines) {
    const credits = CREDITS.exec(line);
    if (credits) outlet = outletFromDomain(credits[1]!);
    else body.push(escapeBlockStart(line));
  }
  const title = options.title?.trim() || deriveTitle(lines.find((l) => !CREDITS.test(l)) ?? "Untitled");
  const date = options.date ?? localDate(options.today ?? new Date());
  const front: Record<string, unknown> = { title, date };
  if (options.datePrecision && options.datePrecision !== "day") front.date_precision = options.datePrecision;
  if (outlet) front.outlet = outlet.domain ? { name: outlet.name, domain: outlet.domain } : outlet.name;
  front.url = options.url ?? null;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body.join("\n\n")}\n`;
}

/** The first sentence of the text, cut at a word boundary near 90 characters. */
function deriveTitle(firstLine: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(firstLine)?.[0] ?? firstLine;
  if (sentence.length <= 90) return sentence.replace(/[.]$/, "");
  return `${sentence.slice(0, 90).replace(/\s+\S*$/, "")}…`;
}

/** Keeps a pasted line a paragraph: a leading "#", ">", "-", "1." etc. would start other blocks. */
function escapeBlockStart(line: string): string {
  return line.replace(/^([#>+*-]|\d+[.)])(?=\s|$)/, "\\$1").replace(/^(={3,}|-{3,}|_{3,}|\*{3,})$/, "\\$1");
}

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

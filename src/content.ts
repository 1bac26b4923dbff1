/**
 * Reading content: article files (UTF-8 markdown) from files or folders, checked for what a text
 * parser cannot see (invalid UTF-8, NUL bytes) before any of them is parsed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { VFile } from "vfile";
import { slugify } from "./slug.js";
import { report } from "./util/messages.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Every `.md` file under the given paths (files as given, folders recursively), sorted. */
export function findArticles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name.startsWith(".") || name === "node_modules") continue;
        walk(join(path, name));
      }
    } else if (path.endsWith(".md") || path.endsWith(".markdown")) out.push(path);
  };
  for (const path of paths) walk(path);
  return [...new Set(out)].sort();
}

/** Reads one article into a VFile; bytes that are not text become a positioned error. */
export function readArticle(path: string): VFile {
  const bytes = readFileSync(path);
  const display = relative(process.cwd(), path) || path;
  let value: string;
  let bad: { at: number; reason: string; rule: string } | null = null;
  try {
    value = utf8.decode(bytes);
  } catch {
    value = new TextDecoder("utf-8").decode(bytes);
    bad = { at: Math.max(0, value.indexOf("\uFFFD")), reason: "File is not valid UTF-8: save it as UTF-8 (the build never publishes garbled text)", rule: "encoding-invalid" };
  }
  const nul = value.indexOf("\0");
  if (!bad && nul >= 0) bad = { at: nul, reason: "File contains a NUL byte: it is binary or corrupted; remove the byte or re-save the text", rule: "encoding-nul" };
  const file = new VFile({ path: display, value });
  if (bad) report(file, bad.at, bad.rule, bad.reason);
  else {
    // Invisible characters: C0 controls other than tab and line breaks, and the bidirectional
    // overrides that make text display differently from what it says ("Trojan Source").
    const control = value.search(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    if (control >= 0) report(file, control, "control-character", `File contains an invisible control character (U+${value.charCodeAt(control).toString(16).toUpperCase().padStart(4, "0")}): delete it`, "warning");
    const bidi = value.search(/[\u202A-\u202E\u2066-\u2069]/);
    if (bidi >= 0) report(file, bidi, "bidi-control", `File contains a bidirectional override (U+${value.charCodeAt(bidi).toString(16).toUpperCase()}), which makes text display differently from what it says: delete it`, "error");
  }
  // TextDecoder drops a leading BOM, so positions count from the first character editors see.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) report(file, 0, "encoding-bom", "File starts with a byte-order mark; it is ignored, but editors should save UTF-8 without BOM", "warning");
  return file;
}

/** The article id: the file name, slugged. */
export function articleId(path: string): string {
  return slugify(basename(path).replace(/\.(md|markdown)$/, ""));
}

/** Reports two files that would publish under the same id; returns the ones to keep (first wins). */
export function dedupeIds(files: VFile[]): VFile[] {
  const seen = new Map<string, VFile>();
  const keep: VFile[] = [];
  for (const file of files) {
    const id = articleId(file.path);
    const first = seen.get(id);
    if (first) {
      report(file, 0, "article-duplicate-id", `Two articles have the id \`${id}\` (this one and ${first.path}): rename one of the files`);
      continue;
    }
    seen.set(id, file);
    keep.push(file);
  }
  return keep;
}

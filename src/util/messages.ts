import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { LineIndex, type Place } from "./positions.js";

export type Severity = "error" | "warning";

/** Where our rules are documented; every message carries its rule id and this link. */
export const RULES_URL = "docs/ERRORS.md";

/**
 * Reports a positioned problem on the file the unified way (`file.message`), never by throwing.
 * Errors are marked `fatal: true` (vfile's convention), warnings `fatal: false`.
 */
export function report(
  file: VFile,
  at: number | Place,
  ruleId: string,
  reason: string,
  severity: Severity = "error",
): VFileMessage {
  const place = typeof at === "number" ? lineIndex(file).place(at) : at;
  const message = file.message(reason, { place, ruleId, source: "sitrep" });
  message.fatal = severity === "error";
  message.url = `${RULES_URL}#${ruleId}`;
  return message;
}

const indexes = new WeakMap<VFile, LineIndex>();

/** The file's line index, built once per file. */
export function lineIndex(file: VFile): LineIndex {
  let index = indexes.get(file);
  if (!index) {
    index = new LineIndex(String(file.value));
    indexes.set(file, index);
  }
  return index;
}

/** `path:line:col: severity message [rule]`, the format editors' tools (and `sitrep check`) print. */
export function formatMessage(message: VFileMessage, path = message.file): string {
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const severity = message.fatal ? "error" : "warning";
  return `${path}:${line}:${column}: ${severity} ${message.reason} [${message.ruleId ?? "sitrep"}]`;
}

export function hasErrors(messages: readonly VFileMessage[]): boolean {
  return messages.some((m) => m.fatal === true);
}

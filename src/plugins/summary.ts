/**
 * Summary: the lede — the first sentence that carries news (not the repeated headline, not the
 * dateline), plus the next one when the first is short. The editor's `summary:` wins.
 *
 * Reads: `file.data.sentences`, `file.data.meta`.
 * Writes: `file.data.summary`.
 */
import type { VFile } from "vfile";
import { isClaimSentence } from "./claims.js";
import type { SentenceSpan } from "./sentences.js";

declare module "vfile" {
  interface DataMap {
    summary: string;
  }
}

export interface Options {
  /** A first sentence shorter than this gets the next sentence of its paragraph too. */
  minLength?: number;
}

export default function summary(options: Options = {}) {
  const minLength = options.minLength ?? 120;
  return (_tree: unknown, file: VFile): void => {
    const meta = file.data.meta;
    if (meta?.summary) {
      file.data.summary = meta.summary;
      return;
    }
    // The first two claim sentences (no need to test the rest).
    const sentences: SentenceSpan[] = [];
    for (const s of file.data.sentences ?? []) {
      if (!s.heading && isClaimSentence(s.text, meta?.title ?? "") && sentences.push(s) === 2) break;
    }
    const first = sentences[0];
    if (!first) {
      file.data.summary = "";
      return;
    }
    const second = sentences[1];
    file.data.summary = first.text.length < minLength && second && second.block === first.block ? `${first.text} ${second.text}` : first.text;
  };
}

/**
 * HTML by tagged template with escaping by default: every interpolated value is escaped unless it
 * is already `SafeHtml` (made by `html` itself or, deliberately, by `raw`). Article text, titles,
 * entity names and registry prose can therefore never inject markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly Value[]).map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusts a string as HTML. Only for markup we generated or sanitised ourselves. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A URL safe to put in href/src: site-relative paths, fragments and http(s) only.
 * Anything else (javascript:, data:, vbscript:, protocol-relative) becomes "#".
 */
export function safeUrl(url: string | null | undefined): string {
  if (!url) return "#";
  const trimmed = url.trim();
  if (/^(?:\/(?!\/)|#)/.test(trimmed)) return trimmed;
  if (/^https?:\/\/[^\s<>"']+$/i.test(trimmed)) return trimmed;
  return "#";
}

/** A link when the target page exists, its name as plain text when it does not. */
export function refLink(ref: { name: string; url: string | null }): SafeHtml {
  return ref.url ? html`<a href="${safeUrl(ref.url)}">${ref.name}</a>` : html`${ref.name}`;
}

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

const SPECIAL = /[&<>"']/;

/**
 * Most text (names, titles, sentences) has nothing to escape: it comes back as it is, and the rest is
 * copied once, run by run (a page's worth of `replace` callbacks was a tenth of the render).
 */
export function escapeHtml(text: string): string {
  const first = text.search(SPECIAL);
  if (first < 0) return text;
  let out = text.slice(0, first);
  let from = first;
  for (let i = first; i < text.length; i++) {
    const escaped = ESCAPES[text[i]!];
    if (escaped === undefined) continue;
    if (i > from) out += text.slice(from, i);
    out += escaped;
    from = i + 1;
  }
  return from < text.length ? out + text.slice(from) : out;
}

function render(value: Value): string {
  if (typeof value === "string") return escapeHtml(value);
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value as readonly Value[]) out += render(item);
    return out;
  }
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
  // The common case, a site path ("/actors/x/"): nothing to trim, and it is safe as it is.
  const last = url.charCodeAt(url.length - 1);
  if (url.charCodeAt(0) === 47 && url.charCodeAt(1) !== 47 && last > 32 && last < 127) return url;
  const trimmed = url.trim();
  if (/^(?:\/(?!\/)|#)/.test(trimmed)) return trimmed;
  if (/^https?:\/\/[^\s<>"']+$/i.test(trimmed)) return trimmed;
  return "#";
}

/** A link when the target page exists, its name as plain text when it does not. */
export function refLink(ref: { name: string; url: string | null }): SafeHtml {
  return ref.url ? html`<a href="${safeUrl(ref.url)}">${ref.name}</a>` : html`${ref.name}`;
}

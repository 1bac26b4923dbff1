/**
 * The page helpers' fast paths (templates/lib/html.ts, format.ts) against their plain definitions:
 * escaping as one `replace`, URLs through the full check, numbers as `toLocaleString("en")`.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeHtml, html, raw, safeUrl } from "../../templates/lib/html.js";
import { count, formatNumber, time } from "../../templates/lib/format.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const plainEscape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function plainSafeUrl(url: string | null | undefined): string {
  if (!url) return "#";
  const trimmed = url.trim();
  if (/^(?:\/(?!\/)|#)/.test(trimmed)) return trimmed;
  if (/^https?:\/\/[^\s<>"']+$/i.test(trimmed)) return trimmed;
  return "#";
}

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom("a", "&", "<", ">", '"', "'", "&amp;", " ", "—", "🚀", "é", "/", "\n"), { maxLength: 30 }).map((p) => p.join("")),
);
const url = fc.oneof(
  text,
  fc.array(fc.constantFrom("/", "//", "#", " ", "\t", "\n", "\u00a0", "\u2028", "x", "http:", "https://", "javascript:", "é", "<", '"'), { maxLength: 8 }).map((p) => p.join("")),
);

describe("html helpers", () => {
  it("escapeHtml is the five-character replace", () => {
    fc.assert(fc.property(text, (t) => {
      expect(escapeHtml(t)).toBe(plainEscape(t));
    }), { numRuns: 2000, seed: 6 });
    for (const t of ["", "&", "<<>>", "a&b", "plain text", "'\"", "end&"]) expect(escapeHtml(t)).toBe(plainEscape(t));
  });

  it("safeUrl keeps site paths, fragments and http(s) only, as the full check does", () => {
    fc.assert(fc.property(url, (u) => {
      expect(safeUrl(u)).toBe(plainSafeUrl(u));
    }), { numRuns: 2000, seed: 6 });
    for (const u of ["/", "/a/", "//evil", "/a\n", " /a", "/a ", "/a\u00a0", "#x", "javascript:x", null, undefined, ""]) expect(safeUrl(u)).toBe(plainSafeUrl(u));
  });

  it("html escapes values, flattens lists and leaves SafeHtml as it is", () => {
    expect(html`<p>${"a<b"} ${["x&", raw("<i>y</i>"), null, false, 3]}${undefined}</p>`.value).toBe("<p>a&lt;b x&amp;<i>y</i>3</p>");
  });
});

describe("number and date formatting", () => {
  it("formatNumber writes what toLocaleString('en') writes", () => {
    fc.assert(fc.property(fc.oneof(fc.nat(), fc.integer(), fc.double({ noNaN: true }), fc.constant(Number.MAX_SAFE_INTEGER)), (n) => {
      expect(formatNumber(n)).toBe(n.toLocaleString("en"));
    }), { numRuns: 2000, seed: 6 });
    expect(count(1234, "claim")).toBe("1,234 claims");
    expect(count(1, "claim")).toBe("1 claim");
  });

  it("time is the same markup however often it is asked for", () => {
    for (let i = 0; i < 2; i++) {
      expect(time({ date: "2024-12-18" }).value).toBe('<time datetime="2024-12-18">18 December 2024</time>');
      expect(time({ date: "2024-12-18", datePrecision: "month" }).value).toBe('<time datetime="2024-12">December 2024</time>');
      expect(time({ date: "" }).value).toBe('<span class="undated">Undated</span>');
    }
  });
});

/**
 * Display formatting shared by every page: dates (honouring the article's date precision),
 * coordinates, counts, kind labels. Pure functions of what the index hands over; no aggregation.
 */
import type { LonLat } from "../../src/types.js";
import { html, SafeHtml } from "./html.js";
import { flat } from "../../src/util/flat.js";

export type DatePrecision = "day" | "month" | "year";

/** Anything dated: an article ref, a briefing (the precision arrives with the article meta). */
export interface Dated {
  date: string;
  datePrecision?: DatePrecision | null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parts(date: string): { year: string; month: number | null; day: number | null } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.trim());
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  return { year: m[1]!, month: month && month >= 1 && month <= 12 ? month : null, day: day && day >= 1 && day <= 31 ? day : null };
}

/** "18 December 2024", "December 2024" or "2024", by the precision the editor gave. */
export function formatDate(date: string, precision: DatePrecision | null = "day"): string {
  const p = parts(date);
  if (!p) return date || "Undated";
  const month = p.month ? MONTHS[p.month - 1] : undefined;
  if (precision === "year" || !month) return p.year;
  if (precision === "month" || !p.day) return `${month} ${p.year}`;
  return `${p.day} ${month} ${p.year}`;
}

/** The machine-readable form `<time datetime>` wants at that precision: 2024-12-18, 2024-12, 2024. */
export function isoDate(date: string, precision: DatePrecision | null = "day"): string {
  const p = parts(date);
  if (!p) return "";
  const mm = p.month ? String(p.month).padStart(2, "0") : null;
  const dd = p.day ? String(p.day).padStart(2, "0") : null;
  if (precision === "year" || !mm) return p.year;
  if (precision === "month" || !dd) return `${p.year}-${mm}`;
  return `${p.year}-${mm}-${dd}`;
}

/** Made once per date and precision: a page lists many claims and articles, and the archive has few dates. */
const times = new Map<string, Map<string, SafeHtml>>();
let timesMade = 0;

/** `<time datetime="…">18 December 2024</time>`, or "Undated". */
export function time(dated: Dated): SafeHtml {
  const precision = dated.datePrecision ?? "day";
  let byDate = times.get(precision);
  if (byDate === undefined) times.set(precision, (byDate = new Map()));
  let made = byDate.get(dated.date);
  if (made === undefined) {
    if (timesMade >= 100_000) {
      for (const m of times.values()) m.clear();
      timesMade = 0;
    }
    const iso = isoDate(dated.date, precision);
    made = iso ? html`<time datetime="${iso}">${formatDate(dated.date, precision)}</time>` : html`<span class="undated">Undated</span>`;
    // Flat: it is copied into every list item that shows the date.
    made = new SafeHtml(flat(made.value));
    byDate.set(dated.date, made);
    timesMade++;
  }
  return made;
}

/** "35.4011° N, 35.9487° E" from [lon, lat]. */
export function formatCoordinates(coordinates: LonLat): string {
  const [lon, lat] = coordinates;
  const fmt = (v: number) => Math.abs(v).toFixed(4);
  return `${fmt(lat)}° ${lat < 0 ? "S" : "N"}, ${fmt(lon)}° ${lon < 0 ? "W" : "E"}`;
}

/**
 * A number as `toLocaleString("en")` writes it ("12,345"); whole numbers (every count) without the
 * cost of ICU, which was a few percent of the render.
 */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return n.toLocaleString("en");
  const digits = String(n);
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** "1 claim", "3 claims". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

const KIND_LABELS: Record<string, [string, string]> = {
  person: ["Person", "People"],
  organization: ["Organization", "Organizations"],
  state: ["State", "States"],
  "armed-group": ["Armed group", "Armed groups"],
  country: ["Country", "Countries"],
  region: ["Region", "Regions"],
  city: ["City", "Cities"],
  water: ["Body of water", "Bodies of water"],
  base: ["Military base", "Military bases"],
  facility: ["Facility", "Facilities"],
  outlet: ["News outlet", "News outlets"],
  official: ["Official", "Officials"],
  spokesperson: ["Spokesperson", "Spokespeople"],
  intelligence: ["Intelligence", "Intelligence"],
  imagery: ["Imagery", "Imagery"],
  document: ["Document", "Documents"],
  media: ["Media", "Media"],
  unnamed: ["Unnamed source", "Unnamed sources"],
  other: ["Other", "Other"],
};

function humanise(kind: string): string {
  const words = kind.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Other";
}

/** "Armed group" for `armed-group`; unknown kinds (editor-defined in the registry) humanised. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind]?.[0] ?? humanise(kind);
}

/** Section heading for a group of one kind: "Armed groups". */
export function kindPlural(kind: string): string {
  return KIND_LABELS[kind]?.[1] ?? humanise(kind);
}

/** Stable, known-first order of kinds for grouped index pages. */
export const KIND_ORDER = Object.keys(KIND_LABELS);

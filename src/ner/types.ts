/** Public types of the names layer (re-exported by `index.ts`). */

export type NameType =
  | "person"
  | "organization"
  | "armed-group"
  | "state"
  | "country"
  | "region"
  | "city"
  | "water"
  | "base"
  | "facility"
  | "place"
  | "other";

/** Offsets into `text`, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface NamedEntity {
  /** Canonical display name: fullest form ("Dmitry Peskov"), or gazetteer name ("Russia" for "Russian"). */
  name: string;
  /** Countries are "country"; the caller decides per context whether one acts as a state actor. */
  type: NameType;
  /** Other forms seen in the text (short forms, acronyms), without `name`; demonym forms not included. */
  aliases: string[];
  /** Every occurrence, sorted by start; `text.slice(start, end)` is the mention as written. */
  mentions: Span[];
  /** Persons: title/role from the text ("Kremlin spokesperson", "Secretary of State"). */
  role?: string;
  /** [lon, lat] from the gazetteer where known. */
  coordinates?: [number, number];
  /** Name of the country containing a city/base, where known. */
  within?: string;
}

/**
 * The data contract: TypeScript mirror of `briefing.schema.json` (shared/schema).
 * Everything extraction produces and every template reads is typed from here.
 */

export interface Mention {
  /** The text as it stands in the file: `source.slice(offset, offset + text.length) === text`. */
  text: string;
  /** 1-based line in the file as the editor wrote it (front matter included). */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
  /** 0-based offset into the file (UTF-16 code units). */
  offset: number;
  /** Index of the sentence in the article body. */
  sentence: number;
}

export interface Outlet {
  id: string;
  name: string;
  domain: string | null;
}

export type ActorKind = "person" | "organization" | "state" | "armed-group" | "other";
export type LocationKind = "country" | "region" | "city" | "water" | "base" | "facility" | "other";
export type SourceKind =
  | "outlet"
  | "official"
  | "spokesperson"
  | "intelligence"
  | "imagery"
  | "document"
  | "media"
  | "unnamed"
  | "other";
export type Certainty = "stated" | "attributed" | "hedged";

export interface Entity<K extends string> {
  id: string;
  name: string;
  kind: K;
  aliases: string[];
  mentions: Mention[];
}

export interface Actor extends Entity<ActorKind> {
  role: string | null;
}

export type LonLat = [number, number];

export interface Location extends Entity<LocationKind> {
  coordinates: LonLat | null;
  within: string | null;
}

export interface Source extends Entity<SourceKind> {
  /** Id of the actor this source is or speaks for. */
  actor: string | null;
}

export interface Claim {
  id: string;
  text: string;
  sentence: number;
  line: number;
  column: number;
  source: string | null;
  cue: string | null;
  certainty: Certainty;
  hedges: string[];
  actors: string[];
  locations: string[];
}

export interface Briefing {
  id: string;
  title: string;
  date: string;
  outlet: Outlet | null;
  url: string | null;
  summary: string;
  claims: Claim[];
  actors: Actor[];
  locations: Location[];
  sources: Source[];
}

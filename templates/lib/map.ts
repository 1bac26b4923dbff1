/**
 * Which places each page's map shows; the drawing itself is src/site/map.ts (inline SVG at build
 * time). A place page shows the place and the places named alongside it; a briefing its places; the
 * /map/ page every place with coordinates.
 */
import type { BriefingPage, LocationPage, SiteIndex } from "../../src/site/index.js";
import { mapFigure, type MapPlace } from "../../src/site/map.js";
import { raw, type SafeHtml } from "./html.js";

/**
 * Every place of the index by id, built once per index. Keyed by the locations array (with the bases
 * array checked): Eleventy hands each page the index behind a new Proxy, but the arrays as they are.
 */
const lookups = new WeakMap<readonly LocationPage[], { bases: readonly LocationPage[]; byId: Map<string, LocationPage> }>();

function places(index: SiteIndex): Map<string, LocationPage> {
  const known = lookups.get(index.locations);
  if (known && known.bases === index.bases) return known.byId;
  const byId = new Map([...index.bases, ...index.locations].map((p) => [p.id, p]));
  lookups.set(index.locations, { bases: index.bases, byId });
  return byId;
}

function toMapPlace(p: { id: string; name: string; url: string | null; kind: string; coordinates: LocationPage["coordinates"] }): MapPlace | null {
  return p.coordinates ? { id: p.id, name: p.name, url: p.url, kind: p.kind, coordinates: p.coordinates } : null;
}

const present = <T>(x: T | null): x is T => x !== null;

/** The other places a place page's map shows: the places named alongside it that have coordinates. */
export function mapNeighbours(index: SiteIndex, place: LocationPage): MapPlace[] {
  const lookup = places(index);
  return place.coLocations.map((c) => lookup.get(c.id)).filter((p): p is LocationPage => !!p).map(toMapPlace).filter(present);
}

/** Locator map of a base or location page: the place, and co-mentioned places nearby for context. */
export function placeMap(index: SiteIndex, place: LocationPage): SafeHtml | null {
  const focus = toMapPlace(place);
  if (!focus) return null;
  const others = mapNeighbours(index, place);
  const figure = mapFigure([focus, ...others], {
    title: `Map of ${place.name} and places named alongside it`,
    focus: place.id,
    idPrefix: "place-map",
  });
  return figure ? raw(figure) : null;
}

/** Locator map of a briefing: its places with coordinates. */
export function briefingMap(page: BriefingPage): SafeHtml | null {
  const figure = mapFigure(page.locations.map(toMapPlace).filter(present), {
    title: `Map of the places named in “${page.briefing.title}”`,
    idPrefix: "briefing-map",
    caption: "Places in this briefing",
    hideList: true,
  });
  return figure ? raw(figure) : null;
}

/** Every place in the archive that has coordinates (the /map/ page). */
export function archivePlaces(index: SiteIndex): MapPlace[] {
  return [...index.bases, ...index.locations].map(toMapPlace).filter(present);
}

export function archiveMap(index: SiteIndex): SafeHtml | null {
  const figure = mapFigure(archivePlaces(index), {
    title: "Map of every place in the archive with known coordinates",
    idPrefix: "archive-map",
    width: 960,
    height: 520,
    padding: 0.04,
    className: "map-wide",
    caption: "Places on the map",
  });
  return figure ? raw(figure) : null;
}

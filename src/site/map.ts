/**
 * Maps rendered at build time: an inline SVG string for a set of places with `[lon, lat]`
 * coordinates, drawn over Natural Earth country outlines from `world-atlas` (50m for regional maps,
 * 110m for continental and world maps). No JavaScript, no inline styles (the CSP forbids them: every
 * colour comes from classes in public/css/site.css), nothing fetched at run time.
 *
 * Accessibility: the drawing (land, borders, markers) is a `<g role="img">` labelled by the SVG's
 * `<title>`; the markers are real links (`<a href>` with a `<title>`), kept outside that group because
 * an image's children are presentational and links must not be nested in one. `mapFigure` puts the
 * SVG in a `<figure>` whose caption lists every place as text, with links.
 *
 * Deterministic: same places, same bytes. Path coordinates are rounded to one decimal.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { geoBounds, geoDistance, geoIdentity, geoMercator, geoNaturalEarth1, geoPath, geoStream, type GeoProjection, type GeoStream } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry, MultiLineString } from "geojson";
import type { LonLat } from "../types.js";
import { publicDir } from "../paths.js";
import { flat } from "../util/flat.js";
import { perPass } from "./passes.js";

export interface MapPlace {
  id: string;
  name: string;
  /** Page of the place; null draws the marker without a link. */
  url: string | null;
  kind: string;
  coordinates: LonLat;
}

export interface MapOptions {
  /** Accessible title of the map ("Map of Khmeimim Air Base and nearby places"). */
  title: string;
  /** Prefix of the ids in the SVG (one map per page needs none; two need different ones). */
  idPrefix?: string;
  width?: number;
  height?: number;
  /** Id of the place the page is about: drawn larger, labelled first, its country highlighted. */
  focus?: string | null;
  /** Smallest extent shown, in degrees [longitude, latitude], so a single place still shows its region. */
  minSpan?: [number, number];
  /** Extra room around the places, as a fraction of the extent on each side. */
  padding?: number;
  /** Places farther than this (radians on the sphere) from the focus don't widen the map; they are drawn if they fall inside. */
  focusRadius?: number;
}

type CountryProps = { name: string };
interface Atlas {
  countries: Array<Feature<Geometry, CountryProps>>;
  land: FeatureCollection | Feature;
  borders: MultiLineString;
}

const require = createRequire(import.meta.url);
const atlases = new Map<"50m" | "110m", Atlas>();

/** Loads and converts one world-atlas resolution, once per process. */
export function atlas(resolution: "50m" | "110m"): Atlas {
  let a = atlases.get(resolution);
  if (a) return a;
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), "utf8")) as Topology<{
    countries: GeometryCollection<CountryProps>;
    land: GeometryCollection;
  }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, CountryProps>;
  a = {
    countries: countries.features,
    land: feature(topology, topology.objects.land),
    borders: mesh(topology, topology.objects.countries, (x, y) => x !== y),
  };
  atlases.set(resolution, a);
  return a;
}

/** How registry and extracted names differ from Natural Earth's country names. */
const COUNTRY_NAMES: Record<string, string> = {
  "united states": "United States of America",
  "united states of america": "United States of America",
  usa: "United States of America",
  "north korea": "North Korea",
  "south korea": "South Korea",
  "czech republic": "Czechia",
  "democratic republic of the congo": "Dem. Rep. Congo",
  "central african republic": "Central African Rep.",
  "south sudan": "S. Sudan",
  "bosnia and herzegovina": "Bosnia and Herz.",
  "dominican republic": "Dominican Rep.",
};

const countriesByName = new WeakMap<Atlas, Map<string, Feature<Geometry, CountryProps>>>();

function countryFeature(a: Atlas, name: string): Feature<Geometry, CountryProps> | undefined {
  let byName = countriesByName.get(a);
  if (!byName) {
    byName = new Map();
    // The first of equal names wins, as a search from the start would.
    for (const c of a.countries) if (!byName.has(c.properties.name.toLowerCase())) byName.set(c.properties.name.toLowerCase(), c);
    countriesByName.set(a, byName);
  }
  return byName.get((COUNTRY_NAMES[name.toLowerCase()] ?? name).toLowerCase());
}

const COUNTRY_KINDS = new Set(["country", "state"]);

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Only site-relative links end up in a map. */
function siteUrl(url: string | null): string | null {
  return url && /^\/(?!\/)/.test(url) && !/[\s<>"']/.test(url) ? url : null;
}

function idPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "map";
}

const round1 = (v: number) => Math.round(v * 10) / 10;

interface Extent {
  west: number;
  east: number;
  south: number;
  north: number;
}

const bounds = new WeakMap<Feature, ReturnType<typeof geoBounds>>();
const countryBounds = (country: Feature) => {
  let b = bounds.get(country);
  if (!b) bounds.set(country, (b = geoBounds(country)));
  return b;
};

/** The lon/lat box to fit: the places (near the focus), widened to the minimum span, padded. */
export function mapExtent(places: readonly MapPlace[], options: Pick<MapOptions, "focus" | "minSpan" | "padding" | "focusRadius">, a?: Atlas): Extent {
  const focus = places.find((p) => p.id === options.focus);
  const radius = options.focusRadius ?? 0.22; // about 1,400 km
  const fitted = focus ? places.filter((p) => p === focus || geoDistance(focus.coordinates, p.coordinates) <= radius) : places;
  let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
  const include = (lon: number, lat: number) => {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const p of fitted) include(p.coordinates[0], p.coordinates[1]);
  // A country page shows the whole country (unless it wraps the antimeridian or spans half the globe).
  if (focus && a && COUNTRY_KINDS.has(focus.kind)) {
    const country = countryFeature(a, focus.name);
    if (country) {
      const [[w, s], [e, n]] = countryBounds(country);
      if (w <= e && e - w < 100) include(w, s), include(e, n);
    }
  }
  const [minLon, minLat] = options.minSpan ?? [14, 9];
  const pad = options.padding ?? 0.15;
  const cx = (west + east) / 2;
  const cy = (south + north) / 2;
  const spanLon = Math.max(east - west, minLon) * (1 + 2 * pad);
  const spanLat = Math.max(north - south, minLat) * (1 + 2 * pad);
  return {
    west: Math.max(-180, cx - spanLon / 2),
    east: Math.min(180, cx + spanLon / 2),
    south: Math.max(-80, cy - spanLat / 2),
    north: Math.min(84, cy + spanLat / 2),
  };
}

/** The projection scaled and moved so that the extent's outline fills the frame. */
function fit(projection: GeoProjection, extent: Extent, width: number, height: number): GeoProjection {
  const steps = 8;
  const outline: LonLat[] = [];
  for (let i = 0; i <= steps; i++) {
    const lon = extent.west + ((extent.east - extent.west) * i) / steps;
    const lat = extent.south + ((extent.north - extent.south) * i) / steps;
    outline.push([lon, extent.south], [lon, extent.north], [extent.west, lat], [extent.east, lat]);
  }
  return projection.fitExtent([[0, 0], [width, height]], { type: "MultiPoint", coordinates: outline });
}

const isWide = (e: Extent) => e.east - e.west > 70 || e.north - e.south > 45;

/** Spans snap up to a ladder of factors 2^(1/3); centres to a twelfth of the span. */
function snapSpan(span: number): number {
  return Math.pow(2, Math.ceil(Math.log2(Math.max(span, 1e-3)) * 3 - 1e-9) / 3);
}

/**
 * The extent snapped to a coarse grid, so that many pages share one background (drawn once per
 * build): never smaller than the extent asked for (about 1.3× its span at most).
 */
export function snapExtent(e: Extent): Extent {
  const snap = (v: number, step: number) => Math.round(v / step) * step;
  const axis = (lo: number, hi: number): [number, number] => {
    const span = hi - lo;
    const c = (lo + hi) / 2;
    const centre = snap(c, snapSpan(span) / 12);
    const snapped = snapSpan(span + 2 * Math.abs(centre - c));
    return [centre - snapped / 2, centre + snapped / 2];
  };
  const [west, east] = axis(e.west, e.east);
  const [south, north] = axis(e.south, e.north);
  return {
    west: Math.max(-180, Math.floor(west * 1e4) / 1e4),
    east: Math.min(180, Math.ceil(east * 1e4) / 1e4),
    south: Math.max(-80, Math.floor(south * 1e4) / 1e4),
    north: Math.min(84, Math.ceil(north * 1e4) / 1e4),
  };
}

/**
 * Every map of one projection family (Mercator; Natural Earth turned to one of a few meridians) is
 * the same picture of the world at some scale and offset. So each atlas is projected once per
 * process and family (d3-geo's spherical clipping and resampling included) to unit coordinates,
 * split into parts with their boxes; a background then only scales, translates and clips the parts
 * that meet its frame, which is planar arithmetic.
 */
type Ring = Array<[number, number]>;

interface Part<T> {
  coordinates: T;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface ProjectedAtlas {
  land: Array<Part<Ring[]>>;
  borders: Array<Part<Ring>>;
}

/** Resampling threshold in unit coordinates: about half a pixel at the most zoomed-in regional maps. */
const UNIT_PRECISION = 2e-4;

/** A projection family: Mercator with the 50m atlas, or Natural Earth turned to `rotation` with the 110m one. */
interface Family {
  key: string;
  resolution: "50m" | "110m";
  unit: () => GeoProjection;
}

const MERCATOR: Family = { key: "mercator", resolution: "50m", unit: () => geoMercator().scale(1).translate([0, 0]).precision(UNIT_PRECISION) };
const naturalEarth = (rotation: number): Family => ({
  key: `natural-earth:${rotation}`,
  resolution: "110m",
  unit: () => geoNaturalEarth1().rotate([-rotation, 0]).scale(1).translate([0, 0]).precision(UNIT_PRECISION),
});

/** Streams a geometry through a unit projection and keeps what comes out: polygons (as ring lists) and lines. */
function projectUnit(geometry: Geometry | Feature, family: Family): { polygons: Ring[][]; lines: Ring[] } {
  const polygons: Ring[][] = [];
  const lines: Ring[] = [];
  let rings: Ring[] | null = null;
  let line: Ring = [];
  const sink: GeoStream = {
    point(x, y) {
      line.push([x, y]);
    },
    lineStart() {
      line = [];
    },
    lineEnd() {
      if (rings) {
        // A closed ring, as GeoJSON wants it (the stream leaves the closing point out).
        if (line.length) rings.push([...line, line[0]!]);
      } else if (line.length) lines.push(line);
    },
    polygonStart() {
      rings = [];
    },
    polygonEnd() {
      if (rings?.length) polygons.push(rings);
      rings = null;
    },
    sphere() {},
  };
  geoStream(geometry, family.unit().stream(sink));
  return { polygons, lines };
}

function boxOf<T>(coordinates: T, points: Ring): Part<T> {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { coordinates, x0, y0, x1, y1 };
}

const projected = new Map<string, ProjectedAtlas>();

function projectedAtlas(family: Family): ProjectedAtlas {
  let x = projected.get(family.key);
  if (x) return x;
  const a = atlas(family.resolution);
  const landGeoms: Geometry[] = "features" in a.land ? a.land.features.map((f) => f.geometry) : [a.land.geometry];
  const land: ProjectedAtlas["land"] = [];
  for (const g of landGeoms) {
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (const poly of polys) for (const rings of projectUnit({ type: "Polygon", coordinates: poly }, family).polygons) land.push(boxOf(rings, rings.flat()));
  }
  const borders = a.borders.coordinates.flatMap((l) => projectUnit({ type: "LineString", coordinates: l }, family).lines).map((l) => boxOf(l, l));
  projected.set(family.key, (x = { land, borders }));
  return x;
}

/** A highlighted country in unit coordinates, projected once per process and family: its box, and each polygon with its own. */
const projectedCountries = new Map<string, Part<Array<Part<Ring[]>>>>();

function projectedCountry(family: Family, country: Feature<Geometry, CountryProps>): Part<Array<Part<Ring[]>>> {
  const key = `${family.key}:${country.properties.name}`;
  let p = projectedCountries.get(key);
  if (!p) {
    const { polygons } = projectUnit(country, family);
    projectedCountries.set(key, (p = boxOf(polygons.map((rings) => boxOf(rings, rings.flat())), polygons.flat(2))));
  }
  return p;
}

/**
 * What `geoPath(geoIdentity().scale(k).translate([tx, ty])).digits(1)` writes for one ring of a
 * polygon (`closed`: its last point repeats the first and is left out, and the ring ends with "Z")
 * or one line: the same arithmetic and rounding, without a stream call and a tagged template per
 * point. tests/site/map.test.ts holds it to d3-geo's output.
 */
export function pathLine(points: ReadonlyArray<readonly [number, number]>, k: number, tx: number, ty: number, closed: boolean): string {
  const n = points.length - (closed ? 1 : 0);
  let d = "";
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    d += `${i ? "L" : "M"}${Math.round((p[0] * k + tx) * 10) / 10},${Math.round((p[1] * k + ty) * 10) / 10}`;
  }
  return closed ? `${d}Z` : d;
}

/** Scale and offset of a fitted Mercator projection, as a planar transform of unit coordinates clipped to the frame. */
function planar(projection: GeoProjection, width: number, height: number) {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const clipped = geoPath(geoIdentity().scale(k).translate([tx, ty]).clipExtent([[0, 0], [width, height]])).digits(1);
  const unclipped = (type: "Polygon" | "LineString", coordinates: Ring[] | Ring) =>
    type === "Polygon" ? (coordinates as Ring[]).map((ring) => pathLine(ring, k, tx, ty, true)).join("") : pathLine(coordinates as Ring, k, tx, ty, false);
  // The frame in unit coordinates, and a little margin (strokes).
  const m = 2 / k;
  const frame = { x0: -tx / k - m, x1: (width - tx) / k + m, y0: -ty / k - m, y1: (height - ty) / k + m };
  const meets = (p: Part<unknown>) => p.x0 <= frame.x1 && p.x1 >= frame.x0 && p.y0 <= frame.y1 && p.y1 >= frame.y0;
  // A pixel inside the frame on every side: d3-geo's rectangle clip would pass such a part on point
  // for point (a clean ring or line), so it is drawn without clipping, which costs a fraction.
  const e = 1 / k;
  const inner = { x0: -tx / k + e, x1: (width - tx) / k - e, y0: -ty / k + e, y1: (height - ty) / k - e };
  const inside = (p: Part<unknown>) => p.x0 >= inner.x0 && p.x1 <= inner.x1 && p.y0 >= inner.y0 && p.y1 <= inner.y1;
  /**
   * The path of the parts that meet the frame, in order: what one `MultiPolygon` (or
   * `MultiLineString`) of them would draw, as the clip and the path take each polygon or line alone.
   */
  const draw = (type: "Polygon" | "LineString", parts: ReadonlyArray<Part<Ring[] | Ring>>): string => {
    let d = "";
    for (const p of parts) if (meets(p)) d += inside(p) ? unclipped(type, p.coordinates) : (clipped({ type, coordinates: p.coordinates } as Geometry) ?? "");
    return d;
  };
  return { draw, meets };
}

/** A background drawn once per snapped extent and size: sea and land, and the borders (two files). */
interface Background {
  key: string;
  land: string;
  borders: string;
  resolution: "50m" | "110m";
  width: number;
  height: number;
}

const backgrounds = new Map<string, Background>();
let used = new Set<string>();

/** Colours of the background files, read from the site's stylesheet (light, then dark scheme). */
let palette: string | null = null;
function backgroundStyle(): string {
  if (palette !== null) return palette;
  let css = "";
  try {
    css = readFileSync(join(publicDir, "css", "site.css"), "utf8");
  } catch {
    css = "";
  }
  const values = (name: string) => [...css.matchAll(new RegExp(`--map-${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`, "g"))].map((m) => m[1]!);
  const pick = (name: string, i: number, fallback: string) => values(name)[i] ?? values(name)[0] ?? fallback;
  const rules = (i: number) =>
    `.map-sea{fill:${pick("sea", i, "#dde7ee")}}.map-land{fill:${pick("land", i, "#f6f5f0")};stroke:${pick("coast", i, "#8f9aa3")};stroke-width:.6;stroke-linejoin:round}` +
    `.map-borders{fill:none;stroke:${pick("border", i, "#b3b3aa")};stroke-width:.6;stroke-linejoin:round}`;
  palette = `<style>${rules(0)}@media (prefers-color-scheme:dark){${rules(1)}}</style>`;
  return palette;
}

/** Draws (or finds) the background with these parameters: a frame of `width`×`height` for `projection`. */
function drawBackground(params: string, family: Family, projection: GeoProjection, width: number, height: number): Background {
  const key = createHash("sha256").update(params).digest("hex").slice(0, 16);
  let bg = backgrounds.get(key);
  if (!bg) {
    const resolution = family.resolution;
    const { draw } = planar(projection, width, height);
    const ix = projectedAtlas(family);
    const landD = draw("Polygon", ix.land);
    const bordersD = draw("LineString", ix.borders);
    const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${backgroundStyle()}`;
    bg = {
      key,
      land: flat(`${open}<rect class="map-sea" width="${width}" height="${height}"/><path class="map-land" d="${landD}"/></svg>\n`),
      borders: flat(`${open}<path class="map-borders" d="${bordersD}"/></svg>\n`),
      resolution,
      width,
      height,
    };
    backgrounds.set(key, bg);
  }
  used.add(key);
  return bg;
}

/** A map's frame: its projection, and the background it shows at an offset (`x`, `y` ≤ 0). */
interface Frame {
  projection: GeoProjection;
  bg: Background;
  x: number;
  y: number;
  /** The path of a highlighted country in this frame (clipped to it). */
  country: (country: Feature<Geometry, CountryProps>) => string;
}

/** Zoom levels: scales (pixels per radian) on a ladder of factors 2^(1/3). */
const ZOOM_STEPS = 3;
/** Wide maps turn the globe to the nearest multiple of this many degrees of longitude. */
const ROTATION_STEP = 30;

/**
 * The frame of a map of `extent`. Within one projection family every map at one scale is a window
 * into the same picture of the world, so the scale snaps down to a zoom ladder (the extent still
 * fits, centred as fitted), and the background is the tile of twice the frame's width and height,
 * laid at a stride of one frame, that holds the window. Pages in one region share a few tiles per
 * zoom level. Regional extents are Mercator (familiar shapes, 50m outlines); wide ones Natural Earth
 * (110m), turned to the nearest of a few meridians.
 */
function frame(extent: Extent, width: number, height: number): Frame {
  const wide = isWide(snapExtent(extent));
  const rotation = wide ? (((Math.round((extent.west + extent.east) / 2 / ROTATION_STEP) * ROTATION_STEP + 540) % 360) - 180) : 0;
  const family = wide ? naturalEarth(rotation) : MERCATOR;
  const fitted = fit(family.unit(), extent, width, height);
  const k = fitted.scale();
  const [tx, ty] = fitted.translate();
  const zoom = Math.floor(Math.log2(k) * ZOOM_STEPS + 1e-9);
  const kz = Math.pow(2, zoom / ZOOM_STEPS);
  // The frame's top-left corner in world pixels at that scale (unit coordinates × kz), centred as fitted.
  const x0 = Math.round((kz * (width / 2 - tx)) / k - width / 2);
  const y0 = Math.round((kz * (height / 2 - ty)) / k - height / 2);
  const at = (x: number, y: number, w: number, h: number) => family.unit().scale(kz).translate([-x, -y]).clipExtent([[0, 0], [w, h]]);
  const projection = at(x0, y0, width, height);
  const i = Math.floor(x0 / width);
  const j = Math.floor(y0 / height);
  const bg = drawBackground(`tile:${family.key}:${width}x${height}:${zoom}:${i},${j}`, family, at(i * width, j * height, 2 * width, 2 * height), 2 * width, 2 * height);
  const x = i * width - x0;
  const y = j * height - y0;
  return {
    projection,
    bg,
    x,
    y,
    country: (c) =>
      countryPath(bg, `${x},${y}:${c.properties.name}`, () => {
        const { draw, meets } = planar(projection, width, height);
        const p = projectedCountry(family, c);
        return meets(p) ? draw("Polygon", p.coordinates) : "";
      }),
  };
}

/**
 * The path of one highlighted country in one frame of a background, drawn once per render pass
 * (src/site/passes.ts). Frames are offsets into a background, and nearly every briefing's map has
 * its own, so over a whole archive the paths only grow: kept for the build, they were about 9 KB of
 * heap per briefing at 50,000 articles (550 MB by the last briefing pass).
 */
function countryPath(bg: Background, key: string, draw: () => string): string {
  const paths = countryPaths();
  const at = `${bg.key}:${key}`;
  let d = paths.get(at);
  if (d === undefined) paths.set(at, (d = flat(draw())));
  return d;
}

/** Highlighted countries drawn on maps: background, frame offset and country name → path (one pass's). */
const countryPaths = perPass(() => new Map<string, string>());

/** Site path of a background file. */
export const MAPS_DIR = "maps";
const layerUrl = (key: string, layer: "land" | "borders") => `/${MAPS_DIR}/${key}-${layer}.svg`;

/** Starts a new set of background files (one build); `mapFiles()` then lists the ones its maps use. */
export function resetMapFiles(): void {
  used = new Set();
}

/** The background files the maps drawn since `resetMapFiles()` refer to: site path (no leading slash) → SVG. */
export function mapFiles(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of [...used].sort()) {
    const bg = backgrounds.get(key)!;
    out.push([layerUrl(key, "land").slice(1), bg.land], [layerUrl(key, "borders").slice(1), bg.borders]);
  }
  return out;
}

/** The SVG of a background file by its site path (`/maps/<key>-land.svg`), for the dev server. */
export function mapFile(path: string): string | null {
  const m = /^\/maps\/([0-9a-f]{16})-(land|borders)\.svg$/.exec(path);
  const bg = m ? backgrounds.get(m[1]!) : undefined;
  return bg ? (m![2] === "land" ? bg.land : bg.borders) : null;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface Label {
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  box: Box;
}

/**
 * Crude label placement: for each place in priority order, the first of right, left, above, below
 * and the four diagonals
 * whose box stays inside the map and clear of the markers and the labels already placed; none → no
 * label (the marker's link keeps its title, and the caption lists it).
 */
export function placeLabels(points: ReadonlyArray<{ x: number; y: number; name: string; r: number }>, width: number, height: number, fontSize: number): Array<Label | null> {
  const taken: Box[] = points.map((p) => ({ x0: p.x - p.r, y0: p.y - p.r, x1: p.x + p.r, y1: p.y + p.r }));
  return points.map((p, i) => {
    const w = p.name.length * fontSize * 0.56;
    const h = fontSize;
    const gap = p.r + 3;
    const candidates: Label[] = [
      { x: p.x + gap, y: p.y + h * 0.35, anchor: "start", box: { x0: p.x + gap, y0: p.y - h / 2, x1: p.x + gap + w, y1: p.y + h / 2 } },
      { x: p.x - gap, y: p.y + h * 0.35, anchor: "end", box: { x0: p.x - gap - w, y0: p.y - h / 2, x1: p.x - gap, y1: p.y + h / 2 } },
      { x: p.x, y: p.y - gap - 2, anchor: "middle", box: { x0: p.x - w / 2, y0: p.y - gap - h, x1: p.x + w / 2, y1: p.y - gap } },
      { x: p.x, y: p.y + gap + h * 0.8, anchor: "middle", box: { x0: p.x - w / 2, y0: p.y + gap, x1: p.x + w / 2, y1: p.y + gap + h } },
      { x: p.x + p.r, y: p.y + gap + h * 0.8, anchor: "start", box: { x0: p.x + p.r, y0: p.y + gap, x1: p.x + p.r + w, y1: p.y + gap + h } },
      { x: p.x + p.r, y: p.y - gap - 2, anchor: "start", box: { x0: p.x + p.r, y0: p.y - gap - h, x1: p.x + p.r + w, y1: p.y - gap } },
      { x: p.x - p.r, y: p.y + gap + h * 0.8, anchor: "end", box: { x0: p.x - p.r - w, y0: p.y + gap, x1: p.x - p.r, y1: p.y + gap + h } },
      { x: p.x - p.r, y: p.y - gap - 2, anchor: "end", box: { x0: p.x - p.r - w, y0: p.y - gap - h, x1: p.x - p.r, y1: p.y - gap } },
    ];
    const fits = candidates.find(
      (c) => c.box.x0 >= 2 && c.box.x1 <= width - 2 && c.box.y0 >= 2 && c.box.y1 <= height - 2 && !taken.some((t, j) => j !== i && overlaps(c.box, t)),
    );
    if (!fits) return null;
    taken.push(fits.box);
    return fits;
  });
}

function priority(p: MapPlace, focus: string | null | undefined): number {
  if (p.id === focus) return 0;
  if (p.kind === "base") return 1;
  if (p.kind === "city" || p.kind === "facility") return 2;
  return 3;
}

/** The marker shape: bases are diamonds, cities dots, larger places rings (also told apart by class). */
function marker(kind: string, x: number, y: number, r: number): string {
  if (kind === "base") return `<path class="map-marker" d="M${round1(x)},${round1(y - r * 1.3)}l${round1(r * 1.3)},${round1(r * 1.3)}l${round1(-r * 1.3)},${round1(r * 1.3)}l${round1(-r * 1.3)},${round1(-r * 1.3)}z"/>`;
  return `<circle class="map-marker" cx="${round1(x)}" cy="${round1(y)}" r="${r}"/>`;
}

export interface RenderedMap {
  svg: string;
  /** The places drawn (inside the frame), in caption order. */
  shown: MapPlace[];
}

/** The SVG for the places; null when none has coordinates. */
export function renderMap(input: readonly MapPlace[], options: MapOptions): RenderedMap | null {
  const places = dedupe(input.filter((p) => validLonLat(p.coordinates)));
  if (!places.length) return null;
  const width = options.width ?? 360;
  const height = options.height ?? 240;
  const fontSize = 12;
  const prefix = idPart(options.idPrefix ?? "map");
  const extent = mapExtent(places, options, atlas("110m"));
  const { projection, bg, x: bgX, y: bgY, country: frameCountry } = frame(extent, width, height);
  const a = atlas(bg.resolution);

  const focusPlace = places.find((p) => p.id === options.focus);
  const highlighted = new Set<string>();
  for (const p of places) if (COUNTRY_KINDS.has(p.kind)) {
    const c = countryFeature(a, p.name);
    if (c) highlighted.add(c.properties.name);
  }
  const countries = a.countries
    .filter((c) => highlighted.has(c.properties.name))
    .map((c) => ({ d: frameCountry(c), focus: focusPlace ? c === countryFeature(a, focusPlace.name) : false }))
    .filter((c) => c.d);

  const ordered = [...places].sort((x, y) => priority(x, options.focus) - priority(y, options.focus) || x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
  const points: Array<{ place: MapPlace; x: number; y: number; name: string; r: number }> = [];
  for (const place of ordered) {
    const xy = projection(place.coordinates);
    if (!xy) continue;
    const [x, y] = xy;
    if (!(x >= 0 && x <= width && y >= 0 && y <= height)) continue;
    points.push({ place, x, y, name: place.name, r: place.id === options.focus ? 6 : 4 });
  }
  const labels = placeLabels(points, width, height, fontSize);

  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const markers = points.map(({ place, x, y, r }, i) => {
    const label = labels[i];
    const cls = `map-place map-place-${idPart(place.kind)}${place.id === options.focus ? " is-focus" : ""}`;
    const text = label ? `<text class="map-label" x="${round1(label.x)}" y="${round1(label.y)}"${label.anchor === "start" ? "" : ` text-anchor="${label.anchor}"`}>${escapeXml(place.name)}</text>` : "";
    const body = `<title>${escapeXml(place.name)}</title>${marker(place.kind, x, y, r)}${text}`;
    const href = siteUrl(place.url);
    return href ? `<a class="${cls}" href="${escapeXml(href)}">${body}</a>` : `<g class="${cls}">${body}</g>`;
  });
  const shownNames = points.map((p) => p.place.name);
  const desc = `${shownNames.length === 1 ? "Marks" : `Marks ${shownNames.length} places:`} ${listNames(shownNames)}. Country outlines: Natural Earth.`;
  // The background sits at its offset in the frame (which clips it).
  const place = `${bgX ? ` x="${bgX}"` : ""}${bgY ? ` y="${bgY}"` : ""} width="${bg.width}" height="${bg.height}"`;
  const svg =
    `<svg class="map-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
    `<title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(desc)}</desc>` +
    `<g role="img" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
    `<image class="map-land" href="${layerUrl(bg.key, "land")}"${place}/>` +
    countries.map((c) => `<path class="map-country${c.focus ? " is-focus" : ""}" d="${c.d}"/>`).join("") +
    `<image class="map-borders" href="${layerUrl(bg.key, "borders")}"${place}/>` +
    `</g>` +
    `<g class="map-places">${markers.join("")}</g>` +
    `<rect class="map-frame" width="${width}" height="${height}"/>` +
    `</svg>`;
  return { svg, shown: points.map((p) => p.place) };
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function validLonLat(c: LonLat | null | undefined): c is LonLat {
  return Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90;
}

function dedupe(places: MapPlace[]): MapPlace[] {
  const seen = new Set<string>();
  return places.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

const KIND_NAMES: Record<string, string> = { base: "military base", city: "city", country: "country", state: "state", region: "region", water: "body of water", facility: "facility" };

function formatLonLat([lon, lat]: LonLat): string {
  return `${Math.abs(lat).toFixed(2)}° ${lat < 0 ? "S" : "N"}, ${Math.abs(lon).toFixed(2)}° ${lon < 0 ? "W" : "E"}`;
}

export interface FigureOptions extends MapOptions {
  /** Caption heading above the list of places. */
  caption?: string;
  /** Extra class on the figure (e.g. `map-wide` for the /map/ page). */
  className?: string;
  /** Keep the list of places for screen readers only (when the page lists them right beside the map). */
  hideList?: boolean;
}

/**
 * The map as a `<figure>`: the SVG, then a caption listing every place drawn (linked, with kind and
 * coordinates) — the text alternative. Empty string when nothing can be drawn.
 */
export function mapFigure(places: readonly MapPlace[], options: FigureOptions): string {
  const map = renderMap(places, options);
  if (!map) return "";
  const prefix = idPart(options.idPrefix ?? "map");
  const items = [...map.shown]
    .sort((x, y) => priority(x, options.focus) - priority(y, options.focus) || x.name.localeCompare(y.name))
    .map((p) => {
      const href = siteUrl(p.url);
      const name = href ? `<a href="${escapeXml(href)}">${escapeXml(p.name)}</a>` : escapeXml(p.name);
      const kind = KIND_NAMES[p.kind] ?? p.kind.replace(/[-_]+/g, " ");
      return `<li class="map-list-${idPart(p.kind)}">${name} <span class="note">${escapeXml(kind)}, ${formatLonLat(p.coordinates)}</span></li>`;
    });
  const caption = options.caption ?? (map.shown.length === 1 ? "Place on this map" : `${map.shown.length} places on this map`);
  return (
    `<figure class="map${options.className ? ` ${escapeXml(options.className)}` : ""}" aria-labelledby="${prefix}-caption" data-pagefind-ignore>` +
    `<div class="map-canvas">${map.svg}</div>` +
    `<figcaption class="map-caption"><p id="${prefix}-caption" class="map-caption-title${options.hideList ? " visually-hidden" : ""}">${escapeXml(caption)}</p>` +
    `<ul class="map-list${options.hideList ? " visually-hidden" : ""}">${items.join("")}</ul>` +
    `<p class="map-credit">Outlines: Natural Earth. Positions are approximate.</p></figcaption>` +
    `</figure>`
  );
}

/** The build-time SVG maps (src/site/map.ts). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { geoIdentity, geoPath } from "d3-geo";
import { mapExtent, mapFigure, mapFile, mapFiles, pathLine, placeLabels, renderMap, resetMapFiles, snapExtent, type MapPlace } from "../../src/site/map.js";

const khmeimim: MapPlace = { id: "khmeimim-air-base", name: "Khmeimim Air Base", url: "/bases/khmeimim-air-base/", kind: "base", coordinates: [35.9487, 35.4011] };
const tartus: MapPlace = { id: "tartus-naval-facility", name: "Tartus naval facility", url: "/bases/tartus-naval-facility/", kind: "base", coordinates: [35.8728, 34.9119] };
const syria: MapPlace = { id: "syria", name: "Syria", url: "/locations/syria/", kind: "country", coordinates: [38.5, 35] };
const sydney: MapPlace = { id: "sydney", name: "Sydney", url: "/locations/sydney/", kind: "city", coordinates: [151.2073, -33.8678] };

describe("renderMap", () => {
  it("returns null when no place has coordinates", () => {
    expect(renderMap([], { title: "t" })).toBeNull();
    expect(renderMap([{ ...khmeimim, coordinates: [Number.NaN, 2] }], { title: "t" })).toBeNull();
    expect(mapFigure([], { title: "t" })).toBe("");
  });

  it("is deterministic, small, and has no inline styles or scripts", () => {
    const a = renderMap([khmeimim, tartus, syria], { title: "Map", focus: khmeimim.id })!.svg;
    const b = renderMap([syria, tartus, khmeimim], { title: "Map", focus: khmeimim.id })!.svg;
    expect(a).toBe(b);
    expect(a).not.toMatch(/style=|<style|<script|on\w+=/i);
    expect(a.length).toBeLessThan(60_000);
    // Path coordinates rounded to one decimal.
    for (const d of a.matchAll(/ d="([^"]*)"/g)) expect(d[1]).not.toMatch(/\d\.\d\d/);
  });

  it("labels the drawing as an image and keeps the markers as links outside it", () => {
    const { svg } = renderMap([khmeimim, tartus], { title: "Map of Khmeimim", focus: khmeimim.id })!;
    expect(svg).toMatch(/<title id="map-title">Map of Khmeimim<\/title>/);
    expect(svg).toMatch(/<g role="img" aria-labelledby="map-title"/);
    const image = svg.slice(svg.indexOf('<g role="img"'), svg.indexOf('<g class="map-places">'));
    expect(image).not.toContain("<a ");
    expect(svg).toContain('<a class="map-place map-place-base is-focus" href="/bases/khmeimim-air-base/"><title>Khmeimim Air Base</title>');
    expect(svg).toContain('href="/bases/tartus-naval-facility/"');
  });

  it("a single base still shows its region (the eastern Mediterranean)", () => {
    const e = mapExtent([khmeimim], {});
    expect(e.east - e.west).toBeGreaterThanOrEqual(14);
    expect(e.north - e.south).toBeGreaterThanOrEqual(9);
    expect(e.west).toBeLessThan(32); // Cyprus and the coast
    const map = renderMap([khmeimim], { title: "Khmeimim" })!;
    expect(map.shown.map((p) => p.id)).toEqual([khmeimim.id]);
    expect(map.svg).toContain('class="map-land"');
    expect(map.svg).toContain('class="map-borders"');
  });

  it("draws land and borders once per tile, as shared background files the maps show at an offset", () => {
    resetMapFiles();
    const one = renderMap([khmeimim], { title: "a" })!.svg;
    const two = renderMap([{ ...khmeimim, coordinates: [35.95, 35.4] }], { title: "b" })!.svg;
    // A nearby place, half a frame away: another window into the same tile.
    const near = renderMap([{ ...khmeimim, id: "near", coordinates: [33.5, 36] }], { title: "c" })!.svg;
    const image = /<image class="map-(?:land|borders)" href="(\/maps\/[0-9a-f]{16}-(?:land|borders)\.svg)"(?: x="(-\d+)")?(?: y="(-\d+)")? width="720" height="480"\/>/g;
    const refs = (svg: string) => [...svg.matchAll(image)].map((m) => m[1]);
    const offsets = (svg: string) => [...svg.matchAll(image)].map((m) => [Number(m[2] ?? 0), Number(m[3] ?? 0)]);
    expect(refs(one)).toHaveLength(2);
    expect(refs(two)).toEqual(refs(one));
    expect(refs(near)).toEqual(refs(one));
    expect(offsets(near)).not.toEqual(offsets(one));
    // The tile is twice the frame each way and always covers it.
    for (const [x, y] of [...offsets(one), ...offsets(near)]) {
      expect(x).toBeLessThanOrEqual(0);
      expect(x).toBeGreaterThanOrEqual(-360);
      expect(y).toBeLessThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(-240);
    }
    // The page keeps only its markers (and highlighted countries): small.
    expect(one.length).toBeLessThan(3_000);
    const files = mapFiles();
    expect(files.map(([p]) => `/${p}`).sort()).toEqual([...refs(one)].sort());
    const land = mapFile(refs(one)[0]!)!;
    expect(land).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 720 480"/);
    expect(land).toMatch(/<rect class="map-sea"[^>]*\/><path class="map-land" d="M[^"]{2000,}"\/>/);
    expect(mapFile(refs(one)[1]!)).toMatch(/<path class="map-borders" d="M[^"]{500,}"\/>/);
    // Colours of both schemes come from the stylesheet.
    expect(land).toContain(".map-sea{fill:#dde7ee}");
    expect(land).toMatch(/@media \(prefers-color-scheme:dark\)\{\.map-sea\{fill:#0e1a24\}/);
    expect(mapFile("/maps/../x-land.svg")).toBeNull();
    resetMapFiles();
    expect(mapFiles()).toEqual([]);
  });

  it("centres a single place, and draws islands next to the antimeridian", () => {
    const markerAt = (svg: string) => {
      const m = /<circle class="map-marker" cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)!;
      return [Number(m[1]), Number(m[2])];
    };
    const [cx, cy] = markerAt(renderMap([{ ...khmeimim, kind: "city" }], { title: "a" })!.svg);
    expect(Math.abs(cx! - 180)).toBeLessThan(6);
    expect(Math.abs(cy! - 120)).toBeLessThan(6); // centred as fitted (Mercator stretches the north of the box)
    // Fiji's polygons cross 180°; a lon/lat box test used to leave them out. Land lies next to Suva.
    resetMapFiles();
    const { svg } = renderMap([{ id: "suva", name: "Suva", url: null, kind: "city", coordinates: [178.44, -18.14] }], { title: "Suva" })!;
    const [mx, my] = markerAt(svg);
    const offset = /<image class="map-land" href="[^"]+"(?: x="(-\d+)")?(?: y="(-\d+)")?/.exec(svg)!;
    const [tx, ty] = [mx! - Number(offset[1] ?? 0), my! - Number(offset[2] ?? 0)];
    const land = mapFiles().find(([p]) => p.endsWith("-land.svg"))![1];
    const d = /<path class="map-land" d="([^"]*)"/.exec(land)![1]!;
    const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points.some(([x, y]) => Math.hypot(x! - tx, y! - ty) < 15)).toBe(true);
  });

  it("snapping never shrinks the extent", () => {
    for (const e of [
      { west: 30.1, east: 41.8, south: 30.2, north: 40.6 },
      { west: -10.5, east: 3.5, south: 35.9, north: 44.9 },
      { west: 100, east: 160, south: -45, north: -10 },
      { west: -180, east: -150, south: 50, north: 70 },
    ]) {
      const s = snapExtent(e);
      expect(s.west).toBeLessThanOrEqual(e.west);
      expect(s.east).toBeGreaterThanOrEqual(e.east);
      expect(s.south).toBeLessThanOrEqual(e.south);
      expect(s.north).toBeGreaterThanOrEqual(e.north);
      expect((s.east - s.west) / (e.east - e.west)).toBeLessThan(1.5);
    }
  });

  it("far places don't widen a focused map, and are left out when outside it", () => {
    const map = renderMap([khmeimim, sydney], { title: "t", focus: khmeimim.id })!;
    expect(map.shown.map((p) => p.id)).toEqual([khmeimim.id]);
    const both = renderMap([khmeimim, sydney], { title: "t" })!;
    expect(both.shown.map((p) => p.id).sort()).toEqual([khmeimim.id, sydney.id].sort());
  });

  it("highlights a country named on the map", () => {
    const { svg } = renderMap([syria], { title: "Syria", focus: "syria" })!;
    expect(svg).toMatch(/<path class="map-country is-focus" d="M/);
  });

  it("escapes names and drops unsafe links", () => {
    const evil: MapPlace = { id: "x", name: `<script>"&'`, url: "javascript:alert(1)", kind: "city", coordinates: [10, 10] };
    const { svg } = renderMap([evil], { title: `<b>` })!;
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("javascript:");
    expect(svg).toContain("&lt;script&gt;&quot;&amp;&#39;");
    expect(svg).toContain("<title id=\"map-title\">&lt;b&gt;</title>");
  });
});

describe("placeLabels", () => {
  it("never overlaps two labels, nor leaves the frame", () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ x: 100 + (i % 6) * 12, y: 100 + Math.floor(i / 6) * 9, name: `Place number ${i}`, r: 4 }));
    const labels = placeLabels(points, 360, 240, 12);
    const placed = labels.filter((l) => l !== null);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(points.length);
    for (const [i, a] of placed.entries()) {
      expect(a.box.x0).toBeGreaterThanOrEqual(0);
      expect(a.box.x1).toBeLessThanOrEqual(360);
      for (const b of placed.slice(i + 1)) {
        const overlap = a.box.x0 < b.box.x1 && b.box.x0 < a.box.x1 && a.box.y0 < b.box.y1 && b.box.y0 < a.box.y1;
        expect(overlap).toBe(false);
      }
    }
  });
});

describe("mapFigure", () => {
  it("lists every place drawn, linked, as the text alternative", () => {
    const fig = mapFigure([khmeimim, tartus, syria], { title: "Map", focus: khmeimim.id });
    expect(fig).toMatch(/^<figure class="map" aria-labelledby="map-caption" data-pagefind-ignore>/);
    expect(fig).toContain('<p id="map-caption" class="map-caption-title">3 places on this map</p>');
    const list = fig.slice(fig.indexOf('<ul class="map-list">'));
    expect(list.indexOf("Khmeimim Air Base")).toBeLessThan(list.indexOf("Syria"));
    expect(list).toContain('<a href="/locations/syria/">Syria</a> <span class="note">country, 35.00° N, 38.50° E</span>');
  });
});

describe("pathLine", () => {
  it("writes what d3-geo's path of an identity transform writes, to one decimal", () => {
    const coord = fc.double({ min: -3, max: 3, noNaN: true });
    const point = fc.tuple(coord, coord);
    const transform = fc.tuple(fc.double({ min: 1, max: 5000, noNaN: true }), fc.double({ min: -4000, max: 4000, noNaN: true }), fc.double({ min: -4000, max: 4000, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), transform, (points, [k, tx, ty]) => {
        const path = geoPath(geoIdentity().scale(k).translate([tx, ty])).digits(1);
        const ring = [...points, points[0]!];
        expect(pathLine(ring, k, tx, ty, true)).toBe(path({ type: "Polygon", coordinates: [ring] }) ?? "");
        expect(pathLine(points, k, tx, ty, false)).toBe(path({ type: "LineString", coordinates: points }) ?? "");
      }),
      { numRuns: 500, seed: 6 },
    );
  });
});

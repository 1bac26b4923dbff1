/**
 * A briefing page's text and Briefing as extracted come back from the extraction cache exactly as
 * extraction gave them (src/site/details.ts), the same as from memory; a cache entry removed during
 * the build is an error that names the article, never a page rendered without its text.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../helpers/shared.js";
import { loadSite } from "../../src/site/build.js";
import { buildSiteIndex, textDigest } from "../../src/site/index.js";
import { entitiesExport } from "../../src/site/postbuild.js";
import { ExtractionCache, payloadLayout, type Payload } from "../../src/site/cache.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
const cacheDir = mkdtempSync(join(tmpdir(), "sitrep-details-"));
const saved = process.env.SITREP_CACHE;
process.env.SITREP_CACHE = cacheDir;
const site = loadSite(fixture);
if (saved === undefined) delete process.env.SITREP_CACHE;
else process.env.SITREP_CACHE = saved;
const records = [...site.records];
const inMemory = buildSiteIndex(records, site.registry, site.index.site);

afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe("briefing details", () => {
  it("read back from the cache equal the records and the in-memory index, block by block", () => {
    expect(site.cacheDir).toBe(cacheDir);
    expect(site.records.cacheKeys()).toHaveLength(site.records.length);
    expect(site.index.briefings.length).toBeGreaterThan(1);
    const byId = new Map(records.map((r) => [r.briefing.id, r]));
    site.index.briefings.forEach((page, i) => {
      const record = byId.get(page.id)!;
      const detail = page.detail();
      // The Briefing's JSON is sliced out of the entry, not parsed and stringified again: the same text.
      expect(page.briefingJson()).toBe(JSON.stringify(record.briefing));
      expect(inMemory.briefings[i]!.briefingJson()).toBe(JSON.stringify(record.briefing));
      expect(JSON.stringify(detail.blocks)).toBe(JSON.stringify(inMemory.briefings[i]!.detail().blocks));
      expect(detail.blocks.flatMap((b) => b.sentences.map((s) => s.text))).toEqual(record.sentences.map((s) => s.text));
      expect(page.textDigest).toBe(textDigest(record.sentences));
      expect(page.textDigest).toBe(inMemory.briefings[i]!.textDigest);
      // The head is what other pages show of it.
      expect(page.briefing).toEqual({ id: record.briefing.id, title: record.briefing.title, date: record.briefing.date, outlet: record.briefing.outlet, url: record.briefing.url, summary: record.briefing.summary });
    });
  });

  it("the index folded from records read back from the cache is the index folded from them in memory", () => {
    expect(site.records.length).toBe(records.length);
    expect(JSON.stringify(entitiesExport(site.index))).toBe(JSON.stringify(entitiesExport(inMemory)));
    expect(JSON.stringify(site.index.claims)).toBe(JSON.stringify(inMemory.claims));
    expect(JSON.stringify(site.index.briefings)).toBe(JSON.stringify(inMemory.briefings));
    expect(JSON.stringify(site.index.collisions)).toBe(JSON.stringify(inMemory.collisions));
  });

  it("each claim sentence of the text carries the page's own claim", () => {
    for (const page of site.index.briefings) {
      const claims = page.detail().blocks.flatMap((b) => b.sentences.map((s) => s.claim)).filter((c) => c !== null);
      expect(claims).toEqual(page.claims);
      for (const c of claims) expect(page.claims).toContain(c);
    }
  });

  it("finds the Briefing's and the sentences' JSON in every entry, exactly JSON.stringify of each", () => {
    for (const key of site.records.cacheKeys()) {
      const bytes = readFileSync(new ExtractionCache(cacheDir).entryPath(key));
      const json = bytes.subarray(bytes.indexOf(10) + 1);
      const payload = JSON.parse(json.toString("utf8")) as Payload;
      const at = payloadLayout(json)!;
      expect(at).not.toBeNull();
      expect(json.toString("utf8", ...at.briefing)).toBe(JSON.stringify(payload.record.briefing));
      expect(json.toString("utf8", ...at.sentences)).toBe(JSON.stringify(payload.record.sentences));
      expect(json.toString("utf8", ...at.meta)).toBe(JSON.stringify(payload.record.meta));
    }
    // The index reads a record without its sentences, but with their digest, the same as from memory.
    records.forEach((record, i) => {
      const { record: indexed, textDigest: digest } = site.records.indexed(i);
      expect(JSON.stringify(indexed)).toBe(JSON.stringify({ briefing: record.briefing, meta: record.meta, path: record.path }));
      expect(digest).toBe(textDigest(record.sentences));
    });
  });

  it("is not misled by strings that look like the payload's keys, and refuses JSON laid out otherwise", () => {
    const record = records[0]!;
    const lure = '},"sentences":[ ],"meta":{ },"messages":[ "\\"},"sentences":[';
    const sentences = [...record.sentences, { index: 999, start: 0, end: 1, text: lure, block: 999, heading: false }];
    const briefing = { ...record.briefing, summary: lure, claims: [...record.briefing.claims] };
    const meta = { ...record.meta, attribution: lure };
    const message = { reason: lure, place: null, ruleId: null, source: null, fatal: null, url: null, note: lure, expected: [lure], actual: null };
    const text = JSON.stringify({ record: { briefing, sentences, meta }, messages: [message] } satisfies Payload);
    const at = payloadLayout(Buffer.from(text))!;
    expect(at).not.toBeNull();
    expect(Buffer.from(text).toString("utf8", ...at.briefing)).toBe(JSON.stringify(briefing));
    expect(Buffer.from(text).toString("utf8", ...at.sentences)).toBe(JSON.stringify(sentences));
    expect(Buffer.from(text).toString("utf8", ...at.meta)).toBe(JSON.stringify(meta));
    const empty = JSON.stringify({ record: { briefing, sentences: [], meta }, messages: [] });
    expect(Buffer.from(empty).toString("utf8", ...payloadLayout(Buffer.from(empty))!.sentences)).toBe("[]");
    // Another order of keys, or another shape: not the layout of a payload, so the entry is parsed whole.
    expect(payloadLayout(Buffer.from(JSON.stringify({ messages: [], record: { briefing, sentences, meta } })))).toBeNull();
    expect(payloadLayout(Buffer.from(JSON.stringify({ record: { briefing, meta, sentences }, messages: [] })))).toBeNull();
    expect(payloadLayout(Buffer.from("{}"))).toBeNull();
  });

  it("the mark an entry is read or written with is the mark read from disk after", () => {
    const cache = new ExtractionCache(cacheDir);
    for (const key of site.records.cacheKeys()) {
      const read = cache.read(key)!;
      expect(read.mark).toEqual(cache.mark(key));
      expect(read.mark.size).toBe(readFileSync(cache.entryPath(key)).length);
    }
    const scratch = new ExtractionCache(mkdtempSync(join(tmpdir(), "sitrep-mark-")));
    const key = "ab".repeat(32);
    const { briefing, sentences, meta } = records[0]!;
    const written = scratch.set(key, JSON.stringify({ record: { briefing: { ...briefing, summary: "é — “non-ASCII” ✓" }, sentences, meta }, messages: [] }))!;
    expect(written).not.toBeNull();
    expect(written).toEqual(scratch.mark(key));
    expect(scratch.read(key)!.mark).toEqual(written);
    rmSync(scratch.dir, { recursive: true, force: true });
  });

  it("a cache entry changed during the build fails with the article's path, not only one removed", () => {
    const key = site.records.cacheKeys()[0]!;
    const path = new ExtractionCache(cacheDir).entryPath(key);
    const entry = readFileSync(path, "utf8");
    try {
      // Longer, or the same length with another checksum in its header: neither is the entry this build read.
      writeFileSync(path, `${entry} `);
      expect(() => site.records.at(0)).toThrow(/extraction cache entry of .*articles.* was removed or changed during the build/);
      writeFileSync(path, entry.replace(/^(sitrep-cache \S+ \S+ )([0-9a-f])/, (_, head: string, c: string) => head + (c === "0" ? "1" : "0")));
      expect(readFileSync(path).length).toBe(Buffer.byteLength(entry));
      expect(() => site.records.at(0)).toThrow(/extraction cache entry of .*articles.* was removed or changed during the build/);
    } finally {
      writeFileSync(path, entry);
    }
    expect(site.records.at(0).briefing.id).toBe(records[0]!.briefing.id);
  });

  it("a cache entry removed during the build fails with the article's path; the in-memory index does not need the cache", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const page = site.index.briefings[0]!;
    expect(() => page.detail()).toThrow(/extraction cache entry of .*articles.* was removed or changed during the build/);
    expect(() => page.briefingJson()).toThrow(/extraction cache entry of .*articles.* was removed or changed during the build/);
    // The records themselves were not kept: they are read from the cache, not from memory.
    expect(() => site.records.at(0)).toThrow(/extraction cache entry of .*articles.* was removed or changed during the build/);
    expect(inMemory.briefings[0]!.detail().blocks.length).toBeGreaterThan(0);
  });
});

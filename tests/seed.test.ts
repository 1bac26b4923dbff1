/**
 * Holds the extractor to every item of shared/seed/russia-syria-withdrawal.expected.json: what a
 * careful reader extracts from the first article.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { createExtractor, extractFile } from "../src/pipeline.js";
import { loadRegistry } from "../src/registry.js";
import { readArticle } from "../src/content.js";
import { readShared, repoRoot } from "./helpers/shared.js";
import type { Briefing } from "../src/types.js";

interface Expected {
  outlet: { names: string[]; domain: string };
  actors: Array<{ names: string[]; kind: string; role?: string; aliases?: string[] }>;
  locations: Array<{ names: string[]; kind: string; near?: [number, number]; within_km?: number }>;
  sources: Array<{ names: string[]; kind: string }>;
  claims: Array<{ contains: string; source?: string[]; certainty: string }>;
  not: string[];
}

const expected = JSON.parse(readShared("seed/russia-syria-withdrawal.expected.json")) as Expected;
const articlePath = join(repoRoot, "content", "articles", "russia-syria-withdrawal.md");
const { registry } = loadRegistry(join(repoRoot, "content"));
const file = readArticle(articlePath);
const briefing: Briefing = extractFile(createExtractor({ registry }), file);

/** Case-insensitive, punctuation ignored — the expected file's own matching rule. */
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const namesOf = (e: { name: string; aliases: string[] }) => [e.name, ...e.aliases].map(norm);
const find = <T extends { name: string; aliases: string[] }>(items: T[], names: string[]) => items.find((e) => names.some((n) => namesOf(e).includes(norm(n))));

function km([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe("seed article: russia-syria-withdrawal", () => {
  it("the article in content/ is the seed text, one paragraph per line", () => {
    const raw = readShared("seed/russia-syria-withdrawal.txt");
    const body = readFileSync(articlePath, "utf8").split(/\n---\n/)[1]!;
    const lines = raw.split("\n").filter((l) => l.trim() && !l.startsWith("Original Source"));
    expect(body.trim().split("\n\n")).toEqual(lines.map((l) => l.trim()));
  });

  it("has no errors", () => {
    expect(file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
  });

  it("names the outlet", () => {
    expect(briefing.outlet).not.toBeNull();
    expect(expected.outlet.names.map(norm)).toContain(norm(briefing.outlet!.name));
    expect(briefing.outlet!.domain).toBe(expected.outlet.domain);
  });

  for (const item of expected.actors) {
    it(`finds actor ${item.names[0]} (${item.kind})`, () => {
      const actor = find(briefing.actors, item.names);
      expect(actor, `no actor named ${item.names.join(" / ")}; have ${briefing.actors.map((a) => a.name).join(", ")}`).toBeDefined();
      expect(actor!.kind).toBe(item.kind);
      if (item.role) expect(actor!.role?.toLowerCase()).toBe(item.role.toLowerCase());
      for (const alias of item.aliases ?? []) expect(actor!.aliases.map(norm)).toContain(norm(alias));
    });
  }

  for (const item of expected.locations) {
    it(`finds location ${item.names[0]} (${item.kind})`, () => {
      const location = find(briefing.locations, item.names);
      expect(location, `no location named ${item.names.join(" / ")}; have ${briefing.locations.map((a) => a.name).join(", ")}`).toBeDefined();
      expect(location!.kind).toBe(item.kind);
      if (item.near) {
        expect(location!.coordinates).not.toBeNull();
        expect(km(location!.coordinates!, item.near)).toBeLessThanOrEqual(item.within_km ?? 5);
      }
    });
  }

  for (const item of expected.sources) {
    it(`finds source ${item.names[0]} (${item.kind})`, () => {
      const source = find(briefing.sources, item.names);
      expect(source, `no source named ${item.names.join(" / ")}; have ${briefing.sources.map((a) => a.name).join(", ")}`).toBeDefined();
      expect(source!.kind).toBe(item.kind);
    });
  }

  for (const item of expected.claims) {
    it(`claims “${item.contains}” as ${item.certainty}${item.source ? ` from ${item.source[0]}` : ""}`, () => {
      const claim = briefing.claims.find((c) => c.text.includes(item.contains));
      expect(claim, `no claim contains “${item.contains}”`).toBeDefined();
      expect(claim!.certainty).toBe(item.certainty);
      if (item.source) {
        const source = briefing.sources.find((s) => s.id === claim!.source);
        expect(source, `claim has source ${claim!.source}`).toBeDefined();
        expect(item.source.map(norm).some((n) => namesOf(source!).includes(n))).toBe(true);
      }
      if (item.certainty === "hedged") expect(claim!.hedges.length).toBeGreaterThan(0);
    });
  }

  it("extracts nothing from the `not` list", () => {
    const all = [...briefing.actors, ...briefing.locations, ...briefing.sources];
    for (const bad of expected.not) {
      const hit = all.find((e) => namesOf(e).includes(norm(bad)));
      expect(hit, `“${bad}” became ${hit?.id}`).toBeUndefined();
    }
  });
});

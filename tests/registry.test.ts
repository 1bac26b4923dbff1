/**
 * Entities that editors own: registry linking across articles, registry kinds, per-article
 * corrections, slug collisions, and claims by/about an actor — over fixture content written for
 * the purpose (tests/fixtures/site/content) and the seed.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadSite } from "../src/site/build.js";
import { loadRegistry } from "../src/registry.js";
import { formatMessage } from "../src/util/messages.js";
import { repoRoot } from "./helpers/shared.js";
import { sitrep } from "./helpers/cli.js";

const fixture = join(repoRoot, "tests", "fixtures", "site", "content");
const site = loadSite(fixture);
const index = site.index;
const briefing = (id: string) => [...site.records].find((r) => r.briefing.id === id)!.briefing;

describe("registry and aggregation", () => {
  it("alias spellings in different articles land on one base page", () => {
    const base = index.bases.find((b) => b.id === "khmeimim-air-base");
    expect(base).toBeDefined();
    expect(base!.articles.map((a) => a.id).sort()).toEqual(["corrections", "imagery-shows-khmeimim", "jets-leave-hmeimim"]);
    expect(base!.aliases).toEqual(expect.arrayContaining(["Hmeimim", "Hmeymim"]));
    expect(index.bases.filter((b) => /^(hmeimim|hmeymim)/.test(b.id))).toEqual([]);
    expect(base!.coordinates).toEqual([35.9487, 35.4011]);
    expect(base!.operator?.id).toBe("russia");
    expect(base!.within?.id).toBe("syria");
  });

  it("a registry `kind: base` makes a place a base", () => {
    const tartus = index.bases.find((b) => b.id === "tartus");
    expect(tartus?.kind).toBe("base");
    expect(tartus?.mentions.map((m) => m.text)).toContain("Tartous");
    expect(index.locations.find((l) => l.id === "tartus")).toBeUndefined();
  });

  it("the base timeline holds every claim that mentions it, newest first", () => {
    const base = index.bases.find((b) => b.id === "khmeimim-air-base")!;
    const dates = base.claims.map((c) => c.article.date);
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("entities.ignore drops a name from that article only", () => {
    expect(briefing("corrections").locations.map((l) => l.id)).not.toContain("damascus");
    expect(briefing("jets-leave-hmeimim").locations.map((l) => l.id)).toContain("damascus");
  });

  it("entities.add adds a name extraction missed, with its kind", () => {
    const jableh = briefing("corrections").locations.find((l) => l.name === "Jableh");
    expect(jableh?.kind).toBe("city");
    expect(jableh?.mentions[0]?.text).toBe("Jableh");
  });

  it("entities.merge joins a spelling to a registry entry", () => {
    const base = briefing("corrections").locations.find((l) => l.id === "khmeimim-air-base");
    expect(base?.mentions.map((m) => m.text)).toEqual(["Hmeymim"]);
  });

  it("a correction that matches nothing warns with file:line:col", () => {
    const file = site.files.find((f) => f.path.endsWith("corrections.md"))!;
    const lines = file.messages.map((m) => formatMessage(m, "corrections.md"));
    expect(lines).toContain("corrections.md:8:7: warning Correction `entities.ignore` “Atlantis” matches nothing in this article: check the spelling or remove it [correction-unmatched]");
    expect(lines.filter((l) => l.includes("correction-unmatched"))).toHaveLength(1);
  });

  it("colliding slugs get distinct ids, deterministically, and check warns", () => {
    const ids = index.actors.filter((a) => a.id.startsWith("at-and-t")).map((a) => `${a.id}=${a.name}`).sort();
    expect(ids).toEqual(["at-and-t-2=AT&T", "at-and-t=AT and T"]);
    expect(loadSite(fixture).index.actors.filter((a) => a.id.startsWith("at-and-t")).map((a) => `${a.id}=${a.name}`).sort()).toEqual(ids);
    const check = sitrep(["check", fixture]);
    expect(check.stderr).toMatch(/collision-one\.md:11:1: warning Different actors would share the id `at-and-t` \(AT and T, AT&T\); they get at-and-t, at-and-t-2 .*\[id-collision\]/);
  });

  it("registry prose is sanitised", () => {
    const peskov = index.actors.find((a) => a.id === "dmitry-peskov")!;
    expect(peskov.profileHtml).toContain("Spokesperson of the Russian president.");
    expect(peskov.profileHtml).not.toContain("<script");
  });

  it("registry problems are positioned messages", () => {
    const { files } = loadRegistry(join(repoRoot, "tests", "fixtures", "registry-bad"));
    const lines = files.flatMap((f) => f.messages.map((m) => formatMessage(m, f.basename)));
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^bad-latitude\.md:5:1: error `coordinates` must be \[longitude, latitude\].*\[registry-coordinates-invalid\]$/),
      expect.stringMatching(/^bad-kind\.md:4:1: error Unknown kind `airfield` for a location.*\[registry-kind-invalid\]$/),
      expect.stringMatching(/^shared-alias-b\.md:1:1: error The name “Hmeimim” is claimed by both `shared-alias-a`.*\[registry-alias-conflict\]$/),
    ]));
  });
});

describe("claims by and about an actor (seed)", () => {
  const seed = loadSite(join(repoRoot, "content")).index;
  const claim = seed.claims.find((c) => c.text.includes("necessity of maintaining dialogue"))!;

  it("Peskov's claim is by Dmitry Peskov", () => {
    expect(claim).toBeDefined();
    const peskov = seed.actors.find((a) => a.id === "dmitry-peskov")!;
    expect(peskov.claimsBy.map((c) => c.id)).toContain(claim.id);
    expect(peskov.claimsAbout.map((c) => c.id)).not.toContain(claim.id);
  });

  it("and about the Kremlin", () => {
    const kremlin = seed.actors.find((a) => a.id === "kremlin")!;
    expect(kremlin.claimsAbout.map((c) => c.id)).toContain(claim.id);
    expect(kremlin.claimsBy.map((c) => c.id)).not.toContain(claim.id);
  });

  it("the demo archive has actor pages that aggregate claims from two or more articles", () => {
    const multi = seed.actors.filter((a) => new Set(a.claims.map((c) => c.article.id)).size >= 2);
    expect(multi.length).toBeGreaterThan(0);
  });
});

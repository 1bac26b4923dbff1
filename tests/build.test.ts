/**
 * Builds the repository's content into a temporary folder and reads the pages as a reader would.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sitrep } from "./helpers/cli.js";
import { repoRoot } from "./helpers/shared.js";
import { $, $$, brokenLinks, fileFor, href, page, text } from "./helpers/site.js";
import { briefingValidator } from "./helpers/schema.js";
import { readdirSync, readFileSync } from "node:fs";
import type { Briefing } from "../src/types.js";

let site: string;

beforeAll(() => {
  site = join(mkdtempSync(join(tmpdir(), "sitrep-build-")), "_site");
  const run = sitrep(["build", "--content", join(repoRoot, "content"), "--out", site]);
  expect(run.status, run.stderr).toBe(0);
});

/** Follows a link to a sentence and returns that sentence's text. */
function sentenceAt(link: string): string {
  const [path, fragment] = link.split("#");
  expect(fragment, link).toMatch(/^s-\d+$/);
  return text($(page(site, path!), `[id="${fragment}"]`));
}

describe("the built site", () => {
  it("has the home page and the index pages", () => {
    for (const url of ["/", "/actors/", "/bases/", "/locations/", "/sources/", "/briefings/russia-syria-withdrawal/"]) {
      expect(fileFor(site, url), url).not.toBeNull();
    }
  });

  it("has actor pages for the seed's actors and base pages for its bases", () => {
    for (const url of ["/actors/russia/", "/actors/dmitry-peskov/", "/actors/antony-blinken/", "/actors/hayat-tahrir-al-sham/", "/bases/khmeimim-air-base/", "/bases/tartus-naval-facility/"]) {
      expect(fileFor(site, url), url).not.toBeNull();
      expect(text($(page(site, url), "h1"))).not.toBe("");
    }
  });

  for (const url of ["/actors/russia/", "/actors/dmitry-peskov/", "/actors/hayat-tahrir-al-sham/", "/bases/khmeimim-air-base/", "/bases/tartus-naval-facility/"]) {
    it(`${url} links back to the sentences it cites`, () => {
      const links = $$(page(site, url), "main a[href*='/briefings/']")
        .map(href)
        .filter((h) => h.includes("#s-"));
      expect(links.length, `${url} cites no sentence`).toBeGreaterThan(0);
      for (const link of links) expect(sentenceAt(link), link).not.toBe("");
    });
  }

  it("the base page cites the sentences that name the base", () => {
    const links = $$(page(site, "/bases/khmeimim-air-base/"), "main a[href*='#s-']").map(href);
    const cited = links.map(sentenceAt);
    expect(cited.some((s) => /Khmeimim airbase/.test(s))).toBe(true);
  });

  it("Peskov's page cites his claim", () => {
    const links = $$(page(site, "/actors/dmitry-peskov/"), "main a[href*='#s-']").map(href);
    expect(links.map(sentenceAt).some((s) => s.includes("necessity of maintaining dialogue"))).toBe(true);
  });

  it("search indexes a briefing's sentences once, in its text: not again in its claims list or on every entity page citing them", () => {
    // Inside <main data-pagefind-body>, a sentence cited on an entity page sits in a section
    // Pagefind ignores; the briefing's own text is indexed.
    for (const url of ["/actors/dmitry-peskov/", "/bases/khmeimim-air-base/", "/locations/syria/"]) {
      const cites = $$(page(site, url), "main a[href*='#s-']");
      expect(cites.length, url).toBeGreaterThan(0);
      expect($$(page(site, url), "main [data-pagefind-ignore] a[href*='#s-']").length, url).toBe(cites.length);
      expect($$(page(site, url), "main h1").length, url).toBe(1);
      expect($$(page(site, url), "main [data-pagefind-ignore] h1").length, url).toBe(0);
    }
    const seed = page(site, "/briefings/russia-syria-withdrawal/");
    expect($$(seed, "main [id^='s-']").length).toBeGreaterThan(0);
    expect($$(seed, "main [data-pagefind-ignore] [id^='s-']").length).toBe(0);
    // The briefing's claims list repeats sentences of its text: indexed once, in the text.
    const claims = $$(seed, "main li[id^='c-']").length;
    expect(claims).toBeGreaterThan(0);
    expect($$(seed, "main [data-pagefind-ignore] li[id^='c-']").length).toBe(claims);
  });

  it("the search index holds every page marked for search, and only those", () => {
    // The pages reach Pagefind while they render (src/site/search-index.ts): none may be lost.
    const marked = (readdirSync(site, { recursive: true }) as string[]).filter(
      (f) => f.endsWith(".html") && !f.startsWith("pagefind") && readFileSync(join(site, f), "utf8").includes("<main id=\"main\" tabindex=\"-1\" data-pagefind-body>"),
    );
    expect(marked.length).toBeGreaterThan(20);
    const entry = JSON.parse(readFileSync(join(site, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages.en!.page_count).toBe(marked.length);
    expect(readdirSync(join(site, "pagefind", "fragment")).length).toBe(marked.length);
  });

  it("the demo archive has actor pages citing claims from two or more briefings", () => {
    const index = page(site, "/actors/");
    const actorUrls = $$(index, "main a[href^='/actors/']").map(href).filter((h) => /^\/actors\/[^/]+\/$/.test(h));
    const aggregating = actorUrls.filter((url) => {
      const briefings = new Set($$(page(site, url), "main a[href*='#s-']").map((a) => href(a).split("#")[0]));
      return briefings.size >= 2;
    });
    expect(aggregating.length, "no actor page cites two briefings").toBeGreaterThan(0);
  });

  it("exports every Briefing, valid against the schema, and the aggregated index", () => {
    const briefings = JSON.parse(readFileSync(join(site, "data", "briefings.json"), "utf8")) as Briefing[];
    const validate = briefingValidator();
    expect(briefings.length).toBe(readdirSync(join(repoRoot, "content", "articles")).filter((n) => n.endsWith(".md")).length);
    for (const b of briefings) expect(validate(b), `${b.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    const entities = JSON.parse(readFileSync(join(site, "data", "entities.json"), "utf8")) as Record<string, Array<{ id: string }>>;
    expect(entities.bases!.map((b) => b.id)).toEqual(expect.arrayContaining(["khmeimim-air-base", "tartus-naval-facility"]));
    expect(entities.actors!.map((a) => a.id)).toContain("dmitry-peskov");
    // Linked from every page's footer.
    expect($$(page(site, "/"), "footer a").map(href)).toEqual(expect.arrayContaining(["/data/briefings.json", "/data/entities.json"]));
  });

  it("has no broken internal links or anchors", () => {
    expect(brokenLinks(site)).toEqual([]);
  });
});

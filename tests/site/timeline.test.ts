/** Timeline pages: one view per certainty, paginated by 200, without JavaScript. */
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pagerNumbers, render, timelinePages, timelineUrl } from "../../templates/timeline.11ty.js";
import { defaultSiteMeta, type SiteIndex } from "../../src/site/index.js";
import type { ClaimRef } from "../../src/site/index.js";

const claims = (n: number, certainty: ClaimRef["certainty"]) => Array.from({ length: n }, (_, i) => ({ id: `${certainty}-${i}`, certainty }) as unknown as ClaimRef);

describe("timeline", () => {
  it("has all, stated, attributed and hedged views, paginated", () => {
    const all = [...claims(PAGE_SIZE + 1, "stated"), ...claims(3, "hedged")];
    const pages = timelinePages(all);
    expect(pages.map((p) => timelineUrl(p.filter, p.page))).toEqual(["/timeline/", "/timeline/page/2/", "/timeline/stated/", "/timeline/stated/page/2/", "/timeline/attributed/", "/timeline/hedged/"]);
    expect(pages[0]!.claims).toHaveLength(PAGE_SIZE);
    expect(pages[1]!.claims).toHaveLength(4);
    expect(pages[4]!.claims).toHaveLength(0);
    expect(pages[0]!.counts).toEqual({ all: PAGE_SIZE + 4, stated: PAGE_SIZE + 1, attributed: 0, hedged: 3 });
    expect(pages.find((p) => p.filter === "hedged")!.claims.every((c) => c.certainty === "hedged")).toBe(true);
  });

  it("links to a few pages around the current one, the first and the last, whatever the number of pages", () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerNumbers(1, 9)).toEqual([1, 2, 3, null, 9]);
    expect(pagerNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pagerNumbers(50, 11_200)).toEqual([1, null, 48, 49, 50, 51, 52, null, 11_200]);
    expect(pagerNumbers(11_200, 11_200)).toEqual([1, null, 11_198, 11_199, 11_200]);
    // The rendered page: its size does not grow with the number of pages.
    const site = { site: defaultSiteMeta } as SiteIndex;
    const page = (pages: number) => render({ sitrep: site, timeline: { filter: "all", page: 3, pages, claims: [], counts: { all: 0, stated: 0, attributed: 0, hedged: 0 } } });
    const links = (h: string) => (h.match(/href="\/timeline\/page\/\d+\/"/g) ?? []).length;
    expect(links(page(10_000))).toBe(links(page(100)));
    expect(links(page(10_000))).toBeLessThanOrEqual(9);
    expect(page(10_000)).toContain('href="/timeline/page/10000/"');
  });
});

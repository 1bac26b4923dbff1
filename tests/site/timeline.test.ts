/** Timeline pages: one view per certainty, paginated by 200, without JavaScript. */
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, timelinePages, timelineUrl } from "../../templates/timeline.11ty.js";
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
});

/** Entity pages list at most LIST_LIMIT items per list, saying how many there are and where the rest is. */
import { describe, expect, it } from "vitest";
import { limited, LIST_LIMIT } from "../../templates/lib/partials.js";

describe("limited lists", () => {
  it("keeps short lists whole, without a note", () => {
    const l = limited([1, 2, 3], "claim");
    expect(l.items).toEqual([1, 2, 3]);
    expect(l.note.value).toBe("");
  });

  it("cuts long lists to the newest LIST_LIMIT and points to the complete lists", () => {
    const items = Array.from({ length: LIST_LIMIT + 51 }, (_, i) => i);
    const claims = limited(items, "claim");
    expect(claims.items).toEqual(items.slice(0, LIST_LIMIT));
    expect(claims.note.value).toContain(`The newest ${LIST_LIMIT} of ${(LIST_LIMIT + 51).toLocaleString("en")} claims are shown.`);
    expect(claims.note.value).toContain('<a href="/data/entities.json">data export</a>');
    expect(claims.note.value).toContain('<a href="/timeline/">timeline</a>');
    expect(limited(items, "mention").note.value).not.toContain("timeline");
  });
});

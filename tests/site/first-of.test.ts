/** firstOf (src/site/index.ts): the co-mention lists keep the first 12 of a stable sort, without sorting everything. */
import { describe, expect, it } from "vitest";
import { firstOf } from "../../src/site/index.js";

describe("firstOf", () => {
  it("gives what a stable sort and a slice give, ties included", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const items = Array.from({ length: Math.floor(random() * 40) }, (_, i) => ({ i, count: Math.floor(random() * 5), rank: Math.floor(random() * 6) }));
      const order = (a: (typeof items)[number], b: (typeof items)[number]) => b.count - a.count || a.rank - b.rank;
      for (const n of [0, 1, 3, 12, 50]) expect(firstOf(items, n, order)).toEqual([...items].sort(order).slice(0, n));
    }
  });
});

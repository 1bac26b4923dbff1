import { join } from "node:path";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import { createExtractor, extractFile } from "../../src/pipeline.js";
import { loadRegistry } from "../../src/registry.js";

describe("currencies through the whole extractor", () => {
  it("does not link 'US$' to the registry's United States", () => {
    const extractor = createExtractor({ registry: loadRegistry(join(packageRoot, "content")).registry });
    const text = "---\ntitle: Bail\n---\n\nThe defector was released on US$ 20,000 bail on Thursday in Clearwater.\n";
    const b = extractFile(extractor, new VFile({ path: "bail.md", value: text }));
    const names = [...b.actors, ...b.locations].map((e) => e.name);
    expect(names).not.toContain("United States");
  });
});

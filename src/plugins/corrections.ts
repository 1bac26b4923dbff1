/** The article's `entities.ignore` / `entities.merge` corrections, as the linker consumes them. */
import type { VFile } from "vfile";
import type { Registry } from "../registry.js";
import { nameKey } from "../slug.js";
import type { LinkOptions } from "./link.js";

export function linkOptions(file: VFile, registry: Registry): LinkOptions {
  const corrections = file.data.meta?.corrections;
  const used = (file.data.correctionsUsed ??= []);
  return {
    registry,
    ignore: new Set((corrections?.ignore ?? []).map(nameKey)),
    merge: new Map((corrections?.merge ?? []).map((m) => [nameKey(m.name), m.into])),
    used: (key) => {
      if (!used.includes(key)) used.push(key);
    },
  };
}

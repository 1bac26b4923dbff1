/**
 * Locations: countries, regions, cities, seas and military bases, linked to the registry (which
 * supplies coordinates, the containing country and, for bases, the operator).
 *
 * Reads: `file.data.names`, `file.data.meta.corrections`, the registry (option).
 * Writes: `file.data.locations` (schema `location`s).
 */
import type { VFile } from "vfile";
import type { Registry } from "../registry.js";
import type { Location, LocationKind } from "../types.js";
import { linkOptions } from "./corrections.js";
import { linkFile, mergeById, toMention } from "./link.js";

declare module "vfile" {
  interface DataMap {
    locations: Location[];
  }
}

export interface Options {
  registry: Registry;
}

export default function locations(options: Options) {
  return (_tree: unknown, file: VFile): void => {
    const text = String(file.value);
    const linked = linkFile(file, text, file.data.names ?? [], linkOptions(file, options.registry)).filter((l) => l.category === "location");
    file.data.locations = mergeById(linked).map(
      (l): Location => ({
        id: l.id,
        name: l.name,
        kind: l.kind as LocationKind,
        aliases: l.aliases,
        coordinates: l.coordinates,
        within: l.within,
        mentions: l.spans.map((s) => toMention(file, s)),
      }),
    );
  };
}

/**
 * Actors: people, organisations, states and armed groups, linked to the registry.
 *
 * Reads: `file.data.names`, `file.data.meta.corrections`, the registry (option).
 * Writes: `file.data.actors` (schema `actor`s, mentions positioned in the file as written).
 */
import type { VFile } from "vfile";
import type { Registry } from "../registry.js";
import type { Actor, ActorKind } from "../types.js";
import { linkOptions } from "./corrections.js";
import { linkFile, mergeById, toMention } from "./link.js";

declare module "vfile" {
  interface DataMap {
    actors: Actor[];
  }
}

export interface Options {
  /** The editors' registry; names it knows get its id, name and kind. */
  registry: Registry;
}

export default function actors(options: Options) {
  return (_tree: unknown, file: VFile): void => {
    const text = String(file.value);
    const linked = linkFile(file, text, file.data.names ?? [], linkOptions(file, options.registry)).filter((l) => l.category === "actor");
    file.data.actors = mergeById(linked).map(
      (l): Actor => ({
        id: l.id,
        name: l.name,
        kind: l.kind as ActorKind,
        aliases: l.aliases,
        role: l.role,
        mentions: l.spans.map((s) => toMention(file, s)),
      }),
    );
  };
}

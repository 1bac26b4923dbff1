/**
 * The editors' registry: one markdown file per curated entity in `<content>/entities/`.
 * Front matter: name, type (actor | location | source), kind, aliases, wikidata, coordinates
 * ([lon, lat]), within, operator, role; the body is the editor's profile (markdown).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, basename, relative } from "node:path";
import { createRequire } from "node:module";
import type matter from "gray-matter";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { ActorKind, LocationKind, LonLat, SourceKind } from "./types.js";
import { nameKey, slugify } from "./slug.js";
import { report } from "./util/messages.js";

export type EntityType = "actor" | "location" | "source";

export const KINDS: Record<EntityType, readonly string[]> = {
  actor: ["person", "organization", "state", "armed-group", "other"] satisfies ActorKind[],
  location: ["country", "region", "city", "water", "base", "facility", "other"] satisfies LocationKind[],
  source: ["outlet", "official", "spokesperson", "intelligence", "imagery", "document", "media", "unnamed", "other"] satisfies SourceKind[],
};

export interface RegistryEntry {
  id: string;
  name: string;
  type: EntityType;
  kind: string;
  aliases: string[];
  wikidata: string | null;
  coordinates: LonLat | null;
  within: string | null;
  operator: string | null;
  role: string | null;
  /** The editor's profile, markdown. */
  body: string;
  /** Path of the registry file, relative to the content folder. */
  path: string;
}

export class Registry {
  readonly entries: RegistryEntry[];
  private readonly byKey = new Map<string, RegistryEntry>();
  private readonly byId = new Map<string, RegistryEntry>();

  constructor(entries: RegistryEntry[] = []) {
    this.entries = [...entries].sort((a, b) => a.id.localeCompare(b.id));
    for (const entry of this.entries) {
      this.byId.set(entry.id, entry);
      for (const form of [entry.name, ...entry.aliases]) {
        const key = nameKey(form);
        if (key && !this.byKey.has(key)) this.byKey.set(key, entry);
      }
    }
  }

  /** The entry a name refers to (case, punctuation, diacritics and possessives ignored). */
  lookup(name: string): RegistryEntry | undefined {
    return this.byKey.get(nameKey(name));
  }

  get(id: string): RegistryEntry | undefined {
    return this.byId.get(id);
  }

  /** A registry entry by id or by any of its names. */
  resolve(idOrName: string): RegistryEntry | undefined {
    return this.byId.get(idOrName) ?? this.lookup(idOrName);
  }
}

export interface LoadedRegistry {
  registry: Registry;
  files: VFile[];
}

/** Reads every `*.md` of `<content>/entities/`; problems become messages on the files. */
export function loadRegistry(contentDir: string): LoadedRegistry {
  const dir = join(contentDir, "entities");
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();
  } catch {
    return { registry: new Registry(), files: [] };
  }
  const entries: RegistryEntry[] = [];
  const files: VFile[] = [];
  const claimed = new Map<string, { id: string; path: string }>();
  for (const name of names) {
    const path = join(dir, name);
    const value = readFileSync(path, "utf8");
    const file = new VFile({ path: relative(process.cwd(), path) || path, value });
    files.push(file);
    const entry = parseEntry(file, slugify(basename(name, ".md")), relative(contentDir, path));
    if (!entry) continue;
    for (const form of [entry.name, ...entry.aliases]) {
      const key = nameKey(form);
      const other = claimed.get(key);
      if (other && other.id !== entry.id) {
        report(file, 0, "registry-alias-conflict", `The name “${form}” is claimed by both \`${other.id}\` (${other.path}) and \`${entry.id}\`: keep it on one entry`);
      } else claimed.set(key, { id: entry.id, path: entry.path });
    }
    entries.push(entry);
  }
  return { registry: new Registry(entries), files };
}

const require = createRequire(import.meta.url);
let grayMatter: typeof matter | undefined;

function parseEntry(file: VFile, id: string, path: string): RegistryEntry | null {
  let data: Record<string, unknown>;
  let body: string;
  try {
    // loaded on first use: the extraction workers import this module but never read registry files
    grayMatter ??= require("gray-matter") as typeof matter;
    const parsed = grayMatter(String(file.value));
    data = parsed.data as Record<string, unknown>;
    body = parsed.content.trim();
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    report(file, { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, offset: 0 }, "frontmatter-yaml", `Registry file front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
  const at = (key: string): number => {
    const i = String(file.value).search(new RegExp(`^${key}\\s*:`, "m"));
    return i < 0 ? 0 : i;
  };
  const name = typeof data.name === "string" ? data.name.trim() : "";
  if (!name) {
    report(file, at("name"), "registry-name-missing", "Registry entry has no `name`");
    return null;
  }
  const type = data.type;
  if (type !== "actor" && type !== "location" && type !== "source") {
    report(file, at("type"), "registry-type-invalid", "`type` must be actor, location or source");
    return null;
  }
  const kind = typeof data.kind === "string" ? data.kind : "other";
  if (!KINDS[type].includes(kind)) {
    report(file, at("kind"), "registry-kind-invalid", `Unknown kind \`${kind}\` for a ${type}: use one of ${KINDS[type].join(", ")}`);
    return null;
  }
  const aliases = Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === "string" && a.trim() !== "").map((a) => a.trim()) : [];
  let coordinates: LonLat | null = null;
  if (data.coordinates !== undefined && data.coordinates !== null) {
    const c = data.coordinates;
    if (Array.isArray(c) && c.length === 2 && c.every((x) => typeof x === "number" && Number.isFinite(x)) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) {
      coordinates = [c[0], c[1]];
    } else {
      report(file, at("coordinates"), "registry-coordinates-invalid", "`coordinates` must be [longitude, latitude] with longitude in -180…180 and latitude in -90…90");
    }
  }
  const text = (key: string): string | null => (typeof data[key] === "string" && (data[key] as string).trim() ? (data[key] as string).trim() : null);
  const wikidata = text("wikidata");
  if (wikidata && !/^Q\d+$/.test(wikidata)) report(file, at("wikidata"), "registry-wikidata-invalid", "`wikidata` must be a Q-id such as Q193156", "warning");
  return {
    id,
    name,
    type,
    kind,
    aliases,
    wikidata: wikidata && /^Q\d+$/.test(wikidata) ? wikidata : null,
    coordinates,
    within: text("within"),
    operator: text("operator"),
    role: text("role"),
    body,
    path,
  };
}

export type { VFileMessage };

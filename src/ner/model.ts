/**
 * Loading of the shipped files in models/ (perceptron weights, gazetteer), lazily and once.
 */

import { existsSync, readFileSync } from "node:fs";
import { endianness } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Gazetteer, type GazData } from "./gazetteer.js";

export const MODEL_FILE = "ner-perceptron.json";
export const GAZ_FILE = "gazetteer.json";

/** Serialised weights: feature → [class, weight, class, weight, …]. */
export interface ModelData {
  version: number;
  classes: string[];
  lcv: string[];
  feats: Record<string, number[]>;
  /** names of the training text with a clear type (PER/ORG/LOC) */
  names?: Record<string, string>;
}

export interface Model {
  index: Map<string, number>;
  /** weights, NCLASS per feature */
  W: Float32Array;
  lcv: Set<string>;
  nclass: number;
  names: Map<string, string>;
}

let modelsDirCache: string | null | undefined;

/** The models/ folder of the package: walk up from this module to the folder holding package.json. */
export function modelsDir(): string | null {
  if (modelsDirCache !== undefined) return modelsDirCache;
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    dir = process.cwd();
  }
  for (let k = 0; k < 8; k++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "models"))) {
      modelsDirCache = join(dir, "models");
      return modelsDirCache;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const cwdModels = join(process.cwd(), "models");
  modelsDirCache = existsSync(cwdModels) ? cwdModels : null;
  return modelsDirCache;
}

/**
 * The weights file as shipped (version 2): the features in one string, a line each, and their
 * weights dense (`classes.length` per feature, in that order) as little-endian float32 in base64.
 * The same numbers as ModelData's, which stays the training's form: JSON.parse of 46 k feature
 * keys, each with its own array, was most of the weights' load time (per process and per
 * extraction worker), and this form loads in about a third of it.
 */
export interface ModelFile {
  version: 2;
  classes: string[];
  lcv: string[];
  /** the feature keys, joined by "\n" (no key has one) */
  keys: string;
  /** base64 of the little-endian float32 weights, keys × classes */
  weights: string;
  names?: Record<string, string>;
}

/** ModelData in the file's form; throws on a feature key holding a line feed. */
export function modelFileOf(d: ModelData): ModelFile {
  const nclass = d.classes.length;
  const keys = Object.keys(d.feats);
  const view = new DataView(new ArrayBuffer(keys.length * nclass * 4));
  for (let i = 0; i < keys.length; i++) {
    if (keys[i]!.includes("\n")) throw new Error(`model feature key with a line feed: ${JSON.stringify(keys[i])}`);
    const arr = d.feats[keys[i]!]!;
    for (let j = 0; j + 1 < arr.length; j += 2) view.setFloat32((i * nclass + arr[j]!) * 4, arr[j + 1]!, true);
  }
  const file: ModelFile = { version: 2, classes: d.classes, lcv: d.lcv, keys: keys.join("\n"), weights: Buffer.from(view.buffer).toString("base64") };
  if (d.names) file.names = d.names;
  return file;
}

/** The model of a weights file (version 2), or null when its sizes do not agree. */
export function modelFromFile(f: ModelFile): Model | null {
  const nclass = f.classes.length;
  const keys = f.keys.length > 0 ? f.keys.split("\n") : [];
  const bytes = Buffer.from(f.weights, "base64");
  if (bytes.length !== keys.length * nclass * 4) return null;
  const W = new Float32Array(keys.length * nclass);
  if (endianness() === "LE") new Uint8Array(W.buffer).set(bytes);
  else for (let k = 0; k < W.length; k++) W[k] = bytes.readFloatLE(k * 4);
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i]!, i);
  return { index, W, lcv: new Set(f.lcv), nclass, names: new Map(Object.entries(f.names ?? {})) };
}

export function modelFromData(d: ModelData): Model {
  const nclass = d.classes.length;
  const keys = Object.keys(d.feats);
  const W = new Float32Array(keys.length * nclass);
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    index.set(k, i);
    const arr = d.feats[k]!;
    for (let j = 0; j + 1 < arr.length; j += 2) W[i * nclass + arr[j]!] = arr[j + 1]!;
  }
  return { index, W, lcv: new Set(d.lcv), nclass, names: new Map(Object.entries(d.names ?? {})) };
}

let model: Model | null | undefined;
let gazetteer: Gazetteer | undefined;

function readJson(file: string): unknown {
  const dir = modelsDir();
  if (!dir) return null;
  const p = join(dir, file);
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, "utf8"));
  } catch {
    return null;
  }
}

/** The tagger model, or null when models/ has none (the lexicon layer still works). */
export function getModel(): Model | null {
  if (model === undefined) {
    const d = readJson(MODEL_FILE) as ModelFile | ModelData | null;
    if (!d) model = null;
    else if ("keys" in d && typeof d.keys === "string" && typeof d.weights === "string") model = modelFromFile(d);
    else model = "feats" in d && d.feats ? modelFromData(d) : null;
  }
  return model;
}

export function getGazetteer(): Gazetteer {
  if (gazetteer === undefined) {
    const d = readJson(GAZ_FILE) as GazData | null;
    gazetteer = new Gazetteer(d && Array.isArray(d.countries) ? d : null);
  }
  return gazetteer;
}

/** For tests and training: replace the cached model/gazetteer. */
export function setModel(m: Model | null, g?: Gazetteer): void {
  model = m;
  if (g) gazetteer = g;
}

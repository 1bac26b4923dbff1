/**
 * Loading of the shipped files in models/ (perceptron weights, gazetteer), lazily and once.
 */

import { existsSync, readFileSync } from "node:fs";
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
    const d = readJson(MODEL_FILE) as ModelData | null;
    model = d && d.feats ? modelFromData(d) : null;
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

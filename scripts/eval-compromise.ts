/**
 * Baseline: the `compromise` library's people/organizations/places, scored exactly like the
 * names layer (scripts/eval-ner.ts).
 *
 * Usage: node dist/scripts/eval-compromise.js [corpusDir]
 */

import nlp from "compromise";
import { defaultCorpus, evaluate, printReport, type Extractor, type Predicted } from "./eval-ner.js";

const extract: Extractor = (text) => {
  const doc = nlp(text);
  const out: Predicted[] = [];
  const add = (forms: string[], type: string): void => {
    for (const f of forms) {
      const t = f.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "").trim();
      if (t) out.push({ name: t, type, aliases: [], forms: [t] });
    }
  };
  add(doc.people().out("array") as string[], "person");
  add(doc.organizations().out("array") as string[], "organization");
  add(doc.places().out("array") as string[], "place");
  return out;
};

const corpus = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? defaultCorpus();
printReport(`compromise baseline on ${corpus}`, evaluate(corpus, extract), process.argv.includes("--verbose"));

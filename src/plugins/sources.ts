/**
 * Sources and attributions: who the article credits for each sentence — a named person, "U.S.
 * officials", "intelligence reports", "satellite imagery", the outlet — and with which cue.
 *
 * Reads: the source, `file.data.sentences`, `file.data.actors`, `file.data.meta` (the outlet).
 * Writes: `file.data.sources` (schema `source`s), `file.data.attributions` (per sentence: the source
 * id and cue the claims plugin uses).
 */
import type { VFile } from "vfile";
import type { Actor, Mention, Source, SourceKind } from "../types.js";
import { nameKey, slugify } from "../slug.js";
import { words, type Word } from "../nlp/words.js";
import { memoize } from "../util/memo.js";
import { piecesMatcher } from "../nlp/pieces.js";
import { toMention } from "./link.js";
import type { Span } from "../ner/index.js";

export interface Attribution {
  sentence: number;
  source: string | null;
  cue: string | null;
}

declare module "vfile" {
  interface DataMap {
    sources: Source[];
    attributions: Attribution[];
  }
}

/** Attribution verbs, every form. Nouns that look like verbs ("reports") are told apart by context. */
const CUES = new Set(
  `say says said tell tells told report reports reported indicate indicates indicated state states stated claim claims claimed
   announce announces announced confirm confirms confirmed acknowledge acknowledges acknowledged emphasize emphasizes emphasized
   emphasise emphasises emphasised note notes noted suggest suggests suggested warn warns warned deny denies denied insist insists
   insisted reveal reveals revealed assert asserts asserted argue argues argued explain explains explained estimate estimates
   estimated believe believes believed allege alleges alleged stress stresses stressed affirm affirms affirmed add adds added
   write writes wrote show shows showed describe describes described predict predicts predicted accuse accuses accused
   maintain maintains maintained contend contends contended concede concedes conceded observe observes observed`.split(/\s+/),
);
/** Words that may stand between subject and cue: "have acknowledged", "also indicate". */
const BETWEEN = new Set(["have", "has", "had", "also", "previously", "repeatedly", "publicly", "recently", "earlier", "later", "now", "already", "further", "has", "will", "would", "been", "is", "are", "was", "were", "had", "not", "never", "reportedly"]);
/** Words that open a clause: the subject starts after them. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "whom", "when", "while", "as", "after", "although", "though", "because", "if", "since", "but", "and", "or", "so", "where", "whereas", "however", "meanwhile", "moreover", "also", "still", "yet", "then", "thus"]);
/** Modifiers dropped from a source's name: "Recent intelligence reports" is "intelligence reports". */
const DROP = new Set(["the", "a", "an", "recent", "current", "new", "latest", "multiple", "several", "some", "many", "other", "various", "numerous", "two", "three", "four", "five", "few", "both", "these", "those", "such", "more", "most", "all"]);
const PRONOUNS = new Set(["he", "she", "they", "it"]);
/** Verbs after which a subject ends ("U.S. officials have …"). */
const AUXILIARIES = new Set(["have", "has", "had", "are", "is", "were", "was"]);
/** Punctuation that ends a noun phrase, looking back from a cue and looking forward. */
const PHRASE_STOPS_BEFORE = new Set([",", ";", ":", '"', "“", "”", "(", ")", "—", "–"]);
const PHRASE_STOPS_AFTER = new Set([...PHRASE_STOPS_BEFORE, ".", "!", "?"]);

/** Head nouns of sources, with their kind; checked from most to least specific. */
const HEADS: Array<[RegExp, SourceKind]> = [
  [/\b(spokesperson|spokesman|spokeswoman|spokespeople|spokespersons|press secretary)\b/, "spokesperson"],
  [/\bintelligence\b/, "intelligence"],
  [/\b(imagery|images|photos|photographs|footage|satellite)\b/, "imagery"],
  [/\b(officials?|authorities|government|ministry|minister|diplomats?|administration|police|military|army|commanders?|ambassador|president|secretary|senators?|governor|mayor|lawmakers|investigators|prosecutors?)\b/, "official"],
  [/\b(media|newspapers?|press|broadcasters?|outlets?|reporters?|journalists?)\b/, "media"],
  [/\b(sources?|witnesses|residents|people familiar|insiders|activists|monitors)\b/, "unnamed"],
  [/\b(reports?|documents?|statements?|memos?|study|studies|analysis|data|records|filings?|surveys?|polls?|assessments?|letters?|cables?)\b/, "document"],
  [/\b(analysts?|experts?|observers?|researchers?|scientists?|economists?)\b/, "other"],
];

/** Bare generic nouns that name no one: "Reports also indicate …" is unattributed. */
const UNATTRIBUTED = new Set(["reports", "report", "sources", "source", "officials", "media", "statements", "documents"]);

const ROLE_OFFICIAL = /\b(minister|president|secretary|ambassador|general|official|governor|mayor|senator|chief|director|commander|chancellor|premier|prime|king|queen|envoy|spokes\w+)\b/i;

interface Candidate {
  name: string;
  written: string;
  kind: SourceKind;
  actor: string | null;
  span: Span;
}

export default function sources() {
  return (_tree: unknown, file: VFile): void => {
    const text = String(file.value);
    const actorMentions = new ActorMentions(file.data.actors ?? []);
    const byId = new Map<string, Source>();
    const seen = new Set<string>();
    const out: Source[] = [];
    const add = (c: Candidate): string => {
      const id = c.actor ?? slugify(c.name);
      let source = byId.get(id);
      if (!source) {
        source = { id, name: c.name, kind: c.kind, aliases: [], actor: c.actor, mentions: [] };
        byId.set(id, source);
        out.push(source);
      }
      if (nameKey(c.written) !== nameKey(source.name) && !source.aliases.some((a) => nameKey(a) === nameKey(c.written))) source.aliases.push(c.written);
      if (!seen.has(`${id}@${c.span.start}`)) {
        seen.add(`${id}@${c.span.start}`);
        source.mentions.push(toMention(file, c.span));
      }
      return id;
    };

    const meta = file.data.meta;
    if (meta?.outlet && meta.outletAt !== null) {
      const at = text.indexOf(meta.outlet.name, meta.outletAt);
      const start = at >= 0 && at < meta.outletAt + 200 ? at : meta.outletAt;
      const written = at === start ? meta.outlet.name : (/^[^\s"']+/.exec(text.slice(start))?.[0] ?? meta.outlet.name);
      const id = add({ name: meta.outlet.name, written, kind: "outlet", actor: null, span: { start, end: start + written.length } });
      const outlet = byId.get(id);
      if (outlet && meta.outlet.domain && !outlet.aliases.includes(meta.outlet.domain) && written !== meta.outlet.domain) outlet.aliases.push(meta.outlet.domain);
    }

    const attributions: Attribution[] = [];
    // Who a later "they"/"he" refers to: a source id, or a subject not yet used as a source.
    let lastPlural: string | Candidate | null = null;
    let lastSingular: string | null = null;
    const resolve = (ref: string | Candidate | null): string | null => (ref === null || typeof ref === "string" ? ref : add(ref));
    for (const sentence of file.data.sentences ?? []) {
      if (sentence.heading) continue;
      // Most sentences have no cue and no source noun: no words to build, nothing to update.
      if (!maySourceSentence(text.slice(sentence.start, sentence.end))) continue;
      const ws = words(text, sentence.start, sentence.end);
      const found = findAttribution(text, ws, actorMentions);
      let sourceId: string | null = null;
      if (found?.pronoun) {
        sourceId = found.pronoun === "they" ? resolve(lastPlural) : lastSingular;
        if (found.pronoun === "they") lastPlural = sourceId;
      } else if (found?.candidate) sourceId = add(found.candidate);
      const subject = found?.candidate ?? subjectCandidate(text, ws, actorMentions);
      if (subject) {
        const id: string | null = found?.candidate === subject ? sourceId : null;
        if (subject.actor !== null) lastSingular = id ?? lastSingular;
        else if (/s$/i.test(subject.written)) lastPlural = id ?? subject;
      }
      if (found) attributions.push({ sentence: sentence.index, source: sourceId, cue: found.cue });
    }
    file.data.sources = out;
    file.data.attributions = attributions;
  };
}

interface Found {
  cue: string;
  candidate: Candidate | null;
  pronoun: "they" | "he" | null;
}

/** Finds the sentence's attribution: "X said", "said X", "according to X". */
function findAttribution(text: string, ws: Word[], actors: ActorMentions): Found | null {
  for (let i = 0; i < ws.length - 1; i++) {
    if (ws[i]!.lower === "according" && ws[i + 1]!.lower === "to") {
      const np = phraseAfter(ws, i + 2);
      return { cue: "according to", candidate: np ? candidateFor(text, np, actors) : null, pronoun: null };
    }
  }
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!CUES.has(w.lower)) continue;
    const next = ws[i + 1];
    // "intelligence reports indicate": a cue word followed by another verb is a noun.
    if (next && (CUES.has(next.lower) || BETWEEN.has(next.lower)) && /s$/.test(w.lower)) continue;
    let j = i - 1;
    while (j >= 0 && BETWEEN.has(ws[j]!.lower)) j--;
    const np = phraseBefore(ws, j);
    if (np && np.length === 1 && PRONOUNS.has(np[0]!.lower)) {
      return { cue: w.text, candidate: null, pronoun: np[0]!.lower === "they" ? "they" : "he" };
    }
    if (np) {
      const candidate = candidateFor(text, np, actors);
      if (candidate || isUnattributed(np)) return { cue: w.text, candidate: candidate ?? unattributed(np), pronoun: null };
      continue;
    }
    // Inverted: "…," said Ambassador Mohib.
    const after = phraseAfter(ws, i + 1);
    if (after && (j < 0 || /^[,"“”'‘’—–-]$/.test(ws[j]!.text))) {
      const candidate = candidateFor(text, after, actors);
      if (candidate) return { cue: w.text, candidate, pronoun: null };
    }
  }
  return null;
}

/** The subject of a sentence without a cue, if it names a source ("U.S. officials … have refrained"). */
function subjectCandidate(text: string, ws: Word[], actors: ActorMentions): Candidate | null {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (w.text !== "," && !AUXILIARIES.has(w.lower)) continue;
    // Only a source noun (not an actor) is kept here, and the phrase would end with ws[i - 1].
    if (i === 0 || !isHeadWord(ws[i - 1]!.lower)) continue;
    const np = phraseBefore(ws, i - 1);
    if (!np) continue;
    const c = candidateFor(text, np, actors);
    if (c && c.actor === null && c.kind !== "document") return c;
  }
  return null;
}

function phraseBefore(ws: Word[], end: number): Word[] | null {
  let start = end;
  while (start >= 0) {
    const w = ws[start]!;
    if (PHRASE_STOPS_BEFORE.has(w.text) || CLAUSE_OPENERS.has(w.lower) && w.lower !== "and") break;
    if (w.lower === "and" && !(start > 0 && /^[\p{Lu}]/u.test(ws[start - 1]!.text) && /^[\p{Lu}]/u.test(ws[start + 1]?.text ?? ""))) break;
    start--;
  }
  const np = ws.slice(start + 1, end + 1);
  return np.length > 0 && np.length <= 10 ? np : null;
}

function phraseAfter(ws: Word[], start: number): Word[] | null {
  let end = start;
  while (end < ws.length && !PHRASE_STOPS_AFTER.has(ws[end]!.text) && !CLAUSE_OPENERS.has(ws[end]!.lower)) end++;
  const np = ws.slice(start, end);
  return np.length > 0 && np.length <= 10 ? np : null;
}

function isUnattributed(np: Word[]): boolean {
  const kept = np.filter((w) => !DROP.has(w.lower));
  return kept.length === 1 && UNATTRIBUTED.has(kept[0]!.lower);
}

function unattributed(np: Word[]): Candidate {
  const first = np[0]!;
  const last = np[np.length - 1]!;
  return { name: "Unattributed reports", written: "Unattributed reports", kind: "unnamed", actor: null, span: { start: first.start, end: last.end } };
}

/** Turns a noun phrase into a source: an actor it names (a person wins), or a source noun. */
function candidateFor(text: string, np: Word[], actors: ActorMentions): Candidate | null {
  let startIdx = 0;
  while (startIdx < np.length - 1 && DROP.has(np[startIdx]!.lower)) startIdx++;
  const kept = np.slice(startIdx);
  const start = kept[0]!.start;
  const end = kept[kept.length - 1]!.end;
  const written = text.slice(start, end);
  const lower = written.toLowerCase();
  if (kept.length === 1 && UNATTRIBUTED.has(kept[0]!.lower)) return null;
  const inside = actors.within(start, end);
  const person = inside.find((x) => x.actor.kind === "person");
  if (person) {
    const role = `${person.actor.role ?? ""} ${lower}`;
    const kind: SourceKind = /spokes/.test(role) ? "spokesperson" : ROLE_OFFICIAL.test(role) ? "official" : "other";
    return { name: person.actor.name, written, kind, actor: person.actor.id, span: { start, end } };
  }
  // A bare actor as subject: "the Kremlin said", "Russia denied".
  const whole = inside.find((x) => nameKey(x.mention!.text) === nameKey(written));
  if (whole) {
    const kind: SourceKind = whole.actor.kind === "state" ? "official" : "other";
    return { name: whole.actor.name, written, kind, actor: whole.actor.id, span: { start, end } };
  }
  // A source noun must end the phrase ("U.S. officials", not "officials in the region"): checked
  // first, on the last word alone, as it is cheap and decides most phrases.
  if (!isHeadWord(kept[kept.length - 1]!.lower)) return null;
  const head = HEADS.find(([re]) => re.test(lower));
  if (head) {
    if (!/^[\p{L}.]/u.test(written) || kept.some((w) => /^[.!?]$/.test(w.text))) return null;
    const name = written.charAt(0).toUpperCase() === written.charAt(0) && /^\p{Lu}\p{Ll}/u.test(written) && !inside.length ? written.charAt(0).toLowerCase() + written.slice(1) : written;
    return { name, written, kind: head[1], actor: null, span: { start, end } };
  }
  return null;
}

/**
 * A cheap first test of a sentence: findAttribution needs "according" or a cue word, and
 * subjectCandidate a source noun, so every sentence either finds something in holds one of these
 * pieces, letter case ignored: a word's lower case is a cue or holds a source noun, and only ASCII
 * letters lower-case to ASCII letters — but for the Kelvin sign ("k") and the dotted capital I ("i"
 * and a combining dot), so a sentence with either is always let through. (A source noun's plural
 * holds its singular, and a multi-word alternative can never match one word.)
 * tests/sources-prefilter.test.ts checks that the test never refuses a sentence the words need.
 */
const SOURCE_PIECES = piecesMatcher(
  [
    "according",
    ...CUES,
    ...HEADS.flatMap(([re]) =>
      re.source
        .replace(/\\b|[()]/g, "")
        .split("|")
        .filter((alternative) => !alternative.includes(" "))
        .map((alternative) => alternative.replace(/s\?$/, "")),
    ),
  ],
  { always: "\u212a\u0130" },
);

export function maySourceSentence(sentence: string): boolean {
  return SOURCE_PIECES(sentence);
}

/** Whether findAttribution or subjectCandidate could use a word of the sentence (the definition the quick test must cover). */
export function sourceWordIn(sentence: string): boolean {
  const ws = words(sentence);
  return ws.some((w, i) => CUES.has(w.lower) || (w.lower === "according" && ws[i + 1]?.lower === "to") || isHeadWord(w.lower));
}

/** True when a source noun matches the word on its own ("officials", "spokesman"); remembered per word. */
const isHeadWord = memoize((word) => HEADS.some(([re]) => re.test(word)));

/** Every actor mention sorted by offset, for "which actors does this phrase name" in log time. */
class ActorMentions {
  private list: Array<{ actor: Actor; mention: Mention }> | null = null;

  constructor(private readonly actors: Actor[]) {}

  /** The mentions in actor order, then sorted by offset (a stable sort); built when first asked for. */
  private get items(): Array<{ actor: Actor; mention: Mention }> {
    if (this.list) return this.list;
    const items: Array<{ actor: Actor; mention: Mention }> = [];
    let ordered = true;
    let last = -Infinity;
    for (const actor of this.actors) {
      for (const mention of actor.mentions) {
        if (mention.offset < last) ordered = false;
        last = mention.offset;
        items.push({ actor, mention });
      }
    }
    if (!ordered) items.sort((a, b) => a.mention.offset - b.mention.offset);
    return (this.list = items);
  }

  within(start: number, end: number): Array<{ actor: Actor; mention: Mention }> {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.mention.offset < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<{ actor: Actor; mention: Mention }> = [];
    for (let i = lo; i < items.length && items[i]!.mention.offset < end; i++) {
      const x = items[i]!;
      if (x.mention.offset + x.mention.text.length <= end && !out.some((o) => o.actor === x.actor)) out.push(x);
    }
    return out;
  }
}

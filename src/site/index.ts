/**
 * The site index: every article folded, once, into what the pages show — briefings, and for each
 * actor, base, location and source everything the archive knows about it (claims about and by it,
 * timelines, co-mentions, articles). Templates only read it; nothing here is recomputed per page.
 * Linear in the number of mentions and claims.
 */
import type { Actor, Briefing, Claim, Location, LonLat, Source } from "../types.js";
import type { SentenceSpan } from "../plugins/sentences.js";
import type { ArticleMeta } from "../plugins/frontmatter.js";
import type { Registry, RegistryEntry } from "../registry.js";
import { nameKey, SlugAllocator } from "../slug.js";
import { sortInPlace } from "../util/sort.js";
import { markdownToSafeHtml } from "./markdown.js";
import { RecordList, type RecordSource, type Sighting, type Sightings } from "./details.js";

/** What extraction hands to aggregation for one article (plain JSON, cacheable). */
export interface ArticleRecord {
  briefing: Briefing;
  sentences: SentenceSpan[];
  meta: Pick<ArticleMeta, "datePrecision" | "license" | "licenseUrl" | "attribution">;
  /** Path of the source file, relative to the content folder. */
  path: string;
}

export interface ArticleRef {
  id: string;
  title: string;
  date: string;
  /** How precise `date` is (an article dated to the month shows "December 2024"). */
  datePrecision: "day" | "month" | "year";
  url: string;
}

/** A reference that links only when its page exists (a registry `within: mexico` with no Mexico page does not). */
export interface LinkRef {
  id: string;
  name: string;
  url: string | null;
}

export interface Named {
  id: string;
  name: string;
  url: string;
}

/**
 * A claim as the pages list it. Its position in the file (`line`, `column`) is left out: no page
 * shows it, and the Briefing as extracted (the data export) keeps it.
 */
export interface ClaimRef extends Omit<Claim, "line" | "column"> {
  article: ArticleRef;
  /** Link to the sentence on the briefing page. */
  readonly url: string;
  sourceRef: (Named & { kind: string }) | null;
  actorRefs: readonly Named[];
  locationRefs: readonly Named[];
}

export interface Count extends Named {
  count: number;
}

export interface MentionRef {
  article: ArticleRef;
  text: string;
  sentence: number;
  readonly url: string;
}

/*
 * Claims and mentions make their link to the sentence when a page asks for it (a getter): kept as a
 * string for each of them, the links were ~70 MB of the index's 409 MB of heap at 4,000 articles
 * (a claim's or mention's article and sentence are kept anyway). Classes, so that every instance
 * shares one hidden class: a spread (`{ ...c, … }`) gave every ClaimRef its own (a V8 map and
 * descriptor array each, ~20 MB per 1,000 articles). `JSON.stringify` leaves a getter out, which
 * only the render plan's keys (./incremental.ts) see: the link is a function of what stays.
 */
class SiteMention implements MentionRef {
  constructor(
    readonly article: ArticleRef,
    readonly text: string,
    readonly sentence: number,
  ) {}

  get url(): string {
    return urls.sentence(this.article.id, this.sentence);
  }
}

/** One empty list shared by every claim without hedges, actors or places (most have none of one); frozen, so a push throws. */
const NONE = Object.freeze([]) as unknown as never[];
const shared = <T>(items: T[]): T[] => (items.length ? items : NONE);

/*
 * A claim lives through the whole build (2.2 million of them at 50,000 articles), so it keeps only
 * what its pages show and what cannot be derived: its id, its source's id, its actors and places as
 * ids, and its link are made from the rest when asked (getters, which `JSON.stringify`, and so the render plan's
 * keys, leave out: they are functions of what stays).
 */
class SiteClaim implements ClaimRef {
  readonly text: string;
  readonly sentence: number;
  readonly cue: string | null;
  readonly certainty: Claim["certainty"];
  readonly hedges: string[];

  constructor(
    c: Claim,
    readonly article: ArticleRef,
    readonly sourceRef: (Named & { kind: string }) | null,
    readonly actorRefs: readonly Named[],
    readonly locationRefs: readonly Named[],
    intern: (text: string) => string,
  ) {
    this.text = c.text;
    this.sentence = c.sentence;
    this.cue = c.cue === null ? null : intern(c.cue);
    this.certainty = c.certainty;
    this.hedges = c.hedges.length ? c.hedges.map(intern) : NONE;
  }

  get id(): string {
    return claimId(this.article.id, this.sentence);
  }

  /** The id of the source page it is attributed to. */
  get source(): string | null {
    return this.sourceRef?.id ?? null;
  }

  get actors(): string[] {
    return this.actorRefs.map((r) => r.id);
  }

  get locations(): string[] {
    return this.locationRefs.map((r) => r.id);
  }

  get url(): string {
    return urls.sentence(this.article.id, this.sentence);
  }
}

/**
 * A claim whose id is not `<article>-s<sentence>`, or whose source has no page in the index
 * (neither happens as extraction makes briefings; a record from elsewhere could): it keeps what
 * a SiteClaim derives.
 */
class OddClaim extends SiteClaim {
  constructor(
    c: Claim,
    private readonly rawSource: string | null,
    article: ArticleRef,
    sourceRef: (Named & { kind: string }) | null,
    actorRefs: readonly Named[],
    locationRefs: readonly Named[],
    intern: (text: string) => string,
    private readonly rawId: string = c.id,
  ) {
    super(c, article, sourceRef, actorRefs, locationRefs, intern);
  }

  override get id(): string {
    return this.rawId;
  }

  override get source(): string | null {
    return this.rawSource;
  }
}

/** Makes a claim of the index: a SiteClaim unless it needs what an OddClaim keeps. */
function siteClaim(c: Claim, source: string | null, article: ArticleRef, sourceRef: (Named & { kind: string }) | null, actorRefs: readonly Named[], locationRefs: readonly Named[], intern: (text: string) => string): ClaimRef {
  const derived = c.id === claimId(article.id, c.sentence) && source === (sourceRef?.id ?? null);
  return derived ? new SiteClaim(c, article, sourceRef, actorRefs, locationRefs, intern) : new OddClaim(c, source, article, sourceRef, actorRefs, locationRefs, intern);
}

/** A claim's id as extraction makes it (src/plugins/claims.ts). */
const claimId = (article: string, sentence: number) => `${article}-s${sentence}`;

interface EntityPageBase {
  id: string;
  name: string;
  kind: string;
  url: string;
  aliases: string[];
  /** Editor's profile from the registry, sanitised HTML; null when the entity is not curated. */
  profileHtml: string | null;
  wikidata: string | null;
  articles: ArticleRef[];
  mentions: MentionRef[];
  /** Every claim that mentions it, newest first. */
  claims: ClaimRef[];
  coActors: Count[];
  coLocations: Count[];
}

export interface ActorPage extends EntityPageBase {
  type: "actor";
  role: string | null;
  /** Claims that mention it and that it is not the source of, newest first. */
  claimsAbout: ClaimRef[];
  /** Claims it is the source of (or its spokesperson is), newest first. */
  claimsBy: ClaimRef[];
}

export interface LocationPage extends EntityPageBase {
  type: "location";
  coordinates: LonLat | null;
  within: LinkRef | null;
  operator: LinkRef | null;
}

export interface SourcePage extends EntityPageBase {
  type: "source";
  actor: LinkRef | null;
  /** Claims attributed to this source, newest first. */
  attributed: ClaimRef[];
}

export interface BriefingBlock {
  heading: boolean;
  sentences: Array<{ index: number; text: string; claim: ClaimRef | null }>;
}

/** What any page may show of an article (its own page, the home page, the feeds, the maps): the Briefing without its claims and entities. */
export type BriefingHead = Omit<Briefing, "claims" | "actors" | "locations" | "sources">;

/** What only a briefing's own page reads, made when asked (./details.ts). */
export interface BriefingDetail {
  /** The article's text, block by block, each claim sentence with its claim. */
  blocks: BriefingBlock[];
}

export interface BriefingPage {
  id: string;
  url: string;
  briefing: BriefingHead;
  meta: ArticleRecord["meta"];
  path: string;
  claims: ClaimRef[];
  actors: Named[];
  locations: Array<Named & { kind: string; coordinates: LonLat | null }>;
  sources: Array<Named & { kind: string }>;
  /** sha256 of the text's sentences as JSON (all `detail()` shows of them, and their offsets): the render plan's key of the page stands on it (./incremental.ts, ./details.ts `textDigest`). */
  textDigest: string;
  /**
   * The article's text, read back from the extraction cache on every call (./details.ts): the index
   * does not hold it through the build. Call it once per use.
   */
  detail(): BriefingDetail;
  /** `JSON.stringify` of the Briefing as extracted (the data export), read back like `detail()`. */
  briefingJson(): string;
}

/**
 * A briefing page. Its record's source is a non-enumerable property, so that neither `JSON.stringify`
 * nor the render plan's keys (which see `textDigest` instead) walk into it.
 */
class SiteBriefing implements BriefingPage {
  declare private readonly source: RecordSource;

  constructor(
    readonly id: string,
    readonly url: string,
    readonly briefing: BriefingHead,
    readonly meta: ArticleRecord["meta"],
    readonly path: string,
    readonly claims: ClaimRef[],
    readonly actors: Named[],
    readonly locations: BriefingPage["locations"],
    readonly sources: BriefingPage["sources"],
    readonly textDigest: string,
    source: RecordSource,
  ) {
    Object.defineProperty(this, "source", { value: source });
  }

  detail(): BriefingDetail {
    const sentences = this.source.sentences();
    const claimBySentence = new Map(this.claims.map((c) => [c.sentence, c]));
    const blocks: BriefingBlock[] = [];
    let lastBlock = -1;
    for (const s of sentences) {
      if (s.block !== lastBlock || !blocks.length) blocks.push({ heading: s.heading, sentences: [] });
      lastBlock = s.block;
      blocks[blocks.length - 1]!.sentences.push({ index: s.index, text: s.text, claim: claimBySentence.get(s.index) ?? null });
    }
    return { blocks };
  }

  briefingJson(): string {
    return this.source.briefingJson();
  }
}

/** The digest a briefing's `textDigest` is (./details.ts). */
export { textDigest } from "./details.js";

/** Site-wide settings, from `<content>/site.yml` (all optional). */
export interface SiteMeta {
  title: string;
  description: string;
  /** Absolute base URL of the published site, for canonical links and feeds; null when unknown. */
  url: string | null;
  language: string;
}

export const defaultSiteMeta: SiteMeta = {
  title: "sitrep",
  description: "News briefings: what is claimed, by whom, about which actors and places.",
  url: null,
  language: "en",
};

export interface SiteIndex {
  site: SiteMeta;
  /** Newest first. */
  briefings: BriefingPage[];
  actors: ActorPage[];
  bases: LocationPage[];
  /** Locations that are not bases. */
  locations: LocationPage[];
  sources: SourcePage[];
  /** Every claim, newest first. */
  claims: ClaimRef[];
  /** Ids that two different entities would have shared; `at` is where the renamed one is first named. */
  collisions: Array<{ type: string; id: string; names: string[]; ids: string[]; at: { path: string; line: number; column: number } | null }>;
}

export const urls = {
  briefing: (id: string) => `/briefings/${id}/`,
  sentence: (article: string, sentence: number) => `/briefings/${article}/#s-${sentence}`,
  actor: (id: string) => `/actors/${id}/`,
  base: (id: string) => `/bases/${id}/`,
  location: (id: string) => `/locations/${id}/`,
  source: (id: string) => `/sources/${id}/`,
};

/** The order of articles the fold goes in, and of the claims on every page: newest first, then by id. */
const articleOrder = (a: { date: string; id: string }, b: { date: string; id: string }) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/**
 * Sorts claims newest first (by `articleOrder`, then sentence), as a stable sort by that comparison
 * would. An article's `rank` is its place in the fold's order (articles that compare equal share
 * one), so a comparison costs two map reads instead of two `localeCompare`s; and a list the fold
 * pushed in order (nearly all) is only checked, not sorted (`sortInPlace`).
 */
function sortNewestFirst(claims: ClaimRef[], rank: Map<ArticleRef, number>): void {
  sortInPlace(claims, (a, b) => rank.get(a.article)! - rank.get(b.article)! || a.sentence - b.sentence);
}

type Category = "actor" | "location" | "source";

/** Allocates final, site-unique ids: same id from two different names gets split deterministically. */
function resolveIds(sightings: Sightings, registry: Registry) {
  type Where = NonNullable<Sighting["at"]>;
  const claimants = sightings.claimants;
  // category:id → nameKey → final id. Most entities are named one way only (by nameKey): their final
  // id is found without making the name's key (the fold asks for every entity of every article).
  const remap = new Map<string, Map<string, string>>();
  // category → id → final id, for those named one way (a map per category: no `category:id` string made per look-up).
  const only: Record<Category, Map<string, string>> = { actor: new Map(), location: new Map(), source: new Map() };
  const collisions: SiteIndex["collisions"] = [];
  for (const category of ["actor", "location", "source"] as const) {
    const allocator = new SlugAllocator();
    // Registry ids are taken first, exactly as the editors wrote them.
    for (const entry of registry.entries) allocator.allocate(`registry:${entry.id}`, entry.id);
    const keys = [...claimants.keys()].filter((k) => k.startsWith(`${category}:`)).sort();
    for (const key of keys) {
      const id = key.slice(category.length + 1);
      const names = [...claimants.get(key)!.entries()].sort(([a], [b]) => a.localeCompare(b));
      const entry = registry.get(id);
      const finals = new Map<string, string>();
      remap.set(key, finals);
      if (entry) {
        for (const [k] of names) finals.set(k, id);
      } else {
        const given: string[] = [];
        let renamed: Where | null = null;
        for (const [k, seen] of names) {
          const { id: final, collided } = allocator.allocate(`${category}:${k}`, id);
          finals.set(k, final);
          given.push(final);
          if (collided) renamed ??= seen.at;
        }
        if (names.length > 1) collisions.push({ type: category, id, names: names.map(([, n]) => n.name), ids: given, at: renamed });
      }
      if (finals.size === 1) only[category].set(id, finals.values().next().value!);
    }
  }
  return {
    /** The final id of an entity as an article names it (every name was noted, ./details.ts Sightings). */
    id: (category: Category, id: string, name: string) => only[category].get(id) ?? remap.get(`${category}:${id}`)?.get(nameKey(name)) ?? id,
    collisions,
  };
}

/**
 * Folds every record into the index. A `RecordList` (./details.ts) may hold its records in the
 * extraction cache rather than in memory: they are read one at a time, once (for the pages, newest
 * first; the ids are allocated from the names the list noted as the records came), and each
 * briefing page reads its text from where its record is.
 */
export function buildSiteIndex(list: readonly ArticleRecord[] | RecordList, registry: Registry, site: SiteMeta = defaultSiteMeta): SiteIndex {
  const records = list instanceof RecordList ? list : RecordList.of(list);
  const ids = resolveIds(records.sightings, registry);
  const order = Array.from({ length: records.length }, (_, i) => i);
  const heads = order.map((i) => records.head(i));
  const sorted = order.sort((a, b) => articleOrder(heads[a]!, heads[b]!));
  // Each article's reference → its rank in `sorted` (./sortNewestFirst).
  const rank = new Map<ArticleRef, number>();

  const actors = new Map<string, ActorPage>();
  const places = new Map<string, LocationPage>();
  const sources = new Map<string, SourcePage>();
  const allClaims: ClaimRef[] = [];
  const briefings: BriefingPage[] = [];
  const names = { actor: new Map<string, string>(), location: new Map<string, string>(), source: new Map<string, string>() };
  // Which actors and places each article names, by number, until the pages are finished (./CoMentions).
  const co = new CoMentions();

  const base = (entry: RegistryEntry | undefined, id: string, name: string, kind: string, url: string) => ({
    id,
    name: entry?.name ?? name,
    kind: entry?.kind ?? kind,
    url,
    aliases: [] as string[],
    profileHtml: entry?.body ? markdownToSafeHtml(entry.body) : null,
    wikidata: entry?.wikidata ?? null,
    articles: [] as ArticleRef[],
    mentions: [] as MentionRef[],
    claims: [] as ClaimRef[],
    coActors: [] as Count[],
    coLocations: [] as Count[],
  });
  // One link object per entity page, shared by every claim and briefing that names it (a page's
  // id, name and URL never change once it exists): one per claim and entity was ~25 MB at 4,000 articles.
  const refs = new WeakMap<EntityPageBase, Named>();
  const refOf = (page: EntityPageBase | undefined): Named | undefined => {
    if (!page) return undefined;
    let ref = refs.get(page);
    if (!ref) refs.set(page, (ref = { id: page.id, name: page.name, url: page.url }));
    return ref;
  };
  // A source page's link as its claims show it, one per page like `refOf` (its kind never changes either).
  const sourceRefs = new WeakMap<SourcePage, Named & { kind: string }>();
  const sourceRefOf = (page: SourcePage): Named & { kind: string } => {
    let ref = sourceRefs.get(page);
    if (!ref) sourceRefs.set(page, (ref = { id: page.id, name: page.name, url: page.url, kind: page.kind }));
    return ref;
  };
  // A place as a briefing lists it: one per place page and coordinates (a place without coordinates
  // can get them from a later article; the briefings before keep the link without them).
  const placeRefs = new WeakMap<LocationPage, BriefingPage["locations"][number]>();
  const placeRefOf = (page: LocationPage): BriefingPage["locations"][number] => {
    let ref = placeRefs.get(page);
    if (!ref || ref.coordinates !== page.coordinates) placeRefs.set(page, (ref = { id: page.id, name: page.name, url: page.url, kind: page.kind, coordinates: page.coordinates }));
    return ref;
  };
  // Outlets and licence lines recur from article to article: one object each.
  const outlets = new Map<string, NonNullable<Briefing["outlet"]>>();
  const outletOf = (o: NonNullable<Briefing["outlet"]>) => {
    const key = JSON.stringify(o);
    let known = outlets.get(key);
    if (!known) outlets.set(key, (known = o));
    return known;
  };
  const metas = new Map<string, ArticleRecord["meta"]>();
  const metaOf = (m: ArticleRecord["meta"]): ArticleRecord["meta"] => {
    const key = JSON.stringify(m);
    let known = metas.get(key);
    const text = (t: string | null) => (t === null ? t : intern(t));
    if (!known) metas.set(key, (known = { ...m, license: text(m.license), licenseUrl: text(m.licenseUrl), attribution: text(m.attribution) }));
    return known;
  };
  // Short texts that recur across the archive (mentions, hedges, cues) are kept once each: every
  // article's record has its own copy of them.
  const kept = new Map<string, string>();
  const intern = (text: string): string => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    kept.set(text, text);
    return text;
  };
  const locationUrl = (id: string, kind: string) => (kind === "base" ? urls.base(id) : urls.location(id));
  // The name keys of each page's name and aliases, so that a form is checked against them in one
  // look-up (every article names its entities again, with the same forms nearly always).
  const aliasKeys = new WeakMap<{ name: string; aliases: string[] }, Set<string>>();
  const addAliases = (page: { name: string; aliases: string[] }, forms: string[]) => {
    let keys = aliasKeys.get(page);
    if (!keys) aliasKeys.set(page, (keys = new Set([nameKey(page.name), ...page.aliases.map(nameKey)])));
    for (const f of forms) {
      const key = nameKey(f);
      if (!keys.has(key)) page.aliases.push(f), keys.add(key);
    }
  };

  let previous: { date: string; id: string } | null = null;
  let lastRank = -1;
  for (const at of sorted) {
    const { record, textDigest } = records.indexed(at);
    const b = record.briefing;
    const article: ArticleRef = { id: b.id, title: b.title, date: b.date, datePrecision: record.meta.datePrecision, url: urls.briefing(b.id) };
    if (previous === null || articleOrder(previous, heads[at]!) !== 0) lastRank = rank.size;
    rank.set(article, lastRank);
    previous = heads[at]!;
    const actorId = new Map<string, string>();
    const locationId = new Map<string, string>();
    const sourceId = new Map<string, string>();
    const pageActors: Named[] = [];
    const pageLocations: BriefingPage["locations"] = [];
    const pageSources: BriefingPage["sources"] = [];

    const mention = (m: { text: string; sentence: number }): MentionRef => new SiteMention(article, intern(m.text), m.sentence);
    for (const a of b.actors) {
      const id = ids.id("actor", a.id, a.name);
      actorId.set(a.id, id);
      const entry = registry.get(id);
      let page = actors.get(id);
      if (!page) actors.set(id, (page = { ...base(entry, id, a.name, a.kind, urls.actor(id)), type: "actor", role: entry?.role ?? a.role, claimsAbout: [], claimsBy: [] }));
      page.role ??= a.role;
      addAliases(page, [a.name, ...a.aliases]);
      page.articles.push(article);
      page.mentions.push(...a.mentions.map(mention));
      names.actor.set(id, page.name);
      pageActors.push(refOf(page)!);
    }
    for (const l of b.locations) {
      const id = ids.id("location", l.id, l.name);
      locationId.set(l.id, id);
      const entry = registry.get(id);
      let page = places.get(id);
      const kind = entry?.kind ?? l.kind;
      if (!page) {
        places.set(id, (page = { ...base(entry, id, l.name, kind, locationUrl(id, kind)), type: "location", coordinates: entry?.coordinates ?? l.coordinates, within: null, operator: null }));
        const within = entry?.within ?? l.within;
        if (within) page.within = { id: within, name: within, url: urls.location(within) };
        if (entry?.operator) page.operator = { id: entry.operator, name: entry.operator, url: urls.actor(entry.operator) };
      }
      page.coordinates ??= l.coordinates;
      addAliases(page, [l.name, ...l.aliases]);
      page.articles.push(article);
      page.mentions.push(...l.mentions.map(mention));
      names.location.set(id, page.name);
      pageLocations.push(placeRefOf(page));
    }
    for (const s of b.sources) {
      const id = ids.id("source", s.id, s.name);
      sourceId.set(s.id, id);
      const entry = registry.get(id);
      let page = sources.get(id);
      if (!page) sources.set(id, (page = { ...base(entry, id, s.name, s.kind, urls.source(id)), type: "source", actor: null, attributed: [] }));
      if (s.actor && !page.actor) page.actor = { id: actorId.get(s.actor) ?? s.actor, name: s.actor, url: urls.actor(actorId.get(s.actor) ?? s.actor) };
      addAliases(page, [s.name, ...s.aliases]);
      page.articles.push(article);
      page.mentions.push(...s.mentions.map(mention));
      names.source.set(id, page.name);
      pageSources.push({ id, name: page.name, url: page.url, kind: page.kind });
    }

    const claimRefs: ClaimRef[] = [];
    for (const c of b.claims) {
      const claimActors = c.actors.map((a) => actorId.get(a) ?? a);
      const claimLocations = c.locations.map((l) => locationId.get(l) ?? l);
      const src = c.source ? sources.get(sourceId.get(c.source) ?? c.source) : undefined;
      const ref: ClaimRef = siteClaim(
        c,
        src?.id ?? c.source,
        article,
        src ? sourceRefOf(src) : null,
        shared(claimActors.map((id) => refOf(actors.get(id)) ?? { id, name: id, url: urls.actor(id) })),
        shared(claimLocations.map((id) => refOf(places.get(id)) ?? { id, name: id, url: urls.location(id) })),
        intern,
      );
      claimRefs.push(ref);
      allClaims.push(ref);
      const speaker = src?.actor?.id ?? null;
      for (const id of claimActors) {
        const page = actors.get(id);
        if (!page) continue;
        page.claims.push(ref);
        page.claimsAbout.push(ref);
      }
      if (speaker) {
        const page = actors.get(speaker);
        if (page) {
          page.claimsBy.push(ref);
          // Claim actors exclude the speaker, so this claim is not on the page yet.
          if (!claimActors.includes(speaker)) page.claims.push(ref);
        }
      }
      for (const id of claimLocations) places.get(id)?.claims.push(ref);
      if (src) src.attributed.push(ref), src.claims.push(ref);
    }

    // Co-mentions: entities named in the same article.
    const articleActors = [...new Set(actorId.values())];
    const articleLocations = [...new Set(locationId.values())];
    co.article(
      articleActors.map((id) => co.actor(id)),
      articleLocations.map((id) => co.place(id)),
    );

    const head: BriefingHead = { id: b.id, title: b.title, date: b.date, outlet: b.outlet && outletOf(b.outlet), url: b.url, summary: b.summary };
    briefings.push(new SiteBriefing(b.id, article.url, head, metaOf(record.meta), record.path, claimRefs, pageActors, pageLocations, pageSources, textDigest, records.source(at)));
  }

  // Registry entries nobody mentioned yet still get their page.
  for (const entry of registry.entries) {
    if (entry.type === "actor" && !actors.has(entry.id)) actors.set(entry.id, { ...base(entry, entry.id, entry.name, entry.kind, urls.actor(entry.id)), type: "actor", role: entry.role, claimsAbout: [], claimsBy: [] });
    if (entry.type === "location" && !places.has(entry.id)) {
      places.set(entry.id, { ...base(entry, entry.id, entry.name, entry.kind, locationUrl(entry.id, entry.kind)), type: "location", coordinates: entry.coordinates, within: entry.within ? { id: entry.within, name: entry.within, url: urls.location(entry.within) } : null, operator: entry.operator ? { id: entry.operator, name: entry.operator, url: urls.actor(entry.operator) } : null });
    }
    if (entry.type === "source" && !sources.has(entry.id)) sources.set(entry.id, { ...base(entry, entry.id, entry.name, entry.kind, urls.source(entry.id)), type: "source", actor: null, attributed: [] });
  }
  for (const entry of registry.entries) {
    const page = entry.type === "actor" ? actors.get(entry.id) : entry.type === "location" ? places.get(entry.id) : sources.get(entry.id);
    if (page) addAliases(page, entry.aliases);
  }

  // Resolve cross-links now that every page exists: a name to show, and a URL only if the page is built.
  const registryName = (id: string) => registry.get(id)?.name;
  for (const page of places.values()) {
    if (page.within) {
      const target = places.get(page.within.id);
      page.within = { id: page.within.id, name: target?.name ?? registryName(page.within.id) ?? titleCase(page.within.id), url: target?.url ?? null };
    }
    if (page.operator) {
      const target = actors.get(page.operator.id);
      page.operator = { id: page.operator.id, name: target?.name ?? registryName(page.operator.id) ?? titleCase(page.operator.id), url: target?.url ?? null };
    }
  }
  for (const page of sources.values()) {
    if (page.actor) {
      const target = actors.get(page.actor.id);
      page.actor = { id: page.actor.id, name: target?.name ?? page.actor.name, url: target?.url ?? null };
    }
  }

  // Co-mentions: the 12 most frequent, ties by name (ranks precomputed with the same collation as byCount).
  const actorRank = co.ranks("actor", nameRanks(actors));
  const placeRank = co.ranks("place", nameRanks(places));
  const top = (counts: CoCounts, rank: Int32Array) => firstOf(counts, 12, (a, b) => b[1] - a[1] || rank[a[0]]! - rank[b[0]]!);
  const finish = <P extends EntityPageBase>(page: P, counts: { actors: CoCounts; places: CoCounts } | null = null): P => {
    sortNewestFirst(page.claims, rank);
    page.articles = dedupeBy(page.articles, (a) => a.id);
    page.aliases.sort((a, b) => a.localeCompare(b));
    page.coActors = top(counts?.actors ?? [], actorRank).map(([n, count]) => {
      const id = co.actorId(n);
      return { id, name: actors.get(id)?.name ?? id, url: urls.actor(id), count };
    });
    page.coLocations = top(counts?.places ?? [], placeRank).map(([n, count]) => {
      const id = co.placeId(n);
      return { id, name: places.get(id)?.name ?? id, url: places.get(id)?.url ?? urls.location(id), count };
    });
    return page;
  };
  for (const page of actors.values()) {
    finish(page, co.counts("actor", page.id));
    sortNewestFirst(page.claimsAbout, rank);
    sortNewestFirst(page.claimsBy, rank);
  }
  for (const page of places.values()) finish(page, co.counts("place", page.id));
  for (const page of sources.values()) {
    finish(page);
    sortNewestFirst(page.attributed, rank);
  }
  sortNewestFirst(allClaims, rank);

  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id);
  const allPlaces = [...places.values()].sort(byName);
  return {
    site,
    briefings,
    actors: [...actors.values()].sort(byName),
    bases: allPlaces.filter((p) => p.kind === "base"),
    locations: allPlaces.filter((p) => p.kind !== "base"),
    sources: [...sources.values()].sort(byName),
    claims: allClaims,
    collisions: ids.collisions,
  };
}

/**
 * The first `n` items in `order`, as a stable sort and a slice would give them, without sorting them
 * all (a much-mentioned actor has thousands of co-mentions and keeps 12).
 */
export function firstOf<T>(items: Iterable<T>, n: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (n <= 0) return best;
  for (const item of items) {
    if (best.length === n && order(item, best[n - 1]!) >= 0) continue;
    let i = best.length;
    while (i > 0 && order(item, best[i - 1]!) < 0) i--;
    best.splice(i, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}

/** "united-kingdom" → "United Kingdom", for ids that name no page. */
function titleCase(id: string): string {
  return id.replace(/-/g, " ").replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Co-mentioned entities by number, with how many articles name both, in the order first met. */
type CoCounts = Array<[number, number]>;

/**
 * Co-mentions: for each actor and place, how many articles name each other actor and place with it.
 * The fold notes which entities each article names (as numbers, in typed arrays) and which articles
 * name each entity; a page's counts are made when it is finished, over its own articles, in a
 * scratch array, then dropped. The same counts as a Map per page and entity (which cost more time
 * than the rest of the fold, and ~30 % of the index's memory while it is built), met in the same order.
 */
class CoMentions {
  private readonly numbers = { actor: new Map<string, number>(), place: new Map<string, number>() };
  private readonly ids = { actor: [] as string[], place: [] as string[] };
  /** By entity number: the articles (by number, in fold order) that name it. */
  private readonly articlesOf = { actor: [] as number[][], place: [] as number[][] };
  /** By article number: the actors and places it names. */
  private readonly named: Array<{ actor: Int32Array; place: Int32Array }> = [];

  /** The number of an actor or place (by its final id); a new one for an id not met before. */
  actor(id: string): number {
    return this.number("actor", id);
  }

  place(id: string): number {
    return this.number("place", id);
  }

  actorId(n: number): string {
    return this.ids.actor[n]!;
  }

  placeId(n: number): string {
    return this.ids.place[n]!;
  }

  /** The next article (in fold order) names these actors and places, each once. */
  article(actors: number[], places: number[]): void {
    const at = this.named.length;
    this.named.push({ actor: Int32Array.from(actors), place: Int32Array.from(places) });
    for (const n of actors) this.articlesOf.actor[n]!.push(at);
    for (const n of places) this.articlesOf.place[n]!.push(at);
  }

  /** Each numbered entity's rank (from `nameRanks`), by number. */
  ranks(kind: "actor" | "place", byId: Map<string, number>): Int32Array {
    return Int32Array.from(this.ids[kind], (id) => byId.get(id)!);
  }

  /** The actors and places named with one (the entity itself excluded), null when no article names it. */
  counts(kind: "actor" | "place", id: string): { actors: CoCounts; places: CoCounts } | null {
    const self = this.numbers[kind].get(id);
    if (self === undefined) return null;
    const articles = this.articlesOf[kind][self]!;
    const tally = (of: "actor" | "place", skip: number): CoCounts => {
      const count = this.scratch(of);
      const met: number[] = [];
      for (const at of articles) {
        for (const n of this.named[at]![of]) {
          if (n === skip) continue;
          if (count[n]! === 0) met.push(n);
          count[n]!++;
        }
      }
      return met.map((n) => {
        const pair: [number, number] = [n, count[n]!];
        count[n] = 0;
        return pair;
      });
    };
    return { actors: tally("actor", kind === "actor" ? self : -1), places: tally("place", kind === "place" ? self : -1) };
  }

  /** A zeroed count per entity of a kind, shared by every page's tally (each leaves it zeroed). */
  private scratch(kind: "actor" | "place"): Int32Array {
    const length = this.ids[kind].length;
    if (this.zeroes[kind].length !== length) this.zeroes[kind] = new Int32Array(length);
    return this.zeroes[kind];
  }

  private readonly zeroes = { actor: new Int32Array(0), place: new Int32Array(0) };

  private number(kind: "actor" | "place", id: string): number {
    let n = this.numbers[kind].get(id);
    if (n === undefined) {
      this.numbers[kind].set(id, (n = this.ids[kind].length));
      this.ids[kind].push(id);
      this.articlesOf[kind].push([]);
    }
    return n;
  }
}

/**
 * Each page's position in name order (`localeCompare(…, "en")`, i.e. Intl.Collator("en")); equal
 * names share a rank, so sorting by rank keeps the stable order a name comparison kept.
 */
function nameRanks(pages: Map<string, { name: string }>): Map<string, number> {
  const collator = new Intl.Collator("en");
  const entries = [...pages].sort((a, b) => collator.compare(a[1].name, b[1].name));
  const rank = new Map<string, number>();
  let r = 0;
  entries.forEach(([id, page], i) => {
    if (i > 0 && collator.compare(entries[i - 1]![1].name, page.name) !== 0) r = i;
    rank.set(id, r);
  });
  return rank;
}

function dedupeBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

export type { Actor, Location, Source };

/**
 * Page pieces shared across templates: breadcrumbs, sections, fact lists, certainty badges,
 * claim lists, entity lists and tables. They only format what the site index already holds.
 */
import { perPass } from "../../src/site/passes.js";
import type { ArticleRef, ClaimRef, Count, MentionRef, Named } from "../../src/site/index.js";
import type { Certainty } from "../../src/types.js";
import { html, raw, safeUrl, SafeHtml } from "./html.js";
import { count, time, type Dated, formatNumber } from "./format.js";
import { flat } from "../../src/util/flat.js";

type Content = SafeHtml | string | null | undefined | false | readonly SafeHtml[];

/** Turns free text into an id fragment safe for `id`/`aria-labelledby`. */
export function anchorId(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_]+/g, "-")
      .replace(/-+/g, "-") || "section"
  );
}

export interface Crumb {
  label: string;
  href?: string;
}

/** Breadcrumb trail; the last crumb is the current page. */
export function breadcrumbs(crumbs: Crumb[]): SafeHtml {
  const items = crumbs.map((c, i) =>
    i === crumbs.length - 1
      ? html`<li><span aria-current="page">${c.label}</span></li>`
      : html`<li><a href="${safeUrl(c.href)}">${c.label}</a></li>`,
  );
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb" data-pagefind-ignore><ol>${items}</ol></nav>`;
}

/** `<section>` with its `<h2>`, labelled by it. Empty content renders the `empty` line instead (or nothing). */
/**
 * A titled section. `unsearched`: Pagefind leaves its content out of the search index (entity pages'
 * lists repeat the briefings' sentences; the briefings are what a search should find for them).
 */
export function section(title: string, content: Content, options: { id?: string; empty?: string; className?: string; level?: 2 | 3; unsearched?: boolean } = {}): SafeHtml {
  const isEmpty = !content || (Array.isArray(content) && content.length === 0) || (content instanceof SafeHtml && !content.value.trim());
  if (isEmpty && !options.empty) return html``;
  const id = options.id ?? anchorId(title);
  const heading = options.level === 3 ? html`<h3 id="${id}">${title}</h3>` : html`<h2 id="${id}">${title}</h2>`;
  return html`<section class="${["block", options.className].filter(Boolean).join(" ")}" aria-labelledby="${id}"${options.unsearched ? html` data-pagefind-ignore` : ""}>
${heading}
${isEmpty ? html`<p class="empty">${options.empty}</p>` : (content as SafeHtml | readonly SafeHtml[])}
</section>`;
}

/** A definition list of facts; rows whose value is empty are left out. */
export function facts(rows: Array<[string, Content]>): SafeHtml {
  const shown = rows.filter(([, v]) => v && !(Array.isArray(v) && v.length === 0));
  if (!shown.length) return html``;
  return html`<dl class="facts">${shown.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value as SafeHtml | string}</dd></div>`)}</dl>`;
}

/** Labels of the certainty levels; the stylesheet adds a shape to each (■ ◆ ▲), so colour is never the only cue. */
export const CERTAINTY_LABEL: Record<Certainty, string> = { stated: "Stated", attributed: "Attributed", hedged: "Hedged" };

/** Stated / attributed / hedged badge; distinguishable by text and shape, not only colour. Hedge words follow. */
export function certaintyBadge(claim: { certainty: Certainty; hedges: readonly string[] }): SafeHtml {
  const hedges = claim.certainty === "hedged" && claim.hedges.length ? html` <span class="hedges">(${quotedList(claim.hedges)})</span>` : "";
  return html`<span class="badge badge-${claim.certainty}">${CERTAINTY_LABEL[claim.certainty] ?? claim.certainty}</span>${hedges}`;
}

/** “may”, “reportedly” */
function quotedList(words: readonly string[]): string {
  return words.map((w) => `“${w}”`).join(", ");
}

/** Comma-separated links to named entities. */
export function namedLinks(items: readonly Named[]): SafeHtml {
  return html`${items.map((n, i) => html`${i ? ", " : ""}<a href="${safeUrl(n.url)}">${n.name}</a>`)}`;
}

export interface ClaimListOptions {
  /** Show the date and the article each claim comes from (entity pages). */
  showArticle?: boolean;
  /** Give each item the anchor `c-<sentence>` (briefing page: the article text links back to it). */
  anchors?: boolean;
  /** Leave out the source line (source pages, where every claim has the same source). */
  hideSource?: boolean;
  /** The page's own entity, left out of each claim's actors or places (no links to the page itself). */
  self?: { type: "actor" | "location"; id: string };
}

/**
 * What a claim's list item is made of, rendered once per claim: the same claim is listed on its
 * briefing, on the timeline and on the page of every actor, place and source it names, and only the
 * options (and the page's own entity, left out of the links) differ from one list to the next.
 */
interface ClaimParts {
  /** The item up to its meta list, by options (anchors, hideSource, showArticle). */
  heads: Map<string, string>;
  actorLinks: string[] | null;
  placeLinks: string[] | null;
}

// Kept for one render pass (src/site/passes.ts): the claims live as long as the index, and over a
// whole archive their parts would hold every claim's HTML (~1 GB at 10,000 articles).
const claimParts = perPass(() => new WeakMap<ClaimRef, ClaimParts>());

function partsOf(c: ClaimRef): ClaimParts {
  const cache = claimParts();
  let parts = cache.get(c);
  if (!parts) cache.set(c, (parts = { heads: new Map(), actorLinks: null, placeLinks: null }));
  return parts;
}

function claimHead(c: ClaimRef, parts: ClaimParts, options: ClaimListOptions): string {
  const key = `${options.anchors ? "a" : ""}${options.hideSource ? "h" : ""}${options.showArticle ? "s" : ""}`;
  let head = parts.heads.get(key);
  if (head !== undefined) return head;
  const meta: SafeHtml[] = [html`<li>${certaintyBadge(c)}</li>`];
  if (!options.hideSource) {
    meta.push(
      c.sourceRef
        ? html`<li><span class="label">Source</span> <a href="${safeUrl(c.sourceRef.url)}">${c.sourceRef.name}</a></li>`
        : html`<li><span class="label">Source</span> the article</li>`,
    );
  }
  if (c.cue) meta.push(html`<li><span class="label">Cue</span> <q>${c.cue}</q></li>`);
  if (options.showArticle) meta.push(html`<li>${time(c.article)}, <a href="${safeUrl(c.article.url)}">${c.article.title}</a></li>`);
  // Flat: a head is copied into every list that shows the claim, and a rope would be walked each time.
  head = flat(html`<li class="claim claim-${c.certainty}"${options.anchors ? html` id="c-${String(c.sentence)}"` : ""}>
<p class="claim-text"><a href="${safeUrl(c.url)}">${c.text}</a></p>
<ul class="inline-meta">${meta}</ul>
`.value);
  parts.heads.set(key, head);
  return head;
}

const linkOf = (n: Named) => flat(html`<a href="${safeUrl(n.url)}">${n.name}</a>`.value);

/** The links of `refs` (rendered once per claim), without the page's own entity. */
function linksWithout(refs: readonly Named[], links: string[], selfId: string | undefined): string {
  if (selfId === undefined) return links.join(", ");
  const kept: string[] = [];
  for (let i = 0; i < refs.length; i++) if (refs[i]!.id !== selfId) kept.push(links[i]!);
  return kept.join(", ");
}

/** Claims as an ordered list: text linked to its sentence, certainty, source, cue, actors and places. */
export function claimList(claims: readonly ClaimRef[], options: ClaimListOptions = {}): SafeHtml {
  if (!claims.length) return html``;
  const self = options.self;
  const selfActor = self?.type === "actor" ? self.id : undefined;
  const selfPlace = self?.type === "location" ? self.id : undefined;
  let out = `<ol class="claim-list">`;
  for (const c of claims) {
    const parts = partsOf(c);
    const actors = c.actorRefs.length ? linksWithout(c.actorRefs, (parts.actorLinks ??= c.actorRefs.map(linkOf)), selfActor) : "";
    const places = c.locationRefs.length ? linksWithout(c.locationRefs, (parts.placeLinks ??= c.locationRefs.map(linkOf)), selfPlace) : "";
    const about = `${actors ? `<li><span class="label">Actors</span> ${actors}</li>` : ""}${places ? `<li><span class="label">Places</span> ${places}</li>` : ""}`;
    out += `${claimHead(c, parts, options)}${about ? `<ul class="inline-meta claim-about">${about}</ul>` : ""}\n</li>`;
  }
  return raw(`${out}</ol>`);
}

/** Plain list of links to entities. */
export function namedList(items: ReadonlyArray<Named & { note?: SafeHtml | string | null }>): SafeHtml {
  if (!items.length) return html``;
  return html`<ul class="entity-list">${items.map((n) => html`<li><a href="${safeUrl(n.url)}">${n.name}</a>${n.note ? html` <span class="note">${n.note}</span>` : ""}</li>`)}</ul>`;
}

/** Co-mentions with counts ("in 3 articles"). */
export function countList(items: readonly Count[]): SafeHtml {
  if (!items.length) return html``;
  return html`<ul class="entity-list count-list">${items.map(
    (n) => html`<li><a href="${safeUrl(n.url)}">${n.name}</a> <span class="count">${count(n.count, "article")}</span></li>`,
  )}</ul>`;
}

/** Articles, newest first as given, with dates. */
export function articleList(articles: ReadonlyArray<ArticleRef & Partial<Dated>>): SafeHtml {
  if (!articles.length) return html``;
  return html`<ol class="article-list">${articles.map((a) => html`<li>${time(a)} <a href="${safeUrl(a.url)}">${a.title}</a></li>`)}</ol>`;
}

/** Mentions: the text as written, linked to its sentence, with the article. Long lists fold away. */
export function mentionList(mentions: readonly MentionRef[], foldAfter = 12): SafeHtml {
  if (!mentions.length) return html``;
  const list = html`<ol class="mention-list">${mentions.map(
    (m) => html`<li><a href="${safeUrl(m.url)}"><q>${m.text}</q></a> <span class="note">${time(m.article)}, ${m.article.title}, sentence ${String(m.sentence + 1)}</span></li>`,
  )}</ol>`;
  if (mentions.length <= foldAfter) return list;
  return html`<details class="fold"><summary>Show all ${count(mentions.length, "mention")}</summary>${list}</details>`;
}

/** A table in a horizontally scrollable, keyboard-focusable region (narrow screens). */
export function tableRegion(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

/** Trusted, already-sanitised HTML (the registry profile). */
export function profile(profileHtml: string | null): SafeHtml {
  return profileHtml ? html`<div class="profile prose">${raw(profileHtml)}</div>` : html``;
}

/** Heading block of an entity page: kicker (kind), name, optional subtitle. */
export function pageHeader(kicker: string, title: string, sub?: Content): SafeHtml {
  return html`<header class="page-header">
<p class="kicker">${kicker}</p>
<h1>${title}</h1>
${sub ? html`<p class="standfirst">${sub as SafeHtml | string}</p>` : ""}
</header>`;
}

/**
 * Entity pages list at most this many claims, articles or mentions per list (all newest first), so
 * a page stays the same size however large the archive grows; the headings keep the totals, and
 * every list is complete in the data export (/data/entities.json) and, for claims, the timeline.
 */
export const LIST_LIMIT = 200;

/** The first LIST_LIMIT items, and a note saying how many were left out (empty when none were). */
export function limited<T>(items: readonly T[], noun: string, plural = `${noun}s`): { items: readonly T[]; note: SafeHtml } {
  if (items.length <= LIST_LIMIT) return { items, note: html`` };
  return {
    items: items.slice(0, LIST_LIMIT),
    note: html`<p class="note list-limit">The newest ${formatNumber(LIST_LIMIT)} of ${count(items.length, noun, plural)} are shown. All of them are in the <a href="/data/entities.json">data export</a>${noun === "claim" ? html` and the <a href="/timeline/">timeline</a>` : ""}.</p>`,
  };
}

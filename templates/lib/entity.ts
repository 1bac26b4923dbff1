/**
 * Pieces of the entity pages (actors, bases, locations, sources) and their index tables.
 */
import type { ActorPage, LocationPage, SourcePage } from "../../src/site/index.js";
import { html, safeUrl, type SafeHtml } from "./html.js";
import { count, formatCoordinates, KIND_ORDER, kindPlural, formatNumber } from "./format.js";
import { anchorId, articleList, countList, limited, mentionList, section, tableRegion } from "./partials.js";

export type EntityPage = ActorPage | LocationPage | SourcePage;

/** Wikidata ids are Q-numbers; anything else is not linked. */
export function wikidataLink(id: string | null): SafeHtml | null {
  if (!id || !/^Q\d+$/.test(id)) return null;
  return html`<a href="${safeUrl(`https://www.wikidata.org/wiki/${id}`)}" rel="noopener noreferrer external">${id}</a>`;
}

export function aliasList(aliases: readonly string[]): string | null {
  return aliases.length ? aliases.join("; ") : null;
}

/** "Mentioned in 4 articles · 12 claims". */
export function tally(page: EntityPage): string {
  return `${count(page.articles.length, "article")} · ${count(page.claims.length, "claim")}`;
}

/**
 * Co-mentioned actors and places (side by side, or, with `actorsHeading`, actors as a section of
 * their own), then the articles and the mentions.
 */
export function contextSections(page: EntityPage, options: { actorsHeading?: string } = {}): SafeHtml {
  let co: SafeHtml;
  if (options.actorsHeading) {
    co = html`${section(options.actorsHeading, countList(page.coActors), { id: "co-actors", empty: "None named alongside it yet.", unsearched: true })}
${section("Places mentioned alongside", countList(page.coLocations), { id: "co-places", unsearched: true })}`;
  } else if (page.coActors.length || page.coLocations.length) {
    co = section(
      "Mentioned alongside",
      html`<div class="columns">
${section("Actors", countList(page.coActors), { id: "co-actors", level: 3, empty: "None." })}
${section("Places", countList(page.coLocations), { id: "co-places", level: 3, empty: "None." })}
</div>`,
      { id: "co-mentions", unsearched: true },
    );
  } else co = html``;
  return html`${co}
${section("Articles", listWithNote(limited(page.articles, "article"), articleList), { id: "articles", empty: "No article mentions it yet.", unsearched: true })}
${section("Mentions", listWithNote(limited(page.mentions, "mention"), mentionList), { id: "mentions", empty: "No mentions yet.", unsearched: true })}`;
}

function listWithNote<T>(l: { items: readonly T[]; note: SafeHtml }, list: (items: readonly T[]) => SafeHtml): SafeHtml | null {
  return l.items.length ? html`${list(l.items)}${l.note}` : null;
}

/** Coordinates as text, with a `<data>` value of "lat,lon" for machines. */
export function coordinates(page: LocationPage): SafeHtml | null {
  if (!page.coordinates) return null;
  const [lon, lat] = page.coordinates;
  return html`<data class="coords" value="${`${lat},${lon}`}">${formatCoordinates(page.coordinates)}</data>`;
}

export interface Column<P> {
  header: string;
  numeric?: boolean;
  cell: (page: P) => SafeHtml | string;
}

/** Groups pages by kind, known kinds first, keeping the given (name) order inside each group. */
export function byKind<P extends { kind: string }>(pages: readonly P[]): Array<{ kind: string; pages: P[] }> {
  const groups = new Map<string, P[]>();
  for (const p of pages) {
    let g = groups.get(p.kind);
    if (!g) groups.set(p.kind, (g = []));
    g.push(p);
  }
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([kind, pages]) => ({ kind, pages }));
}

/** An index table: name, extra columns, number of articles and claims. */
export function entityTable<P extends EntityPage>(caption: string, pages: readonly P[], extra: Column<P>[] = [], hideCaption = false): SafeHtml {
  const columns: Column<P>[] = [
    ...extra,
    { header: "Articles", numeric: true, cell: (p) => formatNumber(p.articles.length) },
    { header: "Claims", numeric: true, cell: (p) => formatNumber(p.claims.length) },
  ];
  const table = html`<table class="data-table">
<caption${hideCaption ? html` class="visually-hidden"` : ""}>${caption}</caption>
<thead><tr><th scope="col">Name</th>${columns.map((c) => html`<th scope="col"${c.numeric ? html` class="num"` : ""}>${c.header}</th>`)}</tr></thead>
<tbody>${pages.map(
    (p) => html`<tr><th scope="row"><a href="${safeUrl(p.url)}">${p.name}</a></th>${columns.map((c) => html`<td${c.numeric ? html` class="num"` : ""}>${c.cell(p)}</td>`)}</tr>`,
  )}</tbody>
</table>`;
  return tableRegion(caption, table);
}

/** Index page body: a jump list of kinds, then one table per kind. */
export function groupedTables<P extends EntityPage>(noun: string, pages: readonly P[], extra: Column<P>[] = []): SafeHtml {
  if (!pages.length) return html`<p class="empty">No ${noun} yet.</p>`;
  const groups = byKind(pages);
  const jump =
    groups.length > 1
      ? html`<nav class="jump" aria-label="Kinds"><ul>${groups.map(
          (g) => html`<li><a href="#kind-${anchorId(g.kind)}">${kindPlural(g.kind)}</a> <span class="count">${formatNumber(g.pages.length)}</span></li>`,
        )}</ul></nav>`
      : html``;
  return html`${jump}
${groups.map((g) =>
  section(`${kindPlural(g.kind)} (${formatNumber(g.pages.length)})`, entityTable(`${kindPlural(g.kind)}, by name, with the number of articles and claims`, g.pages, extra, true), {
    id: `kind-${anchorId(g.kind)}`,
  }),
)}`;
}

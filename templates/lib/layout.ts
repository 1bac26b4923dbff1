/**
 * The base page every template wraps its content in: document head (CSP, viewport, description,
 * canonical), skip link, masthead with the site navigation, `<main id="main">`, footer.
 * No inline scripts or styles anywhere: the CSP below forbids them.
 */
import type { SiteMeta } from "../../src/site/index.js";
import { html, safeUrl, type SafeHtml } from "./html.js";
import { flat } from "../../src/util/flat.js";
import { pageRendered } from "../../src/site/rendered.js";

export type Section = "home" | "briefings" | "actors" | "bases" | "locations" | "sources" | "map" | "timeline" | "search" | null;

/** A feed of the page (actor and base pages have their own), announced with `<link rel="alternate">`. */
export interface Alternate {
  title: string;
  href: string;
  type: "application/atom+xml" | "application/feed+json";
}

/** Pagefind filters of a page: filter name → values (names of actors, bases, locations, outlets). */
export type SearchFilters = Partial<Record<"type" | "actor" | "base" | "location" | "outlet", readonly string[]>>;

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";

export interface PageOptions {
  site: SiteMeta;
  /** The page's own title; the document title becomes "title — site title". Null on the home page. */
  title: string | null;
  description?: string | null;
  /** Site-relative path of the page, for the canonical link (when the site URL is known). */
  path?: string | null;
  /** Which nav entry is current. */
  section: Section;
  body: SafeHtml;
  /** Extra class on `<body>`, e.g. the page kind, for styling hooks. */
  pageClass?: string;
  /** Open Graph type: `article` for briefings, `website` otherwise. */
  ogType?: "article" | "website";
  /** Feeds of this page, announced after the site's own. */
  alternates?: Alternate[];
  /** Index the page's `<main>` for search (briefings and entity pages), with these filters. */
  search?: SearchFilters | null;
  /** Extra stylesheets and deferred scripts (site-relative; no inline code). */
  styles?: string[];
  scripts?: string[];
}

/** The site's own feeds, on every page. */
export const SITE_FEEDS: Alternate[] = [
  { title: "All briefings (Atom)", href: "/feed.xml", type: "application/atom+xml" },
  { title: "All briefings (JSON Feed)", href: "/feed.json", type: "application/feed+json" },
];

/**
 * Pagefind's default UI writes filter labels and result titles as HTML, after decoding the
 * entities of the page, so no escaping survives the trip. Labels therefore never carry markup at
 * all: angle brackets become look-alike quotation marks and entity-like ampersands a full-width
 * ampersand. (Found by tests/browser/hostile.test.ts.)
 */
export function searchLabel(value: string): string {
  return value.replace(/</g, "‹").replace(/>/g, "›").replace(/&(?=#?[a-z0-9]+;)/gi, "＆");
}

/** Hidden spans Pagefind reads as filters and the result title (not indexed as text, not shown). */
function searchFilters(filters: SearchFilters, title: string | null): SafeHtml {
  const spans = Object.entries(filters).flatMap(([name, values]) =>
    [...new Set(values ?? [])].map((v) => html`<span data-pagefind-filter="${name}">${searchLabel(v)}</span>`),
  );
  if (title) spans.push(html`<span data-pagefind-meta="title">${searchLabel(title)}</span>`);
  return spans.length ? html`<div class="search-filters" hidden data-pagefind-ignore>${spans}</div>` : html``;
}

const NAV: Array<{ section: Exclude<Section, null | "home">; label: string; href: string }> = [
  { section: "briefings", label: "Briefings", href: "/" },
  { section: "actors", label: "Actors", href: "/actors/" },
  { section: "bases", label: "Bases", href: "/bases/" },
  { section: "locations", label: "Locations", href: "/locations/" },
  { section: "sources", label: "Sources", href: "/sources/" },
  { section: "map", label: "Map", href: "/map/" },
  { section: "timeline", label: "Timeline", href: "/timeline/" },
  { section: "search", label: "Search", href: "/search/" },
];

/** Collapses whitespace and trims to a meta-description length. */
function describe(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= 200) return flat;
  const cut = flat.slice(0, 197);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 150))}…`;
}

function canonical(site: SiteMeta, path: string | null | undefined): string | null {
  if (!site.url || !path) return null;
  const absolute = site.url.replace(/\/+$/, "") + path;
  const safe = safeUrl(absolute);
  return safe === "#" ? null : safe;
}

export function layout(options: PageOptions): string {
  const { site, section } = options;
  const documentTitle = options.title ? `${options.title} — ${site.title}` : site.title;
  const description = describe(options.description || site.description);
  const canonicalUrl = canonical(site, options.path);
  const nav = NAV.map((item) => {
    const current = item.href === options.path ? "page" : item.section === section ? "true" : null;
    return html`<li><a href="${item.href}"${current ? html` aria-current="${current}"` : ""}>${item.label}</a></li>`;
  });
  const page = html`<!doctype html>
<html lang="${site.language || "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta name="color-scheme" content="light dark">
<title>${documentTitle}</title>
<meta name="description" content="${description}">
${canonicalUrl ? html`<link rel="canonical" href="${canonicalUrl}">` : ""}
<meta property="og:title" content="${options.title ?? site.title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${options.ogType ?? "website"}">
${canonicalUrl ? html`<meta property="og:url" content="${canonicalUrl}">` : ""}
<meta property="og:site_name" content="${site.title}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/css/site.css">
${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${safeUrl(href)}">
`)}${[...SITE_FEEDS, ...(options.alternates ?? [])].map(
    (f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${safeUrl(f.href)}">
`,
  )}${(options.scripts ?? []).map((src) => html`<script src="${safeUrl(src)}" defer></script>
`)}</head>
<body class="${options.pageClass ?? "page"}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead">
<div class="masthead-inner">
<p class="site-title"><a href="/">${site.title}</a></p>
<nav class="site-nav" aria-label="Site">
<ul>${nav}</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1"${options.search ? html` data-pagefind-body` : ""}>
${options.body}
${options.search ? searchFilters(options.search, options.title) : ""}
</main>
<footer class="site-footer">
<div class="footer-inner">
<p>${site.description}</p>
<p class="footer-meta">Claims, actors, places and sources are extracted automatically from the articles; follow each claim to its sentence to read it in context.</p>
<ul class="footer-links">
<li><a href="/map/">Map</a></li>
<li><a href="/timeline/">Timeline</a></li>
<li><a href="/search/">Search</a></li>
<li><a href="/feed.xml" type="application/atom+xml">Atom feed</a></li>
<li><a href="/feed.json" type="application/feed+json">JSON Feed</a></li>
<li><a href="/data/briefings.json" type="application/json">Data: briefings (JSON)</a></li>
<li><a href="/data/entities.json" type="application/json">Data: entities (JSON)</a></li>
<li><a href="/sitemap.xml">Sitemap</a></li>
</ul>
</div>
</footer>
</body>
</html>
`;
  const out = flat(String(page));
  // The finished page goes to the search index now, not when Eleventy writes it (src/site/rendered.ts).
  if (options.path) pageRendered(options.path, out, Boolean(options.search));
  return out;
}

/**
 * `sitrep serve` / `npm start`: a dev server with live reload that renders every page on request
 * from the current site index, with the same templates `sitrep build` renders through Eleventy
 * (src/site/pages.ts; tests/site/pages.test.ts holds the two byte-equal). Nothing is written to disk.
 *
 * Start-up extracts the content folder once (through the extraction cache, so only changed articles
 * are extracted). When a file under the content folder changes:
 *   1. edited articles only: each is extracted alone (cache, main thread) and its briefing page is
 *      swapped into the index, then the browser reloads — the edit shows in well under a second;
 *   2. then, or at once for any other change (registry, site.yml, a deleted article), the whole
 *      index is rebuilt (every other article comes from the cache) and the browser reloads again,
 *      so entity pages, indexes and feeds catch up.
 * Static files (CSS, JS, favicon) are served from public/, map backgrounds from memory. The search
 * index (Pagefind) exists only in built sites.
 */
import { existsSync, statSync, watch } from "node:fs";
import { join, normalize, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import { publicDir } from "../paths.js";
import { loadSite, type LoadedSite } from "./build.js";
import { buildSiteIndex, type SiteIndex } from "./index.js";
import { extractAll } from "./extract-all.js";
import { readArticle } from "../content.js";
import { formatMessage } from "../util/messages.js";
import { contentType, loadTemplates, pageTable, type Template } from "./pages.js";
import { mapFile } from "./map.js";
import { dataExport } from "./postbuild.js";
import { sitemap } from "./feeds.js";
import type { VFile } from "vfile";

/** Eleventy's own dev server (live reload), a dependency of @11ty/eleventy: resolved from there. */
interface DevServer {
  serve(port: number): void;
  reload(event: { files: string[] }): void;
}
const eleventyRequire = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const EleventyDevServer = eleventyRequire("@11ty/eleventy-dev-server") as { getServer(name: string, dir: string, options: Record<string, unknown>): DevServer };

interface State {
  site: LoadedSite;
  index: SiteIndex;
  table: Map<string, () => string>;
}

function report(files: readonly VFile[]): void {
  for (const file of files) for (const m of file.messages) console.error(formatMessage(m, file.path));
}

/** The URL a request path names in the page table (`/x/index.html` and `/x` are `/x/`). */
function pageKey(table: Map<string, unknown>, path: string): string | null {
  if (table.has(path)) return path;
  if (path.endsWith("/index.html") && table.has(path.slice(0, -"index.html".length))) return path.slice(0, -"index.html".length);
  return null;
}

export async function serve(contentDir: string, port: number): Promise<void> {
  const content = resolve(contentDir);
  const templates: Template[] = await loadTemplates();
  const load = (): State => {
    const site = loadSite(content);
    report(site.files);
    return { site, index: site.index, table: pageTable(templates, site.index) };
  };
  let state = load();

  const respond = (path: string) => {
    const map = mapFile(path);
    if (map) return { headers: { "Content-Type": "image/svg+xml" }, body: map };
    const key = pageKey(state.table, path);
    if (key) return { headers: { "Content-Type": contentType(key) }, body: state.table.get(key)!() };
    const data = dataExport(state.index).get(path);
    if (data) return { headers: { "Content-Type": "application/json" }, body: Array.from(data()).join("") };
    if (path === "/sitemap.xml") {
      const urls = [...state.table.keys()].filter((u) => u.endsWith("/")).sort();
      return { headers: { "Content-Type": "application/xml" }, body: sitemap(state.index.site, urls) };
    }
    // Static files from public/; anything else is the site's 404 page.
    const file = normalize(join(publicDir, path));
    if (file.startsWith(publicDir + sep) && existsSync(file) && statSync(file).isFile()) return undefined;
    const notFound = state.table.get("/404.html");
    return notFound ? { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" }, body: notFound() } : undefined;
  };

  const server = EleventyDevServer.getServer("sitrep", publicDir, {
    port,
    domDiff: false,
    logger: { info: () => {}, log: () => {}, error: (...args: unknown[]) => console.error(...args) },
    onRequest: {
      "/*": ({ url }: { url: URL }) => {
        let path: string;
        try {
          path = decodeURIComponent(url.pathname);
        } catch {
          return undefined;
        }
        return respond(path);
      },
    },
  });
  server.serve(port);
  console.log(`sitrep: serving ${relative(process.cwd(), content) || "."} on http://localhost:${port}/ (${state.table.size} pages)`);

  // Changes: collected for a moment (editors save several files at once), then applied in order.
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let fullTimer: NodeJS.Timeout | null = null;
  const articlesDir = join(content, "articles");

  const fullRebuild = () => {
    fullTimer = null;
    const started = performance.now();
    state = load();
    server.reload({ files: [content] });
    console.log(`sitrep: rebuilt the index in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  const apply = () => {
    timer = null;
    const changed = [...pending];
    pending = new Set();
    const edited = changed.filter((p) => p.startsWith(articlesDir + sep) && /\.(md|markdown)$/.test(p) && existsSync(p));
    if (edited.length && edited.length === changed.length) {
      // Fast path: the edited briefings first.
      const files = edited.map(readArticle);
      report(files);
      const records = extractAll(files, state.site.registry);
      const patch = buildSiteIndex(records, state.site.registry, state.index.site);
      const byId = new Map(patch.briefings.map((b) => [b.id, b]));
      const briefings = state.index.briefings.map((b) => byId.get(b.id) ?? b);
      for (const b of patch.briefings) if (!state.index.briefings.some((x) => x.id === b.id)) briefings.unshift(b);
      const index = { ...state.index, briefings };
      state = { ...state, index, table: pageTable(templates, index) };
      server.reload({ files: edited });
    }
    // Then everything else, once the browser has had the fast page.
    if (fullTimer) clearTimeout(fullTimer);
    fullTimer = setTimeout(fullRebuild, edited.length === changed.length ? 1000 : 0);
  };

  watch(content, { recursive: true }, (_event, name) => {
    if (!name) return;
    const path = join(content, name.toString());
    if (/(^|[/\\])(\.|_site)/.test(relative(content, path)) || /~$|\.swp$/.test(path)) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(apply, 50);
  });
}

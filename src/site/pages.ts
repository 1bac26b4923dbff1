/**
 * Every page of the site as a table from its URL to a function that renders it, read from the same
 * template modules Eleventy renders (`dist/templates/*.11ty.js`: a `data` object with `permalink`
 * and optional `pagination`, and `render(data)`). The dev server renders pages on request from it,
 * so an edit shows as soon as the index is updated; tests/site/pages.test.ts holds every page it
 * renders byte-equal to the page `sitrep build` wrote.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteIndex } from "./index.js";
import { templatesDir } from "../paths.js";
import { PASSED_TEMPLATES } from "./passes.js";

type Data = Record<string, unknown>;

export interface TemplateModule {
  data?: Data & {
    permalink?: string | ((data: never) => string);
    pagination?: { data: string; size?: number; alias: string; before?: (items: never[]) => unknown[] };
  };
  render(data: never): string;
  /** What a page shows besides the site's settings (paginated templates; ./incremental.ts). */
  inputs?(data: never): unknown;
}

export interface Template {
  /** File name, e.g. `briefing.11ty.js`. */
  name: string;
  module: TemplateModule;
}

/** Imports every page template, in the order their pages render (`byRenderOrder`). */
export async function loadTemplates(dir: string = templatesDir): Promise<Template[]> {
  const names = readdirSync(dir).filter((f) => f.endsWith(".11ty.js")).sort(byRenderOrder);
  const out: Template[] = [];
  for (const name of names) out.push({ name, module: (await import(pathToFileURL(join(dir, name)).href)) as TemplateModule });
  return out;
}

/** The templates of PASSED_TEMPLATES in its order (the order their pages render in), then the others by name. */
function byRenderOrder(a: string, b: string): number {
  const rank = (name: string) => {
    const i = (PASSED_TEMPLATES as readonly string[]).indexOf(name.replace(/\.11ty\.js$/, ""));
    return i < 0 ? PASSED_TEMPLATES.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where Eleventy writes a permalink: `/x/` → `x/index.html`, `/feed.xml` → `feed.xml`. */
export function outputPath(permalink: string): string {
  const path = permalink.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** Content type of a page by its permalink. */
export function contentType(permalink: string): string {
  if (permalink.endsWith(".xml")) return "application/atom+xml; charset=utf-8";
  if (permalink.endsWith(".json")) return "application/feed+json; charset=utf-8";
  return "text/html; charset=utf-8";
}

/** The list a template paginates: `sitrep.<key>` from the index, or a key of its own data. */
export function lookup(path: string, module: TemplateModule, index: SiteIndex): unknown[] {
  const [head, ...rest] = path.split(".");
  let value: unknown = head === "sitrep" ? index : module.data?.[head!];
  for (const key of rest) value = (value as Data | undefined)?.[key];
  if (!Array.isArray(value)) throw new Error(`sitrep: pagination data "${path}" is not a list`);
  return value;
}

/** One page of the site: its template, the data it renders with, and its permalink. */
export interface PageEntry {
  /** File name of the template, e.g. `briefing.11ty.js`. */
  template: string;
  module: TemplateModule;
  data: Data;
  url: string;
}

/**
 * Every page of every template over one index, in template order and, within a paginated template,
 * in its `pagination.before` order. Pagination of one item per page only (what the templates use);
 * nothing is rendered.
 */
export function pageEntries(templates: readonly Template[], index: SiteIndex): PageEntry[] {
  const out: PageEntry[] = [];
  for (const { name, module } of templates) {
    const base: Data = { ...module.data, sitrep: index };
    const permalink = module.data?.permalink;
    const add = (data: Data) => {
      const url = typeof permalink === "function" ? (permalink as (d: Data) => string)(data) : permalink;
      if (typeof url !== "string") throw new Error(`sitrep: template ${name} has no permalink`);
      out.push({ template: name, module, data, url });
    };
    const pagination = module.data?.pagination;
    if (!pagination) {
      add(base);
      continue;
    }
    if ((pagination.size ?? 1) !== 1) throw new Error(`sitrep: template ${name}: only pagination of size 1 is supported`);
    let items = lookup(pagination.data, module, index);
    if (pagination.before) items = pagination.before(items as never[]);
    for (const item of items) add({ ...base, [pagination.alias]: item });
  }
  return out;
}

/** Permalink → render function, for every page of every template over one index; the pages only when asked for. */
export function pageTable(templates: readonly Template[], index: SiteIndex): Map<string, () => string> {
  const table = new Map<string, () => string>();
  for (const { module, data, url } of pageEntries(templates, index)) {
    if (table.has(url)) throw new Error(`sitrep: two pages at ${url}`);
    table.set(url, () => module.render(data as never));
  }
  return table;
}

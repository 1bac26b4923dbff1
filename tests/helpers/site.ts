/** Reading a built site the way a browser would: parsed HTML, resolved links and anchors. */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { unified } from "unified";
import rehypeParse from "rehype-parse";
import { select, selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import type { Root, Element } from "hast";

const parser = unified().use(rehypeParse);
const cache = new Map<string, Root>();

export function page(site: string, url: string): Root {
  const path = fileFor(site, url);
  if (!path) throw new Error(`no page for ${url} in ${site}`);
  let tree = cache.get(path);
  if (!tree) cache.set(path, (tree = parser.parse(readFileSync(path, "utf8"))));
  return tree;
}

/** The file a site-relative URL serves, or null. */
export function fileFor(site: string, url: string): string | null {
  const path = decodeURIComponent(url.split("#")[0]!.split("?")[0]!);
  const candidates = path.endsWith("/") ? [join(site, path, "index.html")] : [join(site, path), join(site, path, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export const $ = (tree: Root | Element, selector: string) => select(selector, tree);
export const $$ = (tree: Root | Element, selector: string) => selectAll(selector, tree);
export const text = (node: Root | Element | undefined) => (node ? toString(node).replace(/\s+/g, " ").trim() : "");
export const href = (el: Element) => String(el.properties.href ?? "");

export function htmlPages(site: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".html")) out.push("/" + relative(site, p).replace(/index\.html$/, ""));
    }
  };
  walk(site);
  return out;
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/**
 * Every internal link and fragment of every page that does not resolve. Reads hrefs and ids with
 * regular expressions over our own generated HTML (attributes always double-quoted), which is
 * fast enough for thousands of pages.
 */
export function brokenLinks(site: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
      ids.set(file, set);
    }
    return set;
  };
  for (const url of htmlPages(site)) {
    const source = readFileSync(fileFor(site, url)!, "utf8");
    for (const m of source.matchAll(/<(?:a|link)\b[^>]*?\shref="([^"]*)"/g)) {
      const target = decode(m[1]!);
      if (/^(https?:|mailto:)/.test(target)) continue;
      const absolute = target.startsWith("#") ? url + target : new URL(target, `http://site${url}`).pathname + (target.includes("#") ? "#" + target.split("#")[1] : "");
      const file = fileFor(site, absolute);
      if (!file) {
        broken.push(`${url} → ${target}`);
        continue;
      }
      const fragment = absolute.split("#")[1];
      if (fragment && file.endsWith(".html") && !idsOf(file).has(decodeURIComponent(fragment))) broken.push(`${url} → ${target} (no #${fragment})`);
    }
  }
  return broken;
}

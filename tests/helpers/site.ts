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

/** Every internal link and fragment of every page that does not resolve. */
export function brokenLinks(site: string): string[] {
  const broken: string[] = [];
  for (const url of htmlPages(site)) {
    const tree = page(site, url);
    for (const a of $$(tree, "a[href], link[href]")) {
      const target = href(a);
      if (/^(https?:|mailto:)/.test(target)) continue;
      const absolute = target.startsWith("#") ? url + target : new URL(target, `http://site${url}`).pathname + (target.includes("#") ? "#" + target.split("#")[1] : "");
      const file = fileFor(site, absolute);
      if (!file) {
        broken.push(`${url} → ${target}`);
        continue;
      }
      const fragment = absolute.split("#")[1];
      if (fragment && file.endsWith(".html")) {
        const targetUrl = "/" + relative(site, file).replace(/index\.html$/, "");
        if (!$(page(site, targetUrl), `[id="${fragment}"]`)) broken.push(`${url} → ${target} (no #${fragment})`);
      }
    }
  }
  return broken;
}

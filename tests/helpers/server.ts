/**
 * A small static file server for a built site, the way a plain web host serves it: files by path,
 * `dir/` → `dir/index.html`, `dir` → redirect to `dir/`, content types by extension, and a miss
 * answers the site's own /404.html with status 404. Listens on 127.0.0.1 on a free port.
 */
import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:43121 (no trailing slash). */
  origin: string;
  /** Every request the server answered: method, path, status. */
  log: Array<{ method: string; path: string; status: number }>;
  close(): Promise<void>;
}

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** Serves `root` on 127.0.0.1 at a random free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = normalize(root + sep);
  const log: StaticServer["log"] = [];

  const server: Server = createServer((req, res) => {
    const send = (status: number, file: string | null, headers: Record<string, string> = {}) => {
      log.push({ method: req.method ?? "GET", path: req.url ?? "", status });
      if (!file) {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
        res.end(status === 404 ? "Not found" : "");
        return;
      }
      res.writeHead(status, {
        "content-type": contentType(file),
        "content-length": String(statSync(file).size),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...headers,
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(base, "404.html");
      send(404, existsSync(page) ? page : null);
    };

    if (req.method !== "GET" && req.method !== "HEAD") return send(405, null, { allow: "GET, HEAD" });
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return notFound();
    }
    if (path.includes("\0")) return notFound();
    const file = normalize(join(base, path));
    if (!file.startsWith(base) && file + sep !== base) return notFound();

    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        const query = (req.url ?? "").includes("?") ? (req.url ?? "").slice((req.url ?? "").indexOf("?")) : "";
        return send(301, null, { location: path + "/" + query });
      }
      const index = join(file, "index.html");
      return existsSync(index) ? send(200, index) : notFound();
    }
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    notFound();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

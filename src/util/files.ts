/** Files under a folder, recursively. */
import { existsSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Every file under `dir` (full paths) whose `/`-separated path relative to `dir` passes `keep`, in
 * a fixed order (names sorted at each level); none when `dir` does not exist.
 */
export function filesUnder(dir: string, keep: (rel: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (keep(relative(dir, full).split(sep).join("/"))) out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

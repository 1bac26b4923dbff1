/**
 * `sitrep serve` / `npm start`: Eleventy's dev server with live reload. The config file's default
 * site provider re-extracts the content folder on every rebuild, and the content folder is a
 * watch target, so saving an article or a registry file reloads the browser.
 */
import { resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { eleventyConfigPath, templatesDir } from "../paths.js";
import { provideSite } from "./eleventy.js";
import { loadSite } from "./build.js";
import { formatMessage } from "../util/messages.js";

export async function serve(contentDir: string, port: number): Promise<void> {
  const content = resolve(contentDir);
  provideSite(() => {
    const site = loadSite(content);
    for (const file of site.files) for (const m of file.messages) console.error(formatMessage(m, file.path));
    return site.index;
  });
  // The config file watches SITREP_CONTENT.
  process.env.SITREP_CONTENT = content;
  const eleventy = new Eleventy(templatesDir, resolve("_site"), { quietMode: true, configPath: eleventyConfigPath, runMode: "serve" });
  await eleventy.init();
  await eleventy.watch();
  eleventy.serve(port);
}

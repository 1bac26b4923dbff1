/**
 * The `sitrep` command line. Exit codes: 0 ok, 1 content errors, 2 usage errors.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { VFile } from "vfile";
import type { Registry } from "./registry.js";
import { formatMessage, hasErrors } from "./util/messages.js";
import { slugify } from "./slug.js";

// Commands load what they need when they run, so `--help` and usage errors answer at once.
const lazy = {
  build: () => import("./site/build.js"),
  /** extraction alone, without the renderer's modules that ./site/build.js loads */
  extraction: () => import("./site/extraction.js"),
  content: () => import("./content.js"),
  registry: () => import("./registry.js"),
};

class UsageError extends Error {}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> | number;
}

const help = { help: { type: "boolean", short: "h" } } as const;

const commands: Record<string, Command> = {
  import: {
    summary: "Turn raw pasted text into a markdown article",
    usage: `sitrep import FILE.txt [--out content/articles] [--title TITLE] [--date YYYY-MM-DD] [--date-precision day|month|year] [--url URL] [--force]

Each line of the text becomes a paragraph. An "Original Source: www.example.com" line becomes the
outlet (name and domain) in the front matter and leaves the body. The article is written to
<out>/<file name>.md; an existing file is never overwritten unless --force is given.`,
    options: { ...help, out: { type: "string" }, title: { type: "string" }, date: { type: "string" }, "date-precision": { type: "string" }, url: { type: "string" }, force: { type: "boolean" } },
    async run(values, positionals) {
      const { importText } = await import("./import.js");
      const [input] = positionals;
      if (!input || positionals.length > 1) throw new UsageError("import takes exactly one FILE.txt");
      if (!existsSync(input)) throw new UsageError(`no such file: ${input}`);
      const precision = values["date-precision"];
      if (precision !== undefined && precision !== "day" && precision !== "month" && precision !== "year") throw new UsageError("--date-precision must be day, month or year");
      const date = values.date as string | undefined;
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError("--date must be YYYY-MM-DD");
      const markdown = importText(readFileSync(input, "utf8"), {
        title: values.title as string | undefined,
        date,
        datePrecision: precision,
        url: values.url as string | undefined,
      });
      const outDir = (values.out as string | undefined) ?? join("content", "articles");
      const target = join(outDir, `${slugify(basename(input).replace(/\.[^.]*$/, ""))}.md`);
      if (existsSync(target) && !values.force) {
        console.error(`sitrep: ${target} exists; pass --force to replace it`);
        return 1;
      }
      mkdirSync(outDir, { recursive: true });
      writeFileSync(target, markdown);
      console.log(target);
      return 0;
    },
  },
  extract: {
    summary: "Print the structured Briefing of each article (JSON)",
    usage: `sitrep extract PATH... [--format json|ndjson] [--content DIR]

PATH is an article (.md) or a folder of them. Prints one Briefing per article, valid against
briefing.schema.json: with --format json (default) a single object for one article, an array for
several; with ndjson one object per line. Names are linked to the registry in <DIR>/entities
(default: ./content when it exists). Problems go to stderr; exit 1 when any is an error.`,
    options: { ...help, format: { type: "string" }, content: { type: "string" } },
    async run(values, positionals) {
      if (!positionals.length) throw new UsageError("extract needs at least one PATH");
      const format = (values.format as string | undefined) ?? "json";
      if (format !== "json" && format !== "ndjson") throw new UsageError("--format must be json or ndjson");
      for (const p of positionals) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
      const registry = await registryFor(values.content as string | undefined);
      const { extractArticles } = await lazy.extraction();
      const { findArticles } = await lazy.content();
      const { records, files } = extractArticles(findArticles(positionals), registry);
      const briefings = records.map((r) => r.briefing);
      if (format === "ndjson") process.stdout.write(briefings.map((b) => JSON.stringify(b)).join("\n") + (briefings.length ? "\n" : ""));
      else process.stdout.write(JSON.stringify(briefings.length === 1 ? briefings[0] : briefings, null, 2) + "\n");
      printMessages(files, false);
      return hasErrors(files.flatMap((f) => f.messages)) ? 1 : 0;
    },
  },
  check: {
    summary: "Validate content; print file:line:col: message for every problem",
    usage: `sitrep check [PATH] [--strict]

PATH is a content folder (default: content), an articles folder or an article. Prints every problem
as file:line:col: severity message [rule]. Exit 1 on errors (and on warnings with --strict).`,
    options: { ...help, strict: { type: "boolean" } },
    async run(values, positionals) {
      if (positionals.length > 1) throw new UsageError("check takes at most one PATH");
      const path = positionals[0] ?? "content";
      if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
      const { findArticles } = await lazy.content();
      let files: VFile[];
      if (statSync(path).isDirectory() && existsSync(join(path, "articles"))) {
        const { loadSite } = await lazy.build();
        const site = loadSite(path, { oneShot: true });
        files = site.files;
        for (const c of site.index.collisions) {
          const file = files.find((f) => f.path === c.at?.path) ?? files[0];
          if (!file) continue;
          const m = file.message(`Different ${c.type}s would share the id \`${c.id}\` (${c.names.join(", ")}); they get ${c.ids.join(", ")} — add registry entries to give them the ids you want`, { place: { line: c.at?.line ?? 1, column: c.at?.column ?? 1 }, ruleId: "id-collision", source: "sitrep" });
          m.fatal = false;
        }
      } else {
        const { extractArticles } = await lazy.extraction();
        files = extractArticles(findArticles([path]), await registryFor(undefined)).files;
      }
      return printMessages(files, values.strict === true) ? 1 : 0;
    },
  },
  build: {
    summary: "Extract every article and render the briefing site",
    usage: `sitrep build [--content content] [--out _site] [--strict]

Reads <content>/articles/*.md and <content>/entities/*.md and writes the site to <out>. The site is
built beside <out> and swapped in only when the whole build succeeded: on any error (and, with
--strict, any warning) <out> is left as it was and the command exits 1.`,
    options: { ...help, content: { type: "string" }, out: { type: "string" }, strict: { type: "boolean" } },
    async run(values, positionals) {
      if (positionals.length) throw new UsageError("build takes no positional arguments");
      const content = (values.content as string | undefined) ?? "content";
      if (!existsSync(content)) throw new UsageError(`no such content folder: ${content}`);
      const out = (values.out as string | undefined) ?? "_site";
      const started = Date.now();
      const { build } = await lazy.build();
      let result: Awaited<ReturnType<typeof build>>;
      try {
        result = await build(resolve(content), resolve(out), { strict: values.strict === true });
      } catch (error) {
        console.error(`sitrep: build failed while rendering: ${(error as Error).message}\nsitrep: ${out} was left unchanged`);
        return 1;
      }
      const failed = printMessages(result.files, values.strict === true);
      if (!result.ok || failed) {
        console.error(`sitrep: build failed; ${out} was left unchanged`);
        return 1;
      }
      const i = result.index!;
      const unchanged = result.reused ? ` (${result.reused.toLocaleString("en")} unchanged pages kept from the last build)` : "";
      console.error(`sitrep: built ${i.briefings.length} briefings, ${i.actors.length} actors, ${i.bases.length} bases, ${i.locations.length} locations, ${i.sources.length} sources into ${out}${unchanged} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    },
  },
  serve: {
    summary: "Dev server with live reload (what `npm start` runs)",
    usage: `sitrep serve [--content content] [--port 8080]

Extracts the content (through the cache), serves the site on http://localhost:<port>/ rendering each
page on request with the same templates as \`sitrep build\`, and reloads the browser when an article or
registry file changes: an edited article shows at once, entity pages and indexes a moment later.
Content problems are printed and the last good pages stay up. No search index (build for that).`,
    options: { ...help, content: { type: "string" }, port: { type: "string" } },
    async run(values) {
      const port = Number((values.port as string | undefined) ?? "8080");
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError("--port must be a port number");
      const { serve } = await import("./site/serve.js");
      await serve((values.content as string | undefined) ?? "content", port);
      return 0;
    },
  },
  new: {
    summary: "Scaffold a new article with today's date",
    usage: `sitrep new "Title" [--out content/articles] [--outlet NAME] [--url URL]

Writes <out>/<slug of title>.md with front matter (title, today's date) ready to edit. Never
overwrites an existing file.`,
    options: { ...help, out: { type: "string" }, outlet: { type: "string" }, url: { type: "string" } },
    async run(values, positionals) {
      const { scaffoldArticle } = await import("./new.js");
      const title = positionals.join(" ").trim();
      if (!title) throw new UsageError('new needs a title: sitrep new "Title"');
      const outDir = (values.out as string | undefined) ?? join("content", "articles");
      const target = join(outDir, `${slugify(title)}.md`);
      if (existsSync(target)) {
        console.error(`sitrep: ${target} exists already`);
        return 1;
      }
      mkdirSync(outDir, { recursive: true });
      writeFileSync(target, scaffoldArticle(title, new Date(), values.outlet as string | undefined, values.url as string | undefined));
      console.log(target);
      return 0;
    },
  },
};

async function registryFor(contentDir: string | undefined): Promise<Registry> {
  const { loadRegistry, Registry } = await lazy.registry();
  const dir = contentDir ?? (existsSync("content") ? "content" : undefined);
  if (!dir) return new Registry();
  const loaded = loadRegistry(dir);
  printMessages(loaded.files, false);
  return loaded.registry;
}

/** Prints messages in file:line:col form to stderr; returns true when the run should fail. */
function printMessages(files: VFile[], strict: boolean): boolean {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      console.error(formatMessage(message, file.path));
      if (message.fatal) errors++;
      else warnings++;
    }
  }
  if (errors || warnings) console.error(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return errors > 0 || (strict && warnings > 0);
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return `sitrep — static news-briefing site generator

Usage: sitrep <command> [options]   (sitrep <command> --help for each)

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Exit codes: 0 ok, 1 content errors, 2 usage errors.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`sitrep: unknown command \`${name}\`\n\n${usage()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (values.help) {
      console.log(`Usage: ${command.usage}`);
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | undefined>, positionals);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`sitrep ${name}: ${(error as Error).message}\n\nUsage: ${command.usage}`);
      return 2;
    }
    throw error;
  }
}

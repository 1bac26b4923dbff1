/**
 * An extraction worker (see ./extract-all.ts). Receives the registry, then tasks (chunks of
 * articles); extracts each with the same code as the main thread, writes its cache entry, and
 * posts the payloads as JSON on its port, then bumps the shared signal so the main thread wakes.
 */
import { workerData, type MessagePort } from "node:worker_threads";

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

function post(message: unknown): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  const [{ VFile }, { createExtractor }, { Registry }, { extractOne }, { ExtractionCache }, { parentPort }] = await Promise.all([
    import("vfile"),
    import("../pipeline.js"),
    import("../registry.js"),
    import("./extract-all.js"),
    import("./cache.js"),
    import("node:worker_threads"),
  ]);
  type Msg = import("./extract-all.js").ToWorker;
  const extractors = new Map<string, ReturnType<typeof createExtractor>>();
  parentPort!.on("message", (msg: Msg) => {
    if (msg.type === "registry") {
      // Only the latest registry is ever asked for again (the main thread extracts one call at a time).
      if (!extractors.has(msg.hash)) {
        extractors.clear();
        extractors.set(msg.hash, createExtractor({ registry: new Registry(msg.entries) }));
      }
      return;
    }
    const extractor = extractors.get(msg.registry)!;
    const cache = msg.cacheDir ? new ExtractionCache(msg.cacheDir) : null;
    const results = msg.items.map(({ i, path, value, key }) => {
      try {
        const json = JSON.stringify(extractOne(extractor, new VFile({ path, value })));
        const mark = cache && key ? cache.set(key, json) : null;
        return { i, json, mark };
      } catch (error) {
        return { i, error: String((error as Error)?.stack ?? error) };
      }
    });
    post({ type: "done", task: msg.task, results });
  });
} catch (error) {
  post({ type: "fatal", error: String((error as Error)?.stack ?? error) });
}

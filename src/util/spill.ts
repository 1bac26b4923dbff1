/**
 * A map of strings that keeps at most `budget` bytes in memory and writes the rest to a temporary
 * file, read back when taken. The search feed (../site/search-index.ts `OrderedFeed`) parks the
 * pages that were rendered before their turn here: how many wait depends on the order Eleventy
 * renders in, and at 50,000 articles the pages held in memory outgrew the search thread's heap.
 *
 * Values are kept as UTF-8 bytes (a copy: the string they were cut from, often a whole page, is
 * not kept alive by them). The file only grows; it is removed by `close`.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface OnDisk {
  at: number;
  length: number;
}

export interface SpillStats {
  /** Most values waiting at once, and their bytes (in memory and on disk). */
  mostWaiting: number;
  mostWaitingBytes: number;
  /** Values that went to the file, and their bytes. */
  spilled: number;
  spilledBytes: number;
}

export class SpillMap {
  private readonly values = new Map<string, Buffer | OnDisk>();
  private held = 0;
  private waitingBytes = 0;
  private dir: string | null = null;
  private fd: number | null = null;
  private end = 0;
  readonly stats: SpillStats = { mostWaiting: 0, mostWaitingBytes: 0, spilled: 0, spilledBytes: 0 };

  constructor(private readonly budget: number) {}

  has(key: string): boolean {
    return this.values.has(key);
  }

  set(key: string, value: string): void {
    this.delete(key);
    const bytes = Buffer.from(value, "utf8");
    if (this.held + bytes.length <= this.budget) {
      this.values.set(key, bytes);
      this.held += bytes.length;
    } else {
      this.fd ??= openSync(join((this.dir = mkdtempSync(join(tmpdir(), "sitrep-spill-"))), "values"), "w+");
      writeSync(this.fd, bytes, 0, bytes.length, this.end);
      this.values.set(key, { at: this.end, length: bytes.length });
      this.end += bytes.length;
      this.stats.spilled++;
      this.stats.spilledBytes += bytes.length;
    }
    this.waitingBytes += bytes.length;
    this.stats.mostWaiting = Math.max(this.stats.mostWaiting, this.values.size);
    this.stats.mostWaitingBytes = Math.max(this.stats.mostWaitingBytes, this.waitingBytes);
  }

  /** The value (removed from the map), or undefined. */
  take(key: string): string | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    this.delete(key);
    if (Buffer.isBuffer(value)) return value.toString("utf8");
    const bytes = Buffer.allocUnsafe(value.length);
    for (let read = 0; read < value.length; ) read += readSync(this.fd!, bytes, read, value.length - read, value.at + read);
    return bytes.toString("utf8");
  }

  private delete(key: string): void {
    const value = this.values.get(key);
    if (value === undefined) return;
    this.values.delete(key);
    this.waitingBytes -= value.length;
    if (Buffer.isBuffer(value)) this.held -= value.length;
  }

  /** Removes the file (safe to call twice; the map is empty afterwards). */
  close(): void {
    this.values.clear();
    this.held = this.waitingBytes = 0;
    if (this.fd !== null) closeSync(this.fd);
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.fd = this.dir = null;
    this.end = 0;
  }
}

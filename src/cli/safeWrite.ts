/**
 * Writing the CLI's output files without ever losing a file (docs/board-pack.md, "Where the pack is written"):
 *
 * - the file is written to a temporary file beside the target and renamed into place only when it is
 *   complete and flushed, so Ctrl-C, a crash or a full disk leave the previous file as it was, and the
 *   temporary file is removed (one left by a killed run is removed by the next run);
 * - never over an input: compared by real path (symlinks resolved) and by device and inode (hard links);
 * - never over a file this tool did not write (recognised by the creator in its document
 *   properties) unless `--force`; never over a folder, device or pipe;
 * - `-` means standard output, refused when that is a terminal.
 */
import fs from "fs";
import path from "path";
import { randomBytes } from "crypto";
import { readEntryText, readZipDirectory } from "../intake/readers/zip";
import { showValue } from "../intake/safeText";

export class OutputError extends Error {
  override name = "OutputError";
}

/** The creator written in the document properties of every pack (src/xlsx/render.ts). */
export const PACK_CREATOR_PREFIX = "Care Trust Calculator";

export type OutTarget =
  | { kind: "stdout" }
  | {
      kind: "file";
      path: string;
      /** What is there now: nothing, a pack this tool wrote, or a file it did not write (only with --force). */
      existing: "none" | "ours" | "other";
    };

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/** The path a new file at `p` would have once links in its folder are resolved. */
function realTargetPath(p: string): string {
  const real = realOrNull(p);
  if (real) return real;
  const dir = realOrNull(path.dirname(p));
  return dir ? path.join(dir, path.basename(p)) : path.resolve(p);
}

/** Whether an existing file is a pack this tool wrote: an .xlsx whose document properties name it as creator. */
export async function isOwnPack(file: string): Promise<boolean> {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 512 * 1024 * 1024) return false;
    const bytes = fs.readFileSync(file);
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return false;
    const entries = readZipDirectory(bytes, "file");
    const core = entries.get("docProps/core.xml");
    if (!core || core.size > 1 << 20) return false;
    const xml = await readEntryText(bytes, core, "file");
    return new RegExp(`<dc:creator>${PACK_CREATOR_PREFIX} `).test(xml);
  } catch {
    return false;
  }
}

/**
 * Decides where the output goes, before any work is done: refuses an input, a folder or device, a
 * file the tool did not write (unless force), and a terminal as standard output.
 */
export async function checkOutTarget(out: string, inputs: readonly string[], options: { force: boolean; stdoutIsTerminal: boolean; what?: string }): Promise<OutTarget> {
  const shown = showValue(out, 200);
  if (out === "-") {
    if (options.stdoutIsTerminal)
      throw new OutputError(`--out - writes the pack (a binary .xlsx) to standard output, which is a terminal here: redirect it (--out - > pack.xlsx) or give a file name.`);
    return { kind: "stdout" };
  }
  const target = path.resolve(out);
  const realTarget = realTargetPath(target);
  let targetStat: fs.Stats | null = null;
  try {
    targetStat = fs.statSync(target);
  } catch {
    targetStat = null;
  }
  for (const input of inputs) {
    const realInput = realOrNull(input) ?? path.resolve(input);
    let same = realInput === realTarget || path.resolve(input) === target;
    if (!same && targetStat) {
      try {
        const s = fs.statSync(input);
        same = s.dev === targetStat.dev && s.ino === targetStat.ino;
      } catch {
        /* an input that does not exist is reported when it is read */
      }
    }
    if (same)
      throw new OutputError(
        path.resolve(input) === target
          ? `--out ${shown} is one of the input files: choose another file for the pack.`
          : `--out ${shown} is the same file as the input ${showValue(input, 200)} (through a link): choose another file for the pack.`,
      );
  }
  if (!targetStat) {
    try {
      if (fs.lstatSync(target).isSymbolicLink()) throw new OutputError(`--out ${shown} is a link to a file that does not exist: give a plain file name.`);
    } catch (e) {
      if (e instanceof OutputError) throw e;
    }
    return { kind: "file", path: target, existing: "none" };
  }
  if (targetStat.isDirectory()) throw new OutputError(`--out ${shown} is a folder: give a file name for the pack, e.g. ${showValue(path.join(out, "board-pack.xlsx"), 200)}.`);
  if (!targetStat.isFile()) throw new OutputError(`--out ${shown} is not a plain file (a device, pipe or socket): give a file name for the pack, or --out - for standard output.`);
  if (await isOwnPack(target)) return { kind: "file", path: target, existing: "ours" };
  if (!options.force)
    throw new OutputError(
      `--out ${shown} already exists and is not a pack this tool wrote, so it is not overwritten: choose another file name, or add --force to replace it.`,
    );
  return { kind: "file", path: target, existing: "other" };
}

const TEMP_MARK = ".caretrust-";

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files a killed run (kill -9, power cut) left beside `target`. */
export function removeStaleTemporaries(target: string): string[] {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}${TEMP_MARK}`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {
      /* not ours to worry about */
    }
  }
  return removed;
}

export interface AtomicWriteOptions {
  /** Bytes written per step (between steps Ctrl-C is handled). */
  chunkBytes?: number;
  /** Called after each chunk; for progress, and for tests that interrupt or fail a write part-way. */
  onChunk?: (written: number, total: number) => void | Promise<void>;
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Writes `data` to `target` through a temporary file beside it, renamed into place when complete.
 * On any failure (including Ctrl-C) the temporary file is removed and `target` is as it was.
 */
export async function writeFileAtomically(target: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeStaleTemporaries(target);
  const temp = tempNameFor(target);
  const cleanUp = () => {
    try {
      fs.unlinkSync(temp);
    } catch {
      /* already gone */
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.stderr.write(`\nStopped (${signal}): the pack was not written${fs.existsSync(target) ? `; ${showValue(target, 200)} is as it was` : ""}.\n`);
    process.exit(130);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(temp, "wx", 0o644);
    for (let at = 0; at < data.length; at += chunkBytes) {
      const chunk = data.subarray(at, Math.min(data.length, at + chunkBytes));
      await handle.write(chunk, 0, chunk.length);
      await options.onChunk?.(at + chunk.length, data.length);
    }
    await handle.sync();
    await handle.close();
    handle = null;
    fs.renameSync(temp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    cleanUp();
    const code = (e as NodeJS.ErrnoException).code;
    const kept = fs.existsSync(target) ? ` ${showValue(target, 200)} is as it was.` : "";
    if (code === "ENOSPC" || code === "EDQUOT") throw new OutputError(`The disk is full: the pack was not written.${kept} Free some space or write it elsewhere (--out).`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new OutputError(`Cannot write in ${showValue(path.dirname(target), 200)} (${code}): the pack was not written.${kept} Write it elsewhere (--out).`);
    if (e instanceof OutputError) throw e;
    throw new OutputError(`The pack could not be written (${code ?? (e as Error).message}).${kept}`);
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

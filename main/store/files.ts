/**
 * The only place that touches project files on disk. Reads decode strictly (a file that
 * is not UTF-8 is an error, not a string full of U+FFFD); writes are atomic: a temporary
 * file in the same folder, fsync, rename, then fsync of the folder, so a crash leaves
 * either the old file or the new one, never half of each.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FactmarkError } from '../../shared/errors.js';
import { strictUtf8 } from '../importers/decode.js';


export function ioError(file: string, error: unknown, doing: string): FactmarkError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new FactmarkError('NOT_FOUND', `${file} does not exist`, { file });
  const reason = error instanceof Error ? error.message : String(error);
  return new FactmarkError('IO_ERROR', `Could not ${doing} ${file}: ${reason}`, { file });
}

/** Decodes a project file's UTF-8 bytes, refusing invalid sequences. A leading BOM is dropped. */
export function decodeProjectFile(bytes: Uint8Array, file: string): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return strictUtf8(hasBom ? bytes.subarray(3) : bytes, file);
}

/*
 * Reads are synchronous on purpose. An asynchronous read of a small file costs about
 * ten times a synchronous one here (open, stat, read and close each a round trip through
 * the thread pool), and the JSON.parse that follows blocks the process anyway. Reading a
 * project of many short documents is dominated by that cost: with synchronous reads the
 * document list of 2,000 documents came in 2-3x faster and an export of them ran 1.3x
 * faster (bench/RESULTS.md). Writes stay asynchronous (and atomic).
 */

export async function readTextFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw ioError(file, error, 'read');
  }
  return decodeProjectFile(bytes, file);
}

export async function pathExists(file: string): Promise<boolean> {
  return existsSync(file);
}

/**
 * Writes `content` atomically. Returns false, writing nothing, when the file already
 * holds exactly that content: an unchanged layer does not touch the disk (or git).
 */
export async function writeFileAtomically(file: string, content: string): Promise<boolean> {
  try {
    const current = await fs.readFile(file, 'utf8');
    if (current === content) return false;
  } catch {
    // Missing or unreadable: write it.
  }
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true });
    await fsyncDirectory(path.dirname(file));
  } catch (error) {
    throw ioError(file, error, 'write');
  }
  return true;
}

/** Makes a rename durable. Not possible on Windows, where rename is durable enough. */
async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on platforms that cannot open folders: nothing more to do.
  } finally {
    await handle?.close();
  }
}

/** Names of the `*.json` files in `dir` (not the temporary files of an interrupted write). */
export async function listJsonFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(dir, error, 'list');
  }
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
}

export async function listSubfolders(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(dir, error, 'list');
  }
}

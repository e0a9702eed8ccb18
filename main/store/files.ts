/**
 * The only place that touches project files on disk. Reads decode strictly (a file that
 * is not UTF-8 is an error, not a string full of U+FFFD); writes are atomic: a temporary
 * file in the same folder, fsync, rename, then fsync of the folder, so a crash leaves
 * either the old file or the new one, never half of each.
 */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_PROJECT_FILE_BYTES } from '../../shared/limits.js';
import { strictUtf8 } from '../encoding/utf8.js';
import { errorCode, ioError } from './io-error.js';
import { readRegularFile, readRegularFileSync } from './regular-file.js';
import { replaceFile } from './replace-file.js';

export { ioError } from './io-error.js';

const PROJECT_FILE_LIMIT = { bytes: MAX_PROJECT_FILE_BYTES, takes: 'reads project files' };

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

/** A project file's bytes (a regular file, within the limit), or null when there is none. */
export function readProjectBytes(file: string): Buffer | null {
  try {
    return readRegularFileSync(file, PROJECT_FILE_LIMIT);
  } catch (error) {
    if (error instanceof FactmarkError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export async function readTextFile(file: string): Promise<string> {
  // Only a regular file is read (a FIFO put in a project folder would block the process).
  const bytes = readRegularFileSync(file, PROJECT_FILE_LIMIT);
  return decodeProjectFile(bytes, file);
}

/**
 * Whether something is at `file`. A folder that cannot be read is an error naming it,
 * not "nothing there": a project in it is not missing, it is locked.
 */
export async function pathExists(file: string): Promise<boolean> {
  try {
    statSync(file);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw ioError(file, error, 'read');
  }
}

/**
 * Creates `dir` and the folders above it that are missing. Not `mkdir -p`
 * (fs.mkdir's `recursive`): under /proc it never returns, since the parent exists
 * but the child can never be made, and libuv tries again for ever.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; ) {
    let stat;
    try {
      stat = await fs.stat(at);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw ioError(at, error, 'use the folder');
      missing.push(at);
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
      continue;
    }
    if (!stat.isDirectory()) throw new FactmarkError('IO_ERROR', `Could not create ${dir}: ${at} is a file, not a folder`, { file: at });
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      await fs.mkdir(folder);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      // ENOENT with the parent there: a file system that takes no new folders (/proc, /sys).
      if (code === 'ENOENT') throw new FactmarkError('IO_ERROR', `Could not create the folder ${folder}: ${path.dirname(folder)} does not take new folders`, { file: folder });
      throw ioError(folder, error, 'create the folder');
    }
  }
}

/**
 * Writes `content` atomically. Returns false, writing nothing, when the file already
 * holds exactly that content: an unchanged layer does not touch the disk (or git).
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<boolean> {
  try {
    const current = await readRegularFile(file, PROJECT_FILE_LIMIT);
    if (typeof content === 'string' ? current.toString('utf8') === content : current.equals(content)) return false;
  } catch {
    // Missing, unreadable or not a regular file: write it.
  }
  await makeFolder(path.dirname(file));
  try {
    await replaceFile(file, content);
    await fsyncDirectory(path.dirname(file));
  } catch (error) {
    // Written to a temporary file and renamed: a failure leaves the file as it was.
    throw ioError(file, error, 'write', { atomic: true });
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

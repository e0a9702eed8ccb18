/**
 * Writing an export to a file the user chose (`--out`, the desktop's save dialog): only
 * there, only as a regular file, and atomically. The target is checked first, so the
 * mistakes people make get a message naming the path instead of an error from deep in
 * a write; the export goes to a temporary file beside it, flushed to the disk and then
 * renamed over the target, so a failure half-way (a full disk, a document that cannot
 * be read) leaves whatever was at the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FactmarkError } from '../../shared/errors.js';
import { errorCode, ioError } from './io-error.js';
import { kindOf } from './regular-file.js';

/**
 * Refuses a target that is a folder or another non-regular file (a device, a pipe),
 * or whose folder is missing or is a file. A regular file there is replaced.
 */
export async function checkExportTarget(target: string): Promise<void> {
  const refuse = (why: string) => new FactmarkError('BAD_INPUT', `Cannot export to ${target}: ${why}`, { file: target });
  const stat = await fs.stat(target).catch((error: unknown) => {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw ioError(target, error, 'write');
  });
  if (stat?.isDirectory()) throw refuse(`it is a folder; give a file name, such as ${path.join(target, 'corpus.json')}`);
  if (stat && !stat.isFile()) throw refuse(`it is ${kindOf(stat)}, not a regular file${target.startsWith('/dev/') ? ' (leave out --out to write to standard output)' : ''}`);
  if (stat) return;
  // Nothing there: its folder must be a folder that exists. The nearest ancestor that
  // exists says which mistake it is.
  const folder = path.dirname(path.resolve(target));
  for (let at = folder; ; at = path.dirname(at)) {
    const found = await fs.stat(at).catch((error: unknown) => {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw ioError(at, error, 'use the folder');
    });
    if (found && !found.isDirectory()) throw refuse(`${at} is a file, not a folder`);
    if (found) {
      if (at !== folder) throw refuse(`the folder ${folder} does not exist`);
      return;
    }
    if (path.dirname(at) === at) throw refuse(`the folder ${folder} does not exist`);
  }
}

/**
 * Writes `pieces` to `file`, flushed to the disk before it closes (a network or
 * delayed-allocation disk may only report a full disk then). Errors name `shownAs`.
 * Returns the bytes written.
 */
export async function writeStreamed(file: string, pieces: AsyncIterable<string | Uint8Array>, shownAs: string, flags = 'w'): Promise<number> {
  // A generous buffer: encoding goes on while earlier pieces are still being written
  // (a document's piece is a few MB; the default 16 KB would wait on the disk each time).
  const out = createWriteStream(file, { flags, highWaterMark: 32 * 1024 * 1024, flush: true });
  try {
    // pipeline waits for the disk, and on a failure on either side (a document that
    // cannot be read, a full disk) stops both and lets the file close before it throws.
    await pipeline(pieces, out);
  } catch (error) {
    throw errorCode(error) ? ioError(shownAs, error, 'write', { atomic: true }) : error;
  }
  // Counted by the stream as it wrote; measuring each piece again would be one more
  // pass over every byte.
  return out.bytesWritten;
}

/**
 * Writes `pieces` to `target` atomically, after checkExportTarget. The temporary file
 * has a name of its own, created afresh (`wx`), so it never follows a link left there
 * nor collides with another export to the same target.
 */
export async function writeExportFile(target: string, pieces: AsyncIterable<string | Uint8Array>): Promise<number> {
  await checkExportTarget(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const bytes = await writeStreamed(temporary, pieces, target, 'wx');
    await fs.rename(temporary, target).catch((error: unknown) => {
      throw ioError(target, error, 'write', { atomic: true });
    });
    return bytes;
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

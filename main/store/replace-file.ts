/**
 * Replacing a file atomically: the new content goes to a temporary file beside it,
 * every byte of it, flushed to the disk, then renamed over the file. A crash or a full
 * disk leaves the old file whole.
 *
 * This replaces write-file-atomic, which writes with one write(2) call and does not
 * check how much was written: on a nearly full disk the kernel writes what fits and
 * returns the short count without an error, and write-file-atomic then renamed the
 * truncated file over the good one (a 200 KB document was saved as its first 124 KB on
 * a full disk, and the import reported success). FileHandle.writeFile writes until all
 * is written, so the next write fails with ENOSPC and nothing is renamed.
 */
import { randomBytes } from 'node:crypto';
import nodeFs, { promises as fs } from 'node:fs';
import { promisify } from 'node:util';

/** Writes to one file run one after the other, in the order asked (as write-file-atomic did). */
const queues = new Map<string, Promise<void>>();

export function replaceFile(file: string, content: string | Uint8Array): Promise<void> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(() => replace(file, content));
  const settled = next.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return next;
}

async function replace(file: string, content: string | Uint8Array): Promise<void> {
  // A link is followed: its target is replaced, the link stays.
  const target = await fs.realpath(file).catch(() => file);
  const existing = await fs.stat(target).catch(() => null);
  // Named as write-file-atomic named them (the file's name, a dot, a number), so a
  // leftover of a crash is recognised, and ignored, as before.
  const temporary = `${target}.${randomBytes(4).readUInt32BE(0)}`;
  const handle = await fs.open(temporary, 'wx', existing ? existing.mode & 0o777 : 0o666);
  let open = true;
  try {
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
    // The open mode went through the umask: the old file's mode is kept exactly.
    if (existing) await handle.chmod(existing.mode & 0o7777);
    // As root, a file keeps its owner (a project shared between users).
    if (existing && process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    await handle.sync();
    open = false;
    await handle.close();
    // Through fs.rename looked up now, so a test can stop the process at this very
    // moment (tests/fixtures/crash-during-write.ts).
    await promisify(nodeFs.rename)(temporary, target);
  } catch (error) {
    if (open) await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A lock on one project file that holds across processes: two browser-mode servers, the
 * desktop app and the CLI may all write the same layer, and a save must be able to say
 * "the file is still the version I was given" and then replace it, with nobody else
 * writing in between. POSIX has no compare-and-rename, so the check and the write happen
 * while `<file>.lock` exists, created with O_EXCL (one creator wins, on every local file
 * system and on NFSv3+).
 *
 * A process killed while it holds the lock leaves the file behind. It is taken over when
 * its owner is shown to be gone: a process of this machine that no longer runs, or a lock
 * older than STALE_MS (a write takes milliseconds; an owner on another machine, or a pid
 * reused since, is judged by age alone).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { FactmarkError } from '../../shared/errors.js';

export const LOCK_SUFFIX = '.lock';
/** A lock this old is an abandoned one, whoever holds it. */
export const STALE_MS = 30_000;
/** How long a writer waits for another's lock before giving up with a clear message. */
export const WAIT_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** When it was taken (ms since the epoch). */
  at: number;
  /** Tells this holder from any other, including a later one with the same pid. */
  nonce: string;
}

/** Runs `work` while holding the lock on `file`; the lock goes when it ends, however it ends. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: { waitMs?: number; staleMs?: number } = {}): Promise<T> {
  const lock = `${file}${LOCK_SUFFIX}`;
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), at: Date.now(), nonce: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lock, owner)) break;
    const found = await readLock(lock);
    if (found.kind === 'gone') continue; // released between our attempt and the read: try again at once
    if (isAbandoned(found, Date.now(), options.staleMs)) {
      await takeOver(lock, found);
      continue;
    }
    if (Date.now() > deadline) {
      throw new FactmarkError('IO_ERROR', `${file} is being written by another program (${describe(found)}); try again in a moment`, { file });
    }
    // Writes are short: poll briskly, a little slower as the wait grows.
    await sleep(Math.min(5 + attempt * 5, 50));
  }
  try {
    return await work();
  } finally {
    await release(lock, owner);
  }
}

/** What a lock file says: its owner, nothing readable (yet), or that there is none. */
export type LockState = { kind: 'owner'; owner: LockOwner } | { kind: 'unreadable'; ageMs: number } | { kind: 'gone' };

/**
 * Whether a lock's owner is gone: a dead process of this machine, or too old. `staleMs`:
 * how old is too old, for locks held longer than a write (a sync's, held for a download).
 */
export function isAbandoned(found: LockState, nowMs: number, staleMs = STALE_MS): boolean {
  if (found.kind === 'gone') return false;
  // Empty or half-written: its creator is writing it this very moment, or died before it
  // could. A second is far longer than writing a few bytes takes.
  if (found.kind === 'unreadable') return found.ageMs > 1000;
  const { owner } = found;
  if (nowMs - owner.at > staleMs) return true;
  return owner.host === os.hostname() && !processRuns(owner.pid);
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(lock: string, owner: LockOwner): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    const file = lock.slice(0, -LOCK_SUFFIX.length);
    throw new FactmarkError('IO_ERROR', `Could not lock ${file} for writing: ${(error as Error).message}`, { file });
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

export async function readLock(lock: string): Promise<LockState> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock).then((stat) => stat.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    if (value && typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.at === 'number' && typeof value.nonce === 'string') {
      return { kind: 'owner', owner: { pid: value.pid, host: value.host, at: value.at, nonce: value.nonce } };
    }
  } catch {
    // not JSON (yet): see below
  }
  return { kind: 'unreadable', ageMs: Date.now() - mtimeMs };
}

/**
 * Removes an abandoned lock. Two writers may judge the same lock abandoned; moving it
 * aside first means only one of them removes it, and one that moved a lock other than
 * the one it judged (a new holder's, created in between) puts it back.
 */
async function takeOver(lock: string, judged: LockState): Promise<void> {
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLock(aside);
  const live = moved.kind === 'owner' && (judged.kind !== 'owner' || moved.owner.nonce !== judged.owner.nonce);
  // A live lock goes back where it was, unless its holder has already let it go.
  if (live) await fs.link(aside, lock).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function release(lock: string, owner: LockOwner): Promise<void> {
  // Only our own: if ours was taken over as abandoned (this process was stopped for half
  // a minute), the lock there now is someone else's.
  const found = await readLock(lock).catch((): LockState => ({ kind: 'gone' }));
  if (found.kind === 'owner' && found.owner.nonce !== owner.nonce) return;
  await fs.rm(lock, { force: true });
}

function describe(found: LockState): string {
  if (found.kind !== 'owner') return 'an unfinished write';
  return `process ${found.owner.pid} on ${found.owner.host}, since ${new Date(found.owner.at).toISOString()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What an interrupted save leaves in a project folder, found for `validate` and cleared
 * away when a project is opened.
 *
 * Saves are atomic (files.ts): replace-file.ts writes `<file>.json.<uint32>` beside
 * the file, fsyncs it and renames it over `<file>.json`. A process killed before the
 * rename (a crash, SIGKILL, a power cut) leaves that temporary file behind. The real file
 * is intact, and the temporary file's content was never acknowledged to anyone, so it is
 * safe to delete. A save's lock, `<file>.json.lock`, can be left the same way; whether a
 * lock is stale is for the lock's own code to decide (it knows the holder's pid and host),
 * so locks are only reported here, never removed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ioError, listSubfolders } from './files.js';
import { checkedAnnotator, type ProjectLayout } from './layout.js';

/**
 * The atomic write's temporary name (replace-file.ts, named as write-file-atomic named
 * them): the file name, a dot and a uint32 in decimal (at most 10 digits). Nothing else of
 * ours looks like it, and a user's own file is unlikely to.
 */
export const TEMPORARY_FILE = /^.+\.json\.\d{1,10}$/;
export const LOCK_FILE = /^.+\.json\.lock$/;

/**
 * How old a temporary file must be before opening a project removes it.
 *
 * A temporary file may belong to a save still under way in another process: the CLI
 * importing into the project, a second window, a colleague's machine on a shared drive.
 * Its name cannot say whose it is (it is a random number),
 * and a file open in a process on another machine cannot be seen from here at all. So
 * age decides. A save touches its temporary file's mtime with every write and renames it
 * right after an fsync: a file not modified for a minute is not being saved. Deleting
 * one that was (an fsync stuck longer than that, or a file server whose clock lags ours
 * by more) loses nothing acknowledged: that writer's rename fails, it reports the save
 * as failed, and the app retries it (the CLI says so). A file dated in the future (a
 * clock ahead of ours) is kept until it ages.
 */
export const TEMPORARY_GRACE_MS = 60_000;

export type LeftoverKind = 'temporary' | 'lock';

export interface Leftover {
  kind: LeftoverKind;
  /** Relative to the project folder, as validate names files. */
  file: string;
  /** Absolute. */
  path: string;
  mtimeMs: number;
}

/** The folders a save writes into: the root, documents/ and each annotator's folder. */
async function savedFolders(layout: ProjectLayout): Promise<string[]> {
  const annotators = (await listSubfolders(layout.annotationsDir)).filter((name) => {
    try {
      checkedAnnotator(name);
      return true;
    } catch {
      return false; // Factmark never saves into a folder that is not an annotator's
    }
  });
  return [layout.root, layout.documentsDir, ...annotators.map((name) => layout.annotatorDir(name))];
}

function kindOf(name: string): LeftoverKind | null {
  if (LOCK_FILE.test(name)) return 'lock';
  if (TEMPORARY_FILE.test(name)) return 'temporary';
  return null;
}

/** Every temporary and lock file in the folders a save writes into, in folder order. */
export async function findLeftovers(layout: ProjectLayout): Promise<Leftover[]> {
  const found: Leftover[] = [];
  for (const folder of await savedFolders(layout)) {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // no documents/ yet
      throw ioError(folder, error, 'list');
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const kind = entry.isFile() ? kindOf(entry.name) : null;
      if (!kind) continue;
      const file = path.join(folder, entry.name);
      try {
        const { mtimeMs } = await fs.lstat(file);
        found.push({ kind, file: layout.relative(file), path: file, mtimeMs });
      } catch {
        // Gone since the listing: its save has just finished (renamed) or given up.
      }
    }
  }
  return found;
}

/** What validate says about a leftover. */
export function describeLeftover(leftover: Leftover): string {
  return leftover.kind === 'temporary'
    ? 'temporary file left by an interrupted save; safe to delete (that save never completed, and Factmark removes such files when it opens the project)'
    : 'lock file left by an interrupted save; safe to delete when no Factmark is saving into this project';
}

export interface LeftoverCleanup {
  /** Temporary files deleted. */
  removed: Leftover[];
  /** Left in place: lock files, and temporary files too young or that could not be deleted. */
  kept: Leftover[];
}

/**
 * Deletes the temporary files older than `graceMs` (see TEMPORARY_GRACE_MS). Never
 * fails because of one file: a read-only project still opens, with its leftovers kept.
 */
export async function removeStaleTemporaryFiles(layout: ProjectLayout, { now = Date.now(), graceMs = TEMPORARY_GRACE_MS } = {}): Promise<LeftoverCleanup> {
  const result: LeftoverCleanup = { removed: [], kept: [] };
  for (const leftover of await findLeftovers(layout)) {
    if (leftover.kind !== 'temporary' || now - leftover.mtimeMs <= graceMs) {
      result.kept.push(leftover);
      continue;
    }
    try {
      await fs.unlink(leftover.path);
      result.removed.push(leftover);
    } catch (error) {
      // ENOENT: another process opening the project removed it first. Anything else
      // (a read-only folder): keep it; validate will list it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') result.removed.push(leftover);
      else result.kept.push(leftover);
    }
  }
  return result;
}

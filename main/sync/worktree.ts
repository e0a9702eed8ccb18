/**
 * Bringing what a sync received into the project folder, while the app may be saving
 * into it. Each file is replaced under the same lock every save takes (store/file-lock.ts)
 * and only if it is still the version the sync started from, compare-and-swap, as a save
 * is. A file saved since (the analyst tagged while the sync ran) is not overwritten: the
 * received version is merged into it (corpus-merge.ts, with the newer local edit winning
 * where both changed the same thing), and it goes out with the next sync. And the app's
 * save that comes after the sync's write meets a version it did not read, is refused as a
 * conflict, and the window merges its unsaved changes on top (annotate/layer-editor.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import { mergeCorpusFiles } from '../../shared/merge/corpus-merge.js';
import { withFileLock } from '../store/file-lock.js';
import { ioError, makeFolder, readProjectBytes, writeFileAtomically } from '../store/files.js';
import type { Repo } from './repo.js';
import { readBlob } from './trees.js';

/** One file the sync changes: from the blob the last commit had to the merged one (null: none). */
export interface WorkingChange {
  path: string;
  from: string | null;
  to: string | null;
}

export interface WorkingTreeUpdate {
  /** Files written or removed as received. */
  written: number;
  /** Files changed here meanwhile, merged with what was received (they go out next time). */
  mergedLocally: string[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export async function updateWorkingTree(repo: Repo, changes: readonly WorkingChange[]): Promise<WorkingTreeUpdate> {
  const result: WorkingTreeUpdate = { written: 0, mergedLocally: [] };
  const exact: string[] = [];
  const removed: string[] = [];
  for (const change of changes) {
    const file = path.join(repo.dir, ...change.path.split('/'));
    await makeFolder(path.dirname(file));
    await withFileLock(file, async () => {
      const current = readProjectBytes(file);
      const currentOid = current ? (await git.hashBlob({ object: current })).oid : null;
      if (currentOid === change.to) return exact.push(change.path);
      if (currentOid === change.from) {
        await put(repo, file, change.to);
        result.written++;
        return change.to === null ? removed.push(change.path) : exact.push(change.path);
      }
      // Changed here since the sync committed: both versions are kept, merged.
      const text = async (oid: string | null) => (oid ? decoder.decode(await readBlob(repo, oid)) : null);
      const merged = mergeCorpusFiles([{ path: change.path, base: await text(change.from), ours: current ? decoder.decode(current) : null, theirs: await text(change.to) }]);
      // Whatever the two versions disagree on, the edit made here is the newer: it stays.
      const resolutions = Object.fromEntries(merged.conflicts.map((conflict) => [conflict.id, 'ours' as const]));
      const final = merged.conflicts.length ? mergeCorpusFiles([{ path: change.path, base: await text(change.from), ours: current ? decoder.decode(current) : null, theirs: await text(change.to) }], { resolutions }) : merged;
      const content = final.files[0]?.text ?? null;
      if (content === null) await fs.rm(file, { force: true });
      else await writeFileAtomically(file, content);
      result.mergedLocally.push(change.path);
      return undefined;
    });
  }
  await recordInIndex(repo, exact, removed, changes);
  return result;
}

async function put(repo: Repo, file: string, oid: string | null): Promise<void> {
  if (oid === null) {
    await fs.rm(file, { force: true }).catch((error: unknown) => {
      throw ioError(file, error, 'remove');
    });
    return;
  }
  // The bytes as they are: a file the sync does not understand (an image) is not re-encoded.
  await writeFileAtomically(file, await readBlob(repo, oid));
}

/**
 * The index learns the files as they now are, so that the next look at the folder
 * (commit.ts) need not read them again. A file merged here is recorded as received: the
 * difference is the local edit, still to be committed.
 */
async function recordInIndex(repo: Repo, exact: string[], removed: string[], changes: readonly WorkingChange[]): Promise<void> {
  const base = { fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
  if (exact.length) await git.add({ ...base, filepath: exact, force: true });
  for (const filepath of removed) await git.updateIndex({ ...base, filepath, remove: true, force: true });
  const done = new Set([...exact, ...removed]);
  for (const change of changes) {
    if (done.has(change.path)) continue;
    if (change.to === null) await git.updateIndex({ ...base, filepath: change.path, remove: true, force: true });
    else await git.updateIndex({ ...base, filepath: change.path, oid: change.to, add: true });
  }
}

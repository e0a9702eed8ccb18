/**
 * Git trees, read and written directly: what differs between two commits' trees (only
 * the folders whose tree ids differ are opened, so a 2,000-document project with one
 * changed layer reads three small trees, not 4,000 entries), and a new tree made from
 * an old one with some files replaced. The merge (merge.ts) and the commit of local
 * changes work on these instead of an index, so git never touches a file's content.
 */
import * as git from 'isomorphic-git';
import { FactmarkError } from '../../shared/errors.js';
import type { Repo } from './repo.js';

const FILE_MODE = '100644';
const TREE_MODE = '040000';

interface Entry {
  mode: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

/** One path whose file differs between ours and theirs, with its blob in each (null: none). */
export interface PathSides {
  path: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
}

export async function treeOf(repo: Repo, commit: string): Promise<string> {
  const { commit: object } = await git.readCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: commit, cache: repo.cache });
  return object.tree;
}

async function entries(repo: Repo, tree: string | null): Promise<Map<string, Entry>> {
  if (!tree) return new Map();
  const { tree: items } = await git.readTree({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: tree, cache: repo.cache });
  return new Map(items.map((item) => [item.path, { mode: item.mode, oid: item.oid, type: item.type }]));
}

/**
 * Every file path at which ours and theirs differ, with the base's, ours' and theirs'
 * blobs. Folders whose trees are the same in ours and theirs are not opened.
 */
export async function differingPaths(repo: Repo, base: string | null, ours: string, theirs: string): Promise<PathSides[]> {
  const found: PathSides[] = [];
  const visit = async (prefix: string, b: string | null, o: string | null, t: string | null): Promise<void> => {
    if (o === t) return;
    const [be, oe, te] = await Promise.all([entries(repo, b), entries(repo, o), entries(repo, t)]);
    for (const name of new Set([...oe.keys(), ...te.keys()])) {
      const [x, y, z] = [be.get(name), oe.get(name), te.get(name)];
      if (y?.oid === z?.oid) continue;
      const path = `${prefix}${name}`;
      const folder = (entry: Entry | undefined) => entry?.type === 'tree';
      if (folder(y) || folder(z)) {
        // A folder on one side and a file on the other cannot be merged by meaning.
        if ((y && !folder(y)) || (z && !folder(z))) throw new FactmarkError('REMOTE', `${path} is a folder on one side and a file on the other; rename one of them by hand`);
        await visit(`${path}/`, folder(x) ? (x?.oid ?? null) : null, y?.oid ?? null, z?.oid ?? null);
        continue;
      }
      if (y?.type === 'commit' || z?.type === 'commit') throw new FactmarkError('REMOTE', `${path} is a git submodule; Factmark syncs only plain files`);
      found.push({ path, base: x && x.type === 'blob' ? x.oid : null, ours: y?.oid ?? null, theirs: z?.oid ?? null });
    }
  };
  await visit('', base, ours, theirs);
  return found;
}

/** A file's content in the object store. */
export async function readBlob(repo: Repo, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.cache })).blob;
}

export async function writeBlob(repo: Repo, content: Uint8Array): Promise<string> {
  return git.writeBlob({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, blob: content });
}

/**
 * A new tree: `tree` (null: empty) with the files in `changes` set to the given blobs, or
 * removed (null). Only the folders on the changed paths are read and written again;
 * folders left empty go.
 */
export async function replaceInTree(repo: Repo, tree: string | null, changes: ReadonlyMap<string, string | null>): Promise<string> {
  const build = async (current: string | null, prefix: string, here: [string, string | null][]): Promise<string | null> => {
    const items = await entries(repo, current);
    const below = new Map<string, [string, string | null][]>();
    for (const [rest, oid] of here) {
      const slash = rest.indexOf('/');
      if (slash < 0) {
        if (oid === null) items.delete(rest);
        else items.set(rest, { mode: FILE_MODE, oid, type: 'blob' });
        continue;
      }
      const folder = rest.slice(0, slash);
      below.set(folder, [...(below.get(folder) ?? []), [rest.slice(slash + 1), oid]]);
    }
    for (const [folder, changed] of below) {
      const existing = items.get(folder);
      const oid = await build(existing?.type === 'tree' ? existing.oid : null, `${prefix}${folder}/`, changed);
      if (oid === null) items.delete(folder);
      else items.set(folder, { mode: TREE_MODE, oid, type: 'tree' });
    }
    if (items.size === 0) return prefix === '' ? writeTree(repo, []) : null;
    return writeTree(repo, [...items].map(([path, entry]) => ({ path, ...entry })));
  };
  return (await build(tree, '', [...changes])) as string;
}

async function writeTree(repo: Repo, items: { path: string; mode: string; oid: string; type: Entry['type'] }[]): Promise<string> {
  return git.writeTree({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, tree: items });
}

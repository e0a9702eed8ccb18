/**
 * Merging the remote's commit into ours, by meaning (shared/merge/corpus-merge.ts), never
 * through git's line merge: only the paths where the two trees differ are read, merged,
 * and written as a new tree; the commit has both as parents, so git and the host see an
 * ordinary merge. When ours has nothing the remote lacks and every file the remote
 * changed is one Factmark can read, this is a fast-forward: no merge commit at all.
 *
 * Nothing is written to the working tree here (worktree.ts does that): with conflicts
 * left for a person to decide, nothing at all changes.
 */
import * as git from 'isomorphic-git';
import type { SyncChoice, SyncConflict } from '../../shared/api.js';
import { mergeCorpusFiles, type FileSides } from '../../shared/merge/corpus-merge.js';
import type { Author } from './commit.js';
import type { Repo } from './repo.js';
import { differingPaths, readBlob, replaceInTree, treeOf, writeBlob, type PathSides } from './trees.js';
import type { WorkingChange } from './worktree.js';

export type MergeOutcome =
  | { kind: 'nothing' }
  | { kind: 'conflicts'; conflicts: SyncConflict[]; notes: string[] }
  | { kind: 'merged'; commit: string; changes: WorkingChange[]; notes: string[]; resolved: number };

export interface MergeOptions {
  resolutions: Readonly<Record<string, SyncChoice>>;
  /** Who the remote's side is, for the notes ("bob's version"). */
  theirsName: string;
  author: Author;
  when: Date;
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();
const MANIFEST = 'factmark.json';

export async function mergeRemote(repo: Repo, ours: string | null, theirs: string, options: MergeOptions): Promise<MergeOutcome> {
  if (ours === theirs) return { kind: 'nothing' };
  if (ours && (await isAncestor(repo, theirs, ours))) return { kind: 'nothing' };
  const [base] = ours ? await git.findMergeBase({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oids: [ours, theirs], cache: repo.cache }) : [];
  const [baseTree, oursTree, theirsTree] = await Promise.all([base ? treeOf(repo, base) : null, ours ? treeOf(repo, ours) : null, treeOf(repo, theirs)]);
  const emptyTree = oursTree ?? (await replaceInTree(repo, null, new Map()));
  const paths = await differingPaths(repo, baseTree, emptyTree, theirsTree);
  // The label schema is always at hand: a rename on one side decides what the other side's spans become.
  if (!paths.some((entry) => entry.path === MANIFEST)) {
    const oid = (tree: string | null) => (tree ? blobIn(repo, tree, MANIFEST) : Promise.resolve(null));
    const [b, o, t] = await Promise.all([oid(baseTree), oid(oursTree), oid(theirsTree)]);
    if (o !== null) paths.push({ path: MANIFEST, base: b, ours: o, theirs: t });
  }
  const files = await Promise.all(paths.map((entry) => sidesOf(repo, entry)));
  const merged = mergeCorpusFiles(files, { resolutions: options.resolutions, theirsName: options.theirsName });
  if (merged.conflicts.length) return { kind: 'conflicts', conflicts: merged.conflicts, notes: merged.notes };

  const byPath = new Map(paths.map((entry) => [entry.path, entry]));
  const texts = new Map(files.map((file) => [file.path, file]));
  const toTree = new Map<string, string | null>();
  const changes: WorkingChange[] = [];
  for (const file of merged.files) {
    const sides = byPath.get(file.path) as PathSides;
    const known = texts.get(file.path) as FileSides;
    // A side's own text is that side's blob, byte for byte; anything else is a new blob.
    const oid = file.text === null ? null : file.text === known.ours ? sides.ours : file.text === known.theirs ? sides.theirs : await writeBlob(repo, encoder.encode(file.text));
    if (oid === sides.ours) continue;
    toTree.set(file.path, oid);
    changes.push({ path: file.path, from: sides.ours, to: oid });
  }
  const tree = await replaceInTree(repo, oursTree, toTree);
  if (tree === theirsTree && (!ours || (await isAncestor(repo, ours, theirs)))) {
    return { kind: 'merged', commit: theirs, changes, notes: merged.notes, resolved: merged.resolved };
  }
  const signature = { name: options.author.name, email: options.author.email, timestamp: Math.floor(options.when.getTime() / 1000), timezoneOffset: options.when.getTimezoneOffset() };
  const lines = [`${options.author.name}: merged ${options.theirsName}'s changes`, ...(merged.notes.length ? ['', ...merged.notes.map((note) => `- ${note}`)] : [])];
  const commit = await git.writeCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, commit: { message: `${lines.join('\n')}\n`, tree, parent: ours ? [ours, theirs] : [theirs], author: signature, committer: signature } });
  return { kind: 'merged', commit, changes, notes: merged.notes, resolved: merged.resolved };
}

async function sidesOf(repo: Repo, entry: PathSides): Promise<FileSides> {
  const text = async (oid: string | null) => (oid ? decoder.decode(await readBlob(repo, oid)) : null);
  const [base, ours, theirs] = await Promise.all([text(entry.base), text(entry.ours), text(entry.theirs)]);
  return { path: entry.path, base, ours, theirs };
}

async function blobIn(repo: Repo, tree: string, name: string): Promise<string | null> {
  const { tree: items } = await git.readTree({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: tree, cache: repo.cache });
  return items.find((item) => item.path === name && item.type === 'blob')?.oid ?? null;
}

/** Whether `ancestor` is `commit` or in its history. */
export async function isAncestor(repo: Repo, ancestor: string, commit: string): Promise<boolean> {
  if (ancestor === commit) return true;
  return git.isDescendent({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: commit, ancestor, depth: -1, cache: repo.cache });
}

/**
 * A project folder as a git repository, through isomorphic-git (docs/sync.md says why
 * that library): the working tree is the project folder, `.git` inside it. One cache of
 * parsed git objects per sync, as isomorphic-git recommends, so that a tree or pack read
 * once is not read again within it.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';

export const REMOTE = 'origin';

export interface Repo {
  /** The project folder: the working tree. */
  dir: string;
  gitdir: string;
  /** isomorphic-git's object cache, for the length of one operation. */
  cache: object;
  fs: typeof fs;
}

export function repoAt(dir: string): Repo {
  return { dir, gitdir: path.join(dir, '.git'), cache: {}, fs };
}

/** Whether the project folder is a repository of its own (its own `.git`, a folder or a worktree's file). */
export function isRepository(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.git', 'HEAD')) || isGitFile(path.join(dir, '.git'));
}

function isGitFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The repository a folder is inside, if it is not its own: a project kept in a larger repository. */
export function enclosingRepository(dir: string): string | null {
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return null;
  }
}

/** The branch HEAD names (even before its first commit), or null when HEAD is detached. */
export async function currentBranch(repo: Repo): Promise<string | null> {
  const branch = await git.currentBranch({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, fullname: false });
  return typeof branch === 'string' ? branch : null;
}

/** The commit a ref points at, or null when it does not exist (a branch before its first commit). */
export async function resolve(repo: Repo, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return null;
    throw error;
  }
}

export async function remoteUrl(repo: Repo): Promise<string | null> {
  const remotes = await git.listRemotes({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir });
  return remotes.find((remote) => remote.remote === REMOTE)?.url ?? null;
}

/** Remote-tracking ref of a branch: where the remote's branch was at the last fetch. */
export function trackingRef(branch: string): string {
  return `refs/remotes/${REMOTE}/${branch}`;
}

/**
 * What changed in the project folder since the last commit, fast enough for a sync of a
 * 2,000-document project to take well under its 2 s budget (bench/sync.ts).
 *
 * isomorphic-git's statusMatrix does this through the git index with asynchronous file
 * calls, one trip through the thread pool per stat and read: about a second for 4,000
 * files here, every sync. The project's reads are synchronous for the same reason
 * (store/files.ts). So: the folder is listed and stat'ed synchronously, and each file's
 * blob id is remembered with its size, times and inode in `.git/factmark-stat-cache.json`
 * (git's own trick, outside git's index): a file whose stat has not moved is not read
 * again. A file modified within two seconds of the cache being written is read anyway,
 * since its time alone cannot tell a later write in the same tick ("racy git").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import { z } from 'zod';
import { writeFileAtomically } from '../store/files.js';
import type { Repo } from './repo.js';

const CACHE_FILE = 'factmark-stat-cache.json';
const RACY_MS = 2000;

const StatCache = z.object({
  version: z.literal(1),
  /** When the cache was written (ms): files modified after (or just before) are read again. */
  written: z.number(),
  /** path -> [size, mtimeMs, ctimeMs, ino, blob id] */
  files: z.record(z.string(), z.tuple([z.number(), z.number(), z.number(), z.number(), z.string()])),
});
type StatCache = z.infer<typeof StatCache>;

/** git's blob id of some bytes: sha1 of "blob <length>\0" and the bytes. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Every file of a commit's tree, path -> blob id; remembered per tree (a tree never changes). */
const flattened = new Map<string, Map<string, string>>();

export async function filesOf(repo: Repo, tree: string | null): Promise<Map<string, string>> {
  if (!tree) return new Map();
  const known = flattened.get(tree);
  if (known) return known;
  const files = new Map<string, string>();
  const visit = async (oid: string, prefix: string): Promise<void> => {
    const { tree: entries } = await git.readTree({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.cache });
    for (const entry of entries) {
      if (entry.type === 'tree') await visit(entry.oid, `${prefix}${entry.path}/`);
      else if (entry.type === 'blob' && entry.mode !== '120000') files.set(`${prefix}${entry.path}`, entry.oid);
    }
  };
  await visit(tree, '');
  if (flattened.size > 8) flattened.clear();
  flattened.set(tree, files);
  return files;
}

function readCache(gitdir: string): StatCache {
  try {
    const parsed = StatCache.safeParse(JSON.parse(readFileSync(path.join(gitdir, CACHE_FILE), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // None yet, or unreadable: every file is read once, and the cache made again.
  }
  return { version: 1, written: 0, files: {} };
}

/** Every regular file under the working tree but .git, with its stat; sorted paths with `/`. */
function listWorkingTree(dir: string, include: (filepath: string) => boolean): Map<string, Stats> {
  const found = new Map<string, Stats>();
  const walk = (folder: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // removed meanwhile, or unreadable: what is in it is not seen now
    }
    for (const entry of entries) {
      const filepath = `${prefix}${entry.name}`;
      if (filepath === '.git') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, `${filepath}/`);
      else if (entry.isFile() && include(filepath)) {
        try {
          found.set(filepath, lstatSync(full));
        } catch {
          // gone between the listing and the stat
        }
      }
    }
  };
  walk(dir, '');
  return found;
}

/**
 * Files that differ from the tree `head` (null: no commit yet): path -> true when it is
 * there now (added or changed), false when it was deleted. Untracked files that
 * .gitignore names are not changes; `include` leaves out what a sync must never commit.
 */
export async function changedFiles(repo: Repo, headTree: string | null, include: (filepath: string) => boolean): Promise<Map<string, boolean>> {
  const [committed, cache] = [await filesOf(repo, headTree), readCache(repo.gitdir)];
  const started = Date.now();
  const onDisk = listWorkingTree(repo.dir, include);
  const next: StatCache = { version: 1, written: started, files: {} };
  let cacheChanged = false;
  const changes = new Map<string, boolean>();
  for (const [filepath, stat] of onDisk) {
    const remembered = cache.files[filepath];
    const fresh = remembered && remembered[0] === stat.size && remembered[1] === stat.mtimeMs && remembered[2] === stat.ctimeMs && remembered[3] === stat.ino && stat.mtimeMs < cache.written - RACY_MS;
    let oid = fresh ? remembered[4] : null;
    if (!oid) {
      try {
        oid = blobId(readFileSync(path.join(repo.dir, ...filepath.split('/'))));
      } catch {
        continue; // gone since it was listed: the next sync sees it
      }
      cacheChanged = true;
    }
    next.files[filepath] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, oid];
    const before = committed.get(filepath);
    if (before === oid) continue;
    if (before === undefined && (await git.isIgnored({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath }))) continue;
    changes.set(filepath, true);
  }
  for (const filepath of committed.keys()) if (!onDisk.has(filepath) && include(filepath)) changes.set(filepath, false);
  if (cacheChanged || Object.keys(cache.files).length !== Object.keys(next.files).length) {
    await writeFileAtomically(path.join(repo.gitdir, CACHE_FILE), JSON.stringify(next)).catch(() => undefined);
  }
  return changes;
}

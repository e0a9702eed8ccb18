/**
 * Where a project stands with its remote, from what is on disk alone (the app asks every
 * few seconds; nothing here touches the network): the remote, the branch, where the
 * token comes from, how many commits each side has that the other lacks as of the last
 * fetch, and what the last sync did (state.ts).
 */
import * as git from 'isomorphic-git';
import type { SyncStatus } from '../../shared/api.js';
import type { CredentialStore } from './credentials.js';
import { currentBranch, isRepository, remoteUrl, repoAt, resolve, trackingRef, type Repo } from './repo.js';
import { readSyncState, stateConflicts, stateError } from './state.js';

/** Counting stops here: "999+" is as useful as an exact thousand. */
const COUNT_LIMIT = 1000;

/** The status of no repository: nothing to sync with. */
export function noSyncStatus(syncing = false): SyncStatus {
  return { repository: false, remote: null, branch: null, token: null, ahead: 0, behind: 0, lastSync: null, lastAttempt: null, offline: false, error: null, conflicts: [], syncing };
}

export async function syncStatus(dir: string, credentials: CredentialStore | null, syncing: boolean): Promise<SyncStatus> {
  const none = noSyncStatus(syncing);
  if (!isRepository(dir)) return none;
  const repo = repoAt(dir);
  const [remote, branch, state] = await Promise.all([remoteUrl(repo), currentBranch(repo), readSyncState(repo.gitdir)]);
  const [head, tracking] = await Promise.all([resolve(repo, 'HEAD'), branch ? resolve(repo, trackingRef(branch)) : null]);
  const { ahead, behind } = await aheadBehind(repo, head, tracking);
  return {
    ...none,
    repository: true,
    remote,
    branch,
    token: remote ? (credentials?.source(remote) ?? null) : null,
    ahead,
    behind,
    lastSync: state.lastSync,
    lastAttempt: state.lastAttempt,
    offline: state.offline,
    error: stateError(state),
    conflicts: stateConflicts(state),
  };
}

const counted = new Map<string, { ahead: number; behind: number }>();

/**
 * Commits reachable from one tip and not the other, walking both histories newest first
 * until everything left to walk is shared (as git's own ahead/behind count does).
 * Remembered per pair of tips: they change only when a sync or a commit moves them.
 */
export async function aheadBehind(repo: Repo, head: string | null, remote: string | null): Promise<{ ahead: number; behind: number }> {
  if (head === remote) return { ahead: 0, behind: 0 };
  const key = `${head}:${remote}`;
  const known = counted.get(key);
  if (known) return known;
  const HEAD = 1;
  const REMOTE = 2;
  const flags = new Map<string, number>();
  const times = new Map<string, number>();
  const queue: string[] = [];
  const enqueue = async (oid: string, flag: number) => {
    const had = flags.get(oid) ?? 0;
    if ((had | flag) === had) return;
    flags.set(oid, had | flag);
    if (!times.has(oid)) {
      const { commit } = await git.readCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.cache });
      times.set(oid, commit.committer.timestamp);
    }
    if (!queue.includes(oid)) queue.push(oid);
  };
  if (head) await enqueue(head, HEAD);
  if (remote) await enqueue(remote, REMOTE);
  let ahead = 0;
  let behind = 0;
  while (queue.some((oid) => flags.get(oid) !== (HEAD | REMOTE)) && ahead + behind < 2 * COUNT_LIMIT) {
    queue.sort((a, b) => (times.get(b) ?? 0) - (times.get(a) ?? 0));
    const oid = queue.shift() as string;
    const flag = flags.get(oid) ?? 0;
    if (flag === HEAD) ahead++;
    if (flag === REMOTE) behind++;
    const { commit } = await git.readCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.cache });
    for (const parent of commit.parent) await enqueue(parent, flag);
  }
  const result = { ahead: Math.min(ahead, COUNT_LIMIT), behind: Math.min(behind, COUNT_LIMIT) };
  if (counted.size > 100) counted.clear();
  counted.set(key, result);
  return result;
}

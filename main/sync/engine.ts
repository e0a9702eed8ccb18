/**
 * One sync of a project folder with its remote (docs/sync.md):
 *
 * 1. the first time, the folder becomes a repository attached to the remote (or, for a
 *    missing folder, a clone of it: clone.ts);
 * 2. the annotator's changes are committed ("alice: 3 documents, 12 spans changed");
 * 3. the remote's branch is fetched and merged by meaning (merge.ts), and what arrived is
 *    written into the folder file by file, under the same locks as saves (worktree.ts);
 * 4. the result is pushed; a push refused because someone pushed in between starts again
 *    from 3, a few times.
 *
 * Offline, step 2 still happens and the rest waits for the next sync. A conflict left for
 * a person stops before anything is written; their choices come back with the next sync,
 * by conflict id. One sync at a time per folder, across processes: the lock is
 * `.git/factmark-sync.lock`.
 */
import path from 'node:path';
import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import type { SyncChoice, SyncResult } from '../../shared/api.js';
import { FactmarkError, isFactmarkError, toErrorInfo } from '../../shared/errors.js';
import { withFileLock } from '../store/file-lock.js';
import { makeFolder } from '../store/files.js';
import { writeGitignoreIfMissing } from '../store/gitignore.js';
import { commitLocalChanges, type Author } from './commit.js';
import type { CredentialStore } from './credentials.js';
import { mergeRemote } from './merge.js';
import { remoteAccess, remoteError, type RemoteAccess } from './remote.js';
import { currentBranch, enclosingRepository, isRepository, remoteUrl, REMOTE, repoAt, resolve, trackingRef, type Repo } from './repo.js';
import { readSyncState, writeSyncState } from './state.js';
import { updateWorkingTree } from './worktree.js';

/** Pushes refused because someone pushed first: fetch, merge and try again this often. */
const PUSH_ATTEMPTS = 5;
/** A sync holds its lock while it downloads; one older than this was abandoned. */
const SYNC_LOCK_STALE_MS = 15 * 60_000;
const SYNC_LOCK_WAIT_MS = 2 * 60_000;

export interface SyncOptions {
  /** Whose changes are committed: the commits' author. */
  annotator: string;
  /** The remote to sync with: needed the first time, and changes it when given. */
  remote?: string | undefined;
  resolutions?: Readonly<Record<string, SyncChoice>>;
  credentials: CredentialStore | null;
  now?: () => Date;
}

/** What the api's SyncResult says (shared/api.ts), before the status is read, and what the app and the bench need besides. */
export interface SyncReport extends Omit<SyncResult, 'status'> {
  /** Whether any file of the project folder was written (the app reads them again). */
  changedFiles: boolean;
  /** Milliseconds spent in each step (commit, fetch, merge, push...), for the bench. */
  timings: Record<string, number>;
}

export async function syncFolder(dir: string, options: SyncOptions): Promise<SyncReport> {
  const root = path.resolve(dir);
  const now = options.now ?? (() => new Date());
  if (!isRepository(root)) {
    const outer = enclosingRepository(root);
    if (outer) throw new FactmarkError('BAD_INPUT', `${root} is inside the git repository at ${outer}; Factmark syncs a project that is a repository of its own (move it out, or sync that repository with git)`);
    if (!options.remote) throw new FactmarkError('BAD_INPUT', `${root} does not sync yet: give the address of its git remote (an empty repository on GitHub, GitLab, Gitea or your own server)`, { file: root });
  }
  const repo = repoAt(root);
  await makeFolder(repo.gitdir);
  return withFileLock(path.join(repo.gitdir, 'factmark-sync'), () => syncLocked(repo, options, now), { waitMs: SYNC_LOCK_WAIT_MS, staleMs: SYNC_LOCK_STALE_MS });
}

async function syncLocked(repo: Repo, options: SyncOptions, now: () => Date): Promise<SyncReport> {
  const report: SyncReport = { outcome: 'synced', committed: null, received: 0, sent: false, conflicts: [], notes: [], changedFiles: false, timings: {} };
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      report.timings[step] = (report.timings[step] ?? 0) + performance.now() - started;
    }
  };
  const state = await readSyncState(repo.gitdir);
  const attempt = now().toISOString();
  let url = options.remote ?? '';
  try {
    const access = await prepare(repo, options.remote, options.credentials);
    url = access.url;
    const author = await authorOf(repo, options.annotator);
    const checkedOut = await currentBranch(repo);
    if (!checkedOut) throw new FactmarkError('BAD_INPUT', `${repo.dir}: git's HEAD is detached; check out the branch to sync (git checkout main) first`);
    let branch: string = checkedOut;
    const born = (await resolve(repo, 'HEAD')) !== null;
    let offline: FactmarkError | null = null;
    const fetchOrOffline = async (): Promise<string | null> => {
      try {
        return await fetchBranch(repo, access, branch);
      } catch (error) {
        offline = offlineOrThrow(error, access.url);
        return null;
      }
    };
    if (!born) {
      // A new repository: learn the remote's branch before the first commit is made on one.
      const fetched = await fetchOrOffline();
      if (fetched && fetched !== branch) {
        await git.writeRef({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref: 'HEAD', value: `refs/heads/${fetched}`, symbolic: true, force: true });
        branch = fetched;
      }
    }
    const local = await timed('commit', () => commitLocalChanges(repo, author, now()));
    report.committed = local.commit?.message ?? null;
    for (const skipped of local.skipped) report.notes.push(`${skipped.file} was not synced: ${skipped.reason}`);
    if (born) await timed('fetch', fetchOrOffline);
    if (offline) {
      report.outcome = 'offline';
      report.notes.push((offline as FactmarkError).message);
      await writeSyncState(repo.gitdir, { ...state, lastAttempt: attempt, offline: true, error: null, conflicts: [] });
      return report;
    }
    for (let attemptNo = 1; ; attemptNo++) {
      const merged = await timed('merge', () => mergeFetched(repo, branch, author, options, now, report));
      if (merged === 'conflicts') {
        await writeSyncState(repo.gitdir, { ...state, lastAttempt: attempt, offline: false, error: null, conflicts: report.conflicts });
        return report;
      }
      const pushed = await timed('push', () => pushBranch(repo, access, branch));
      if (pushed !== 'rejected') {
        report.sent = report.sent || pushed === 'pushed';
        break;
      }
      if (attemptNo >= PUSH_ATTEMPTS) throw new FactmarkError('REMOTE', `${access.url} kept taking others' changes while this sync ran (${PUSH_ATTEMPTS} tries); sync again in a moment. Your work is committed here.`);
      // Someone pushed first: take their changes in, then try again after a short, random wait.
      await sleep(50 + Math.random() * 200 * attemptNo);
      await timed('fetch', () => fetchBranch(repo, access, branch));
    }
    await writeSyncState(repo.gitdir, { lastSync: attempt, lastAttempt: attempt, offline: false, error: null, conflicts: [] });
    return report;
  } catch (error) {
    const problem = isFactmarkError(error) ? error : remoteError(error, url);
    await writeSyncState(repo.gitdir, { ...state, lastAttempt: attempt, offline: problem.code === 'OFFLINE', error: problem.code === 'OFFLINE' ? null : toErrorInfo(problem), conflicts: [] }).catch(() => undefined);
    if (problem.code === 'OFFLINE') {
      report.outcome = 'offline';
      report.notes.push(problem.message);
      return report;
    }
    throw problem;
  }
}

/** The repository made or checked, its remote set: what the rest needs to reach it. */
async function prepare(repo: Repo, remote: string | undefined, credentials: CredentialStore | null): Promise<RemoteAccess> {
  const base = { fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir };
  if (!isRepository(repo.dir)) {
    await git.init({ ...base, defaultBranch: 'main' });
  }
  // Whether or not the project had one: sync must never commit a save's leftovers.
  await writeGitignoreIfMissing(repo.dir);
  if (remote) {
    const access = remoteAccess(remote, credentials);
    if ((await remoteUrl(repo)) !== remote) await git.addRemote({ ...base, remote: REMOTE, url: remote, force: true });
    return access;
  }
  const url = await remoteUrl(repo);
  if (!url) throw new FactmarkError('BAD_INPUT', `${repo.dir} is a git repository with no remote "${REMOTE}": give the address to sync with`);
  return remoteAccess(url, credentials);
}

/** The annotator, with the repository's user.email when it has one (a reserved, non-mailing address otherwise). */
async function authorOf(repo: Repo, annotator: string): Promise<Author> {
  const email = await git.getConfig({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, path: 'user.email' }).catch(() => undefined);
  return { name: annotator, email: typeof email === 'string' && email ? email : `${annotator}@factmark.invalid` };
}

/**
 * Fetches the branch; returns the remote's default branch (for a new repository to
 * take), or null when the remote is empty.
 */
async function fetchBranch(repo: Repo, access: RemoteAccess, branch: string): Promise<string | null> {
  try {
    // `ref` is what isomorphic-git offers the server as "have": the remote-tracking ref,
    // which the server knows. Offering the local branch instead (its default), a commit made
    // here since the last sync, the server knows nothing in common and sends the whole
    // history again: a second and 15 MB for a 2,000-document project, every sync.
    const result = await git.fetch({ fs: repo.fs, http, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache, remote: REMOTE, url: access.url, ref: trackingRef(branch), remoteRef: branch, singleBranch: true, tags: false, onAuth: access.onAuth, onAuthFailure: access.onAuthFailure });
    return result.defaultBranch ? result.defaultBranch.replace(/^refs\/heads\//, '') : null;
  } catch (error) {
    // An empty remote, or one without this branch yet: nothing to fetch, all to send.
    if ((error as { code?: string }).code === 'NotFoundError') return null;
    throw remoteError(error, access.url);
  }
}

function offlineOrThrow(error: unknown, url: string): FactmarkError {
  const problem = remoteError(error, url);
  if (problem.code !== 'OFFLINE') throw problem;
  return problem;
}

/** Merges what was fetched into HEAD and the folder. */
async function mergeFetched(repo: Repo, branch: string, author: Author, options: SyncOptions, now: () => Date, report: SyncReport): Promise<'merged' | 'conflicts' | 'nothing'> {
  const theirs = await resolve(repo, trackingRef(branch));
  if (!theirs) return 'nothing';
  const ours = await resolve(repo, 'HEAD');
  const { commit: tip } = await git.readCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: theirs, cache: repo.cache });
  const outcome = await mergeRemote(repo, ours, theirs, { resolutions: options.resolutions ?? {}, theirsName: tip.author.name, author, when: now() });
  if (outcome.kind === 'nothing') return 'nothing';
  report.notes.push(...outcome.notes);
  if (outcome.kind === 'conflicts') {
    report.outcome = 'conflicts';
    report.conflicts = outcome.conflicts;
    return 'conflicts';
  }
  // The folder first, then the branch: a crash in between leaves files newer than HEAD,
  // which the next sync commits (and merges to the same result), never the reverse.
  const written = await updateWorkingTree(repo, outcome.changes);
  for (const file of written.mergedLocally) report.notes.push(`${file} was changed here while syncing; both changes are kept and go out with the next sync`);
  await git.writeRef({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref: `refs/heads/${branch}`, value: outcome.commit, force: true });
  report.received += outcome.changes.length;
  report.changedFiles = report.changedFiles || outcome.changes.length > 0;
  return 'merged';
}

async function pushBranch(repo: Repo, access: RemoteAccess, branch: string): Promise<'pushed' | 'nothing' | 'rejected'> {
  const [head, tracking] = await Promise.all([resolve(repo, 'HEAD'), resolve(repo, trackingRef(branch))]);
  if (!head || head === tracking) return 'nothing';
  try {
    await git.push({ fs: repo.fs, http, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache, remote: REMOTE, url: access.url, ref: branch, remoteRef: branch, onAuth: access.onAuth, onAuthFailure: access.onAuthFailure });
    return 'pushed';
  } catch (error) {
    const found = error as { code?: string; message?: string };
    if (found.code === 'PushRejectedError') return 'rejected';
    // The server refused the update itself: someone's push won the race ("failed to update
    // ref", "fetch first"), or a hook said no, which trying again would not change.
    if (found.code === 'GitPushError' && /fast-forward|fetch first|failed to (update|lock)|stale|cannot lock/i.test(found.message ?? '')) return 'rejected';
    throw remoteError(error, access.url);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

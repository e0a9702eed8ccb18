/**
 * Committing what changed in the project folder since the last commit, as the annotator,
 * with a message that says what changed ("alice: 3 documents, 12 spans changed").
 *
 * What goes in: every file git sees as changed, but never what an interrupted save left
 * behind (a `<file>.json.<n>` temporary file, a `.lock`), even in a project whose
 * .gitignore lacks those lines; and never a project file Factmark could not read (a hand
 * edit with a syntax error): that one is named, and the rest is committed without it.
 * The commit is made of the very bytes that were checked, so a save landing in between
 * goes into the next commit, not half into this one.
 */
import * as git from 'isomorphic-git';
import path from 'node:path';
import { checkCorpusFile, corpusFileKind, isJsonKind, type CorpusFileKind } from '../../shared/merge/corpus-files.js';
import type { AnnotationLayer } from '../../shared/model/annotations.js';
import type { ProjectManifest } from '../../shared/model/project.js';
import { commitMessage, countItemChanges, countSpanChanges, emptySummary, type ChangeSummary } from '../../shared/sync/commit-message.js';
import { readProjectBytes } from '../store/files.js';
import { LOCK_FILE, TEMPORARY_FILE } from '../store/leftovers.js';
import { changedFiles } from './changes.js';
import { currentBranch, resolve, type Repo } from './repo.js';
import { replaceInTree, treeOf, writeBlob } from './trees.js';

export interface Author {
  name: string;
  email: string;
}

export interface LocalCommit {
  oid: string;
  message: string;
  files: number;
}

export interface CommitOutcome {
  commit: LocalCommit | null;
  /** Files left out, and why. */
  skipped: { file: string; reason: string }[];
}

/** Whether a path of the working tree is one a sync may commit. */
export function syncable(filepath: string): boolean {
  if (filepath === '.git' || filepath.startsWith('.git/')) return false;
  const name = path.posix.basename(filepath);
  return !TEMPORARY_FILE.test(name) && !LOCK_FILE.test(name) && !name.endsWith('.lock') && !name.endsWith('.stale');
}

/** What changed in the working tree against HEAD: path -> whether it is there now. */
export async function localChanges(repo: Repo): Promise<Map<string, boolean>> {
  const head = await resolve(repo, 'HEAD');
  return changedFiles(repo, head ? await treeOf(repo, head) : null, syncable);
}

export async function commitLocalChanges(repo: Repo, author: Author, when: Date): Promise<CommitOutcome> {
  const branch = await currentBranch(repo);
  if (!branch) throw new Error('HEAD is detached');
  const head = await resolve(repo, 'HEAD');
  const headTree = head ? await treeOf(repo, head) : null;
  const changed = await changedFiles(repo, headTree, syncable);
  const skipped: CommitOutcome['skipped'] = [];
  const blobs = new Map<string, string | null>();
  const contents = new Map<string, Uint8Array | null>();
  for (const [filepath, present] of changed) {
    if (!present) {
      blobs.set(filepath, null);
      contents.set(filepath, null);
      continue;
    }
    let bytes: Buffer | null;
    try {
      bytes = readProjectBytes(path.join(repo.dir, ...filepath.split('/')));
    } catch (error) {
      // Too large for a project file, or unreadable: named, and the rest goes on.
      skipped.push({ file: filepath, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (!bytes) continue; // gone since it was listed: the next sync sees it
    const kind = corpusFileKind(filepath);
    if (isJsonKind(kind)) {
      const checked = checkCorpusFile(kind, filepath, new TextDecoder().decode(bytes));
      if (!checked.ok && checked.error.code !== 'NEWER_VERSION') {
        skipped.push({ file: filepath, reason: checked.error.message });
        continue;
      }
    }
    blobs.set(filepath, await writeBlob(repo, bytes));
    contents.set(filepath, bytes);
  }
  if (blobs.size === 0) return { commit: null, skipped };

  const tree = await replaceInTree(repo, headTree, blobs);
  if (tree === headTree) return { commit: null, skipped };
  const summary = await summarise(repo, head, contents);
  const message = commitMessage(author.name, summary);
  const signature = { name: author.name, email: author.email, timestamp: Math.floor(when.getTime() / 1000), timezoneOffset: when.getTimezoneOffset() };
  const oid = await git.writeCommit({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, commit: { message: `${message}\n`, tree, parent: head ? [head] : [], author: signature, committer: signature } });
  await git.writeRef({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref: `refs/heads/${branch}`, value: oid, force: true });
  // The index learns the files as committed, so the next look need not read them again.
  const kept = [...blobs].filter(([, oid]) => oid !== null).map(([filepath]) => filepath);
  const base = { fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
  if (kept.length) await git.add({ ...base, filepath: kept, force: true });
  for (const [filepath, blob] of blobs) if (blob === null) await git.updateIndex({ ...base, filepath, remove: true, force: true });
  return { commit: { oid, message, files: blobs.size }, skipped };
}

/** What the changes are, in words' worth of numbers (shared/sync/commit-message.ts). */
async function summarise(repo: Repo, head: string | null, contents: ReadonlyMap<string, Uint8Array | null>): Promise<ChangeSummary> {
  const summary = emptySummary();
  const spanDocuments = new Set<string>();
  const otherDocuments = new Set<string>();
  const before = async (filepath: string): Promise<string | null> => {
    if (!head) return null;
    try {
      return new TextDecoder().decode((await git.readBlob({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: head, filepath, cache: repo.cache })).blob);
    } catch {
      return null;
    }
  };
  const parse = <T>(kind: CorpusFileKind, filepath: string, text: string | null): T | null => {
    if (text === null) return null;
    const checked = checkCorpusFile(kind, filepath, text);
    return checked.ok ? (checked.value as T) : null;
  };
  for (const [filepath, bytes] of contents) {
    const kind = corpusFileKind(filepath);
    const now = bytes ? new TextDecoder().decode(bytes) : null;
    const was = await before(filepath);
    switch (kind) {
      case 'layer': {
        const [a, b] = [parse<AnnotationLayer>(kind, filepath, was), parse<AnnotationLayer>(kind, filepath, now)];
        const spans = countSpanChanges(a?.spans ?? [], b?.spans ?? []);
        summary.layers.spans += spans;
        if (spans > 0) spanDocuments.add(filepath.split('/')[2] ?? filepath);
        else otherDocuments.add(filepath.split('/')[2] ?? filepath);
        break;
      }
      case 'document':
        if (was === null) summary.documents.added++;
        else if (now === null) summary.documents.removed++;
        else summary.documents.edited++;
        break;
      case 'manifest': {
        if (was === null) {
          summary.created = true;
          break;
        }
        const [a, b] = [parse<ProjectManifest>(kind, filepath, was), parse<ProjectManifest>(kind, filepath, now)];
        const schema = (manifest: ProjectManifest | null) => JSON.stringify([manifest?.labels, manifest?.relationTypes]);
        if (schema(a) !== schema(b)) summary.labels = true;
        else summary.project = true;
        break;
      }
      case 'entities':
      case 'claims': {
        const field = kind === 'entities' ? 'entities' : 'claims';
        const items = (text: string | null) => (parse<Record<string, { id: string }[]>>(kind, filepath, text)?.[field] ?? []);
        summary[field] += countItemChanges(items(was), items(now));
        break;
      }
      case 'gitignore':
        break; // Factmark's own housekeeping: not news for the history
      default:
        summary.other++;
    }
  }
  summary.layers.documents = spanDocuments.size;
  summary.layers.otherwise = [...otherDocuments].filter((id) => !spanDocuments.has(id)).length;
  return summary;
}

/** The blob of a path in a commit, or null. */
export async function blobAt(repo: Repo, commit: string, filepath: string): Promise<Uint8Array | null> {
  try {
    return (await git.readBlob({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: commit, filepath, cache: repo.cache })).blob;
  } catch {
    return null;
  }
}


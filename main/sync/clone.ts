/**
 * A project fetched whole from its remote into a new folder: how a colleague joins. The
 * folder must be missing or empty (nothing of anyone's is overwritten), and what arrives
 * must be a Factmark project; if it is not, what was made is taken away again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { FactmarkError } from '../../shared/errors.js';
import { makeFolder, pathExists } from '../store/files.js';
import { writeGitignoreIfMissing } from '../store/gitignore.js';
import { MANIFEST_FILE } from '../store/layout.js';
import type { CredentialStore } from './credentials.js';
import { remoteAccess, remoteError } from './remote.js';
import { REMOTE } from './repo.js';
import { writeSyncState } from './state.js';

/** Whether `dir` can take a clone: missing, or an empty folder. */
export async function canCloneInto(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

export async function cloneProject(dir: string, remote: string, credentials: CredentialStore | null, now: () => Date = () => new Date()): Promise<string> {
  const root = path.resolve(dir);
  const access = remoteAccess(remote, credentials);
  if (!(await canCloneInto(root))) throw new FactmarkError('ALREADY_EXISTS', `${root} is not empty; choose a new or empty folder for the project`, { file: root });
  const existed = await pathExists(root);
  await makeFolder(root);
  try {
    await git.clone({ fs, http, dir: root, url: access.url, remote: REMOTE, singleBranch: true, noTags: true, onAuth: access.onAuth, onAuthFailure: access.onAuthFailure });
    if (!(await pathExists(path.join(root, MANIFEST_FILE)))) {
      throw new FactmarkError('NOT_A_PROJECT', `${remote} holds no Factmark project (no ${MANIFEST_FILE}); to share a project there, open the project and sync it with this address`);
    }
  } catch (error) {
    // Only what this clone made goes: the folder, if it was made here, or its contents.
    if (existed) for (const name of await fs.readdir(root)) await fs.rm(path.join(root, name), { recursive: true, force: true });
    else await fs.rm(root, { recursive: true, force: true });
    if (error instanceof FactmarkError) throw error;
    if ((error as { code?: string }).code === 'NotFoundError') throw new FactmarkError('NOT_A_PROJECT', `${remote} is empty; to share a project there, open the project and sync it with this address`);
    throw remoteError(error, remote);
  }
  await writeGitignoreIfMissing(root);
  const at = now().toISOString();
  await writeSyncState(path.join(root, '.git'), { lastSync: at, lastAttempt: at, offline: false, error: null, conflicts: [] });
  return root;
}

/**
 * What the last sync of a project did, kept in `.git/factmark-sync.json` (inside git's
 * own folder: never committed, never shared), so the app shows it after a restart and a
 * sync from the command line shows in the app: when it last went all the way, whether the
 * last try was offline or failed, and the conflicts waiting for a choice.
 */
import path from 'node:path';
import { z } from 'zod';
import type { SyncConflict } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { parseJsonText } from '../../shared/model/parse.js';
import { readTextFile, writeFileAtomically } from '../store/files.js';

const STATE_FILE = 'factmark-sync.json';

const Conflict = z.object({
  id: z.string(),
  file: z.string(),
  kind: z.enum(['value', 'file', 'label-rename']),
  where: z.string(),
  path: z.array(z.union([z.string(), z.object({ id: z.string() })])),
  base: z.json().optional(),
  ours: z.json().optional(),
  theirs: z.json().optional(),
});

const SyncState = z.object({
  lastSync: z.string().nullable().default(null),
  lastAttempt: z.string().nullable().default(null),
  offline: z.boolean().default(false),
  error: z.object({ code: z.string(), message: z.string() }).nullable().default(null),
  conflicts: z.array(Conflict).default([]),
});
export type SyncState = z.infer<typeof SyncState>;

export const NO_STATE: SyncState = { lastSync: null, lastAttempt: null, offline: false, error: null, conflicts: [] };

function stateFile(gitdir: string): string {
  return path.join(gitdir, STATE_FILE);
}

export async function readSyncState(gitdir: string): Promise<SyncState> {
  try {
    const parsed = SyncState.safeParse(parseJsonText(await readTextFile(stateFile(gitdir)), STATE_FILE));
    return parsed.success ? parsed.data : NO_STATE;
  } catch {
    return NO_STATE;
  }
}

export async function writeSyncState(gitdir: string, state: SyncState): Promise<void> {
  await writeFileAtomically(stateFile(gitdir), `${JSON.stringify(state, null, 2)}\n`);
}

export function stateError(state: SyncState): ErrorInfo | null {
  return state.error ? ({ code: state.error.code, message: state.error.message } as ErrorInfo) : null;
}

export function stateConflicts(state: SyncState): SyncConflict[] {
  return state.conflicts as SyncConflict[];
}

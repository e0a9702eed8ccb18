/**
 * Syncing the open project through git, from the window: the status (asked every few
 * seconds; it never reaches the network), and a sync on request. A sync first saves
 * whatever is unsaved, so the commit holds it; what arrives is taken in like another
 * window's save (the open layer merges it with anything typed meanwhile). Conflicts open
 * the conflict dialog; a project with no remote, or a token refused, opens the settings.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncChoice, SyncResult, SyncStatus } from '../../../shared/api.js';
import { plural } from '../../../shared/text/plural.js';
import { isApiError, type ApiClient } from '../api/client.js';
import { errorMessage } from '../ui/errors.js';

export const SYNC_STATUS_POLL_MS = 5000;

interface Options {
  hasProject: boolean;
  /** Saves what the window has not saved yet. */
  flush: () => Promise<void>;
  /** Others' files arrived: the project's lists are read again, */
  reloadProject: () => void;
  /** and the open layer takes them in like another window's save. */
  catchUp: () => Promise<void>;
  openDialog: (kind: 'sync-settings' | 'sync-conflicts') => void;
}

export interface SyncRequest {
  remote?: string;
  resolutions?: Record<string, SyncChoice>;
}

export function useSync(api: ApiClient, { hasProject, flush, reloadProject, catchUp, openDialog }: Options) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** The last sync's failure, for the settings dialog to show. */
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);

  const refresh = useCallback(async () => {
    if (!hasProject) return setStatus(null);
    try {
      setStatus(await api.call('getSyncStatus', {}));
    } catch {
      // A project being switched: the next poll asks again.
    }
  }, [api, hasProject]);

  useEffect(() => {
    void refresh();
    if (!hasProject) return undefined;
    const timer = setInterval(() => {
      if (window.document.visibilityState === 'visible' && !busy.current) void refresh();
    }, SYNC_STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, hasProject]);

  const run = useCallback(
    async (request: SyncRequest = {}): Promise<SyncResult | null> => {
      if (busy.current) return null;
      if (!request.remote && status && !status.remote) {
        openDialog('sync-settings');
        return null;
      }
      busy.current = true;
      setRunning(true);
      setNotice(null);
      try {
        await flush();
        const result = await api.call('syncProject', { resolutions: request.resolutions ?? {}, ...(request.remote ? { remote: request.remote } : {}) });
        setStatus(result.status);
        setProblem(null);
        if (result.received > 0) {
          reloadProject();
          await catchUp();
        }
        if (result.outcome === 'conflicts') openDialog('sync-conflicts');
        setNotice(describe(result));
        return result;
      } catch (error) {
        const message = errorMessage(error);
        setProblem(message);
        await refresh();
        if (isApiError(error, 'AUTH') || isApiError(error, 'BAD_INPUT')) openDialog('sync-settings');
        else setNotice(`Sync failed: ${message}`);
        throw error;
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [api, status, flush, reloadProject, catchUp, openDialog, refresh],
  );

  /** Keeps a token for the remote (never shown again), then syncs with it. */
  const configure = useCallback(
    async (remote: string, token: string | null, username: string | null) => {
      if (token) await api.call('setSyncToken', { remote, token, ...(username ? { username } : {}) });
      return run({ remote });
    },
    [api, run],
  );

  const forgetToken = useCallback(
    async (remote: string) => {
      setStatus(await api.call('setSyncToken', { remote, token: null }));
    },
    [api],
  );

  return { status, running, notice, problem, dismissNotice: useCallback(() => setNotice(null), []), run, configure, forgetToken, refresh };
}

/** What a sync did, in a sentence. */
export function describe(result: SyncResult): string {
  const parts: string[] = [];
  if (result.outcome === 'offline') return `Offline: your work is committed here (${plural(result.status.ahead, 'change')} waiting) and goes out at the next sync.`;
  if (result.outcome === 'conflicts') return `${plural(result.conflicts.length, 'conflict')} to choose before the sync can finish; nothing was merged yet.`;
  if (result.committed && result.sent) parts.push('your changes were sent');
  else if (result.sent) parts.push('your earlier changes were sent');
  if (result.received) parts.push(`${plural(result.received, 'file')} from your colleagues came in`);
  const notes = result.notes.length ? ` ${result.notes[0]}${result.notes.length > 1 ? ` (and ${plural(result.notes.length - 1, 'more note')})` : ''}` : '';
  return parts.length ? `Synced: ${parts.join('; ')}.${notes}` : `Synced: already up to date.${notes}`;
}

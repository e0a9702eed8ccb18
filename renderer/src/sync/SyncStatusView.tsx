/**
 * The sync status in the status bar, beside the save status: not shared yet, syncing, conflicts waiting,
 * offline with changes to send, a failure, or how far ahead and behind and when it last
 * synced. Clicking it opens what it is about (the conflicts, or the settings).
 */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/api.js';
import { plural } from '../../../shared/text/plural.js';
import { ago } from './time.js';

interface Props {
  status: SyncStatus | null;
  running: boolean;
  onSettings: () => void;
  onConflicts: () => void;
}

type State = 'none' | 'syncing' | 'conflicts' | 'offline' | 'error' | 'ahead' | 'synced';

export function SyncStatusView({ status, running, onSettings, onConflicts }: Props) {
  // "3 min ago" moves on by itself.
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const { state, text, title } = summary(status, running);
  const onClick = state === 'conflicts' ? onConflicts : onSettings;
  return (
    <button type="button" className={`sync-status ${state}`} data-testid="sync-status" data-state={state} onClick={onClick} title={title} aria-live="polite">
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </button>
  );
}

export function summary(status: SyncStatus | null, running: boolean): { state: State; text: string; title: string } {
  if (running) return { state: 'syncing', text: 'Syncing…', title: 'Saving, committing, taking in colleagues’ work and sending yours' };
  if (!status || !status.remote) return { state: 'none', text: 'Not shared', title: 'This project does not sync yet: click to choose a git remote' };
  const last = status.lastSync ? `synced ${ago(status.lastSync)}` : 'never synced';
  const where = `${status.remote}${status.branch ? ` (${status.branch})` : ''}`;
  if (status.conflicts.length) return { state: 'conflicts', text: plural(status.conflicts.length, 'conflict'), title: `Your version and a colleague’s differ: click to choose. ${where}` };
  if (status.offline) return { state: 'offline', text: `Offline${status.ahead ? ` · ${status.ahead} to send` : ''}`, title: `Could not reach ${where}; your work is kept here and goes out at the next sync (${last})` };
  if (status.error) return { state: 'error', text: 'Sync failed', title: `${status.error.message} — click for the sync settings` };
  const counts = [status.ahead ? `↑${status.ahead}` : '', status.behind ? `↓${status.behind}` : ''].filter(Boolean).join(' ');
  return {
    state: status.ahead || status.behind ? 'ahead' : 'synced',
    text: counts ? `${counts} · ${last}` : `${last.charAt(0).toUpperCase()}${last.slice(1)}`,
    title: `Syncs with ${where}. ${status.ahead ? `${plural(status.ahead, 'commit')} of yours to send. ` : ''}${status.behind ? `${plural(status.behind, 'commit')} of colleagues’ to take in. ` : ''}`.trim(),
  };
}

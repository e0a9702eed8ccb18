/** The bottom line: who is annotating, whether everything is saved and synced, and the document. */
import type { ReactNode } from 'react';
import { plural } from '../../../shared/text/plural.js';
import type { SaveStatus } from '../annotate/autosave.js';
import { LiveRegion, type Announcement } from '../ui/live-region.js';

interface Props {
  annotator: string | null;
  saveStatus: SaveStatus;
  spanCount: number | null;
  length: number | null;
  /** What the last action did ("Undone: tagged Entity “Kirkuk”"), read out as it changes. */
  announcement: Announcement | null;
  onChangeAnnotator: () => void;
  /** Where the project stands with its git remote (sync/SyncStatusView.tsx), beside the save status. */
  syncStatus?: ReactNode;
}

export function StatusBar({ annotator, saveStatus, spanCount, length, announcement, onChangeAnnotator, syncStatus }: Props) {
  return (
    <footer className="status-bar">
      <button type="button" className="link" onClick={onChangeAnnotator} title="Change who is annotating" data-testid="annotator">
        Annotator: {annotator ?? '—'}
      </button>
      {/* A failure is read out by the live region (annotate/use-save-announcements.ts), once. */}
      <span data-testid="save-status" data-state={saveStatus.state} className={saveStatus.state === 'failed' ? 'error' : undefined}>
        {describe(saveStatus)}
      </span>
      {syncStatus}
      {length !== null && <span>{plural(length, 'character')}</span>}
      {spanCount !== null && <span>{plural(spanCount, 'span')}</span>}
      <LiveRegion announcement={announcement} />
    </footer>
  );
}

function describe(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'All changes saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${status.message}. Your changes are kept; retrying in ${Math.round(status.retryInMs / 1000)} s`;
  }
}

/**
 * What an import did, file by file: imported (and from which encoding), already there,
 * the same story as another document (which the analyst may choose not to keep), or why
 * it failed; with progress while it runs.
 */
import { useState } from 'react';
import { plural } from '../../../shared/text/plural.js';
import { Dialog } from '../ui/Dialog.js';
import type { ImportProgress } from './read-files.js';

interface ReportProps {
  progress: ImportProgress;
  onClose: () => void;
  onOpen: (documentId: string) => void;
  /** Takes back an import (a near-duplicate the analyst does not want). */
  onRemove: (documentId: string) => Promise<void>;
  /** Opens the metadata of the documents just imported in one table. */
  onEditDetails?: (documentIds: string[]) => void;
}

export function ImportReport({ progress, onClose, onOpen, onRemove, onEditDetails }: ReportProps) {
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const imported = progress.outcomes.filter((outcome) => outcome.status === 'imported').length;
  const importedIds = progress.outcomes.flatMap((outcome) => (outcome.status === 'imported' && !removed.has(outcome.documentId) ? [outcome.documentId] : []));
  return (
    <Dialog label="Import" title="Import">
      {/* One file has no steps to count: the bar then just says "working". */}
      {!progress.finished && (progress.total > 1 ? <progress max={progress.total} value={progress.done} aria-label="Import progress" /> : <progress aria-label="Import progress" />)}
      <p role="status">
        {progress.finished ? `${imported} of ${plural(progress.total, 'file')} imported` : (progress.step ?? `Importing ${progress.done} of ${plural(progress.total, 'file')}…`)}
      </p>
      <ul className="import-report">
        {progress.outcomes.map((outcome, i) => (
          <li key={`${outcome.file}-${i}`} data-status={outcome.status}>
            {outcome.status === 'imported' && removed.has(outcome.documentId) && <span className="muted">{outcome.title ?? outcome.file}: not kept</span>}
            {outcome.status === 'imported' && !removed.has(outcome.documentId) && (
              <>
                <button type="button" className="link" onClick={() => onOpen(outcome.documentId)}>
                  {outcome.title ?? outcome.file}
                </button>{' '}
                imported{outcome.encoding !== 'utf-8' ? ` (decoded from ${outcome.encoding})` : ''}
                {outcome.removedLines.length ? `, ${plural(outcome.removedLines.length, 'line')} of page furniture left out` : ''}
                {outcome.nearDuplicates.map((near) => (
                  <div key={near.documentId} className="warning">
                    Looks like the same story as “{near.title ?? near.documentId}” ({Math.round(near.similarity * 100)}% shared wording).{' '}
                    <button type="button" className="link" onClick={() => void onRemove(outcome.documentId).then(() => setRemoved(new Set([...removed, outcome.documentId])))}>
                      Don't keep this one
                    </button>
                  </div>
                ))}
              </>
            )}
            {outcome.status === 'duplicate' && <span className="muted">{outcome.message}</span>}
            {outcome.status === 'failed' && <span className="error">{outcome.error.message}</span>}
          </li>
        ))}
      </ul>
      {progress.notes && progress.notes.length > 0 && (
        <ul className="import-notes muted small" aria-label="Notes on the metadata sheet">
          {progress.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <div className="buttons">
        {onEditDetails && progress.finished && importedIds.length > 0 && (
          <button type="button" onClick={() => onEditDetails(importedIds)}>
            Edit their details…
          </button>
        )}
        <button type="button" onClick={onClose} disabled={!progress.finished}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

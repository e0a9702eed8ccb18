/**
 * The conflicts a sync found, each with both versions side by side: yours, and the one
 * that came from the remote (with what it was before, in small type). The person picks
 * one per conflict; "Use these and sync" sends the choices back with the next sync, which
 * finishes the merge. Nothing was merged while the dialog waits: "Decide later" keeps the
 * conflicts in the status, and work goes on.
 */
import { useState } from 'react';
import type { SyncChoice, SyncConflict } from '../../../shared/api.js';
import { Dialog, DialogError } from '../ui/Dialog.js';
import { ConflictVersion } from './ConflictVersion.js';

interface Props {
  conflicts: readonly SyncConflict[];
  onResolve: (resolutions: Record<string, SyncChoice>) => Promise<unknown>;
  onClose: () => void;
}

export function ConflictDialog({ conflicts, onResolve, onClose }: Props) {
  const [choices, setChoices] = useState<Record<string, SyncChoice>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const all = conflicts.every((conflict) => choices[conflict.id]);
  const chooseAll = (side: SyncChoice) => setChoices(Object.fromEntries(conflicts.map((conflict) => [conflict.id, side])));
  return (
    <Dialog
      label="Sync conflicts"
      title={conflicts.length === 1 ? 'Choose a version' : `Choose a version for each of ${conflicts.length} conflicts`}
      wide
      onSubmit={() => {
        setSending(true);
        setError(null);
        onResolve(choices)
          .then(onClose)
          .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))
          .finally(() => setSending(false));
      }}
    >
      <p className="muted small">You and a colleague changed the same thing in two ways. Nothing has been merged yet: pick the version to keep, and the sync finishes with it. The other version stays in the project’s history.</p>
      {conflicts.length > 1 && (
        <div className="buttons start tight">
          <button type="button" onClick={() => chooseAll('ours')}>
            Keep all of mine
          </button>
          <button type="button" onClick={() => chooseAll('theirs')}>
            Take all of theirs
          </button>
        </div>
      )}
      <ol className="conflict-list">
        {conflicts.map((conflict) => (
          <li key={conflict.id} data-testid="conflict" data-conflict={conflict.id}>
            <fieldset className="conflict">
              <legend>
                <strong>{conflict.where}</strong> <span className="muted small">in {conflict.file}</span>
              </legend>
              <div className="conflict-sides">
                {(['ours', 'theirs'] as const).map((side) => (
                  <label key={side} className={`conflict-side${choices[conflict.id] === side ? ' chosen' : ''}`}>
                    <span className="conflict-head">
                      <input type="radio" name={conflict.id} value={side} checked={choices[conflict.id] === side} onChange={() => setChoices({ ...choices, [conflict.id]: side })} aria-label={`${side === 'ours' ? 'Yours' : 'Theirs'}: ${conflict.where}`} />
                      {side === 'ours' ? 'Yours' : 'Theirs (from the remote)'}
                    </span>
                    <ConflictVersion value={conflict[side]} />
                  </label>
                ))}
              </div>
              {conflict.kind !== 'file' && (
                <p className="muted small conflict-base">
                  Before: <ConflictVersion value={conflict.base} absent="none" />
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <DialogError message={error} />
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Decide later
        </button>
        <button type="submit" className="primary" disabled={!all || sending}>
          {sending ? 'Syncing…' : 'Use these and sync'}
        </button>
      </div>
    </Dialog>
  );
}

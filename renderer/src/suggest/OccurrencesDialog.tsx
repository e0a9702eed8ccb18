/**
 * "Tag all occurrences" across the project: the other documents where the span's words
 * (or its canonical entity's other names) occur untagged, each with how many times and
 * an example; the analyst ticks the documents and accepts them in one go.
 */
import { useEffect, useState } from 'react';
import type { ApiResults } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import { Dialog, DialogActions, DialogError } from '../ui/Dialog.js';
import { errorMessage } from '../ui/errors.js';

interface Props {
  api: ApiClient;
  documentId: string;
  annotator: string;
  spanId: string;
  text: string;
  onClose: () => void;
}

export function OccurrencesDialog({ api, documentId, annotator, spanId, text, onClose }: Props) {
  const [found, setFound] = useState<ApiResults['findOccurrences'] | null>(null);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('findOccurrences', { documentId, annotator, spanId }).then(
      (result) => {
        setFound(result);
        setChosen(result.map((item) => item.documentId));
      },
      (caught: unknown) => setError(errorMessage(caught)),
    );
  }, [api, documentId, annotator, spanId]);
  const mentions = (found ?? []).filter((item) => chosen.includes(item.documentId)).reduce((total, item) => total + item.mentions, 0);
  const tag = async () => {
    try {
      const result = await api.call('tagOccurrences', { documentId, annotator, spanId, documentIds: [...chosen] });
      const added = Object.values(result.added).reduce((total, count) => total + count, 0);
      setMessage(`Tagged ${added} mentions in ${Object.keys(result.added).length} documents.${result.failed.length ? ` ${result.failed.length} could not be: ${result.failed.map((failure) => `${failure.where}: ${failure.reason}`).join('; ')}` : ''}`);
      setFound([]);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Dialog label="Tag in other documents" title={`“${text}” in other documents`} wide onSubmit={() => void tag()}>
      {!found && !error && <p>Looking…</p>}
      {found && found.length === 0 && !message && <p>No other document mentions it untagged.</p>}
      {found && found.length > 0 && (
        <ul className="occurrences" aria-label="Documents">
          {found.map((item) => (
            <li key={item.documentId}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.includes(item.documentId)} onChange={(event) => setChosen((current) => (event.target.checked ? [...current, item.documentId] : current.filter((id) => id !== item.documentId)))} /> {item.title ?? item.documentId}: {item.mentions}
              </label>
              <div className="muted small" dir="auto">
                {item.example}
              </div>
            </li>
          ))}
        </ul>
      )}
      <DialogError message={error} />
      {message && <p role="status">{message}</p>}
      <DialogActions submit={`Tag ${mentions} mentions`} disabled={mentions === 0} onCancel={onClose} cancel="Close" />
    </Dialog>
  );
}

/**
 * The selected span's history, in the details panel: who created it and who changed it,
 * what and when, from the git history of its layer file (read again when the span
 * changes or a sync lands); the last entry may be a change made here, not synced yet.
 */
import { useEffect, useState } from 'react';
import type { SpanHistory as History, SpanHistoryEntry } from '../../../shared/api.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { ApiClient } from '../api/client.js';
import { when } from './time.js';

interface Props {
  api: ApiClient;
  documentId: string;
  annotator: string;
  spanId: string;
  /** Changes whenever the span or its file may have: the history is read again. */
  revision: string;
  labels: readonly LabelDef[];
}

export function SpanHistory({ api, documentId, annotator, spanId, revision, labels }: Props) {
  const [history, setHistory] = useState<History | null>(null);
  useEffect(() => {
    let cancelled = false;
    // A moment's wait: stepping through spans with J/K should not ask for each one.
    const timer = setTimeout(() => {
      api.call('getSpanHistory', { documentId, annotator, spanId }).then(
        (found) => !cancelled && setHistory(found),
        () => !cancelled && setHistory(null),
      );
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, documentId, annotator, spanId, revision]);
  if (!history) return null;
  const fieldName = (field: string) => {
    if (field === 'label' || field === 'bounds' || field === 'note') return field === 'bounds' ? 'extent' : field;
    for (const label of labels) {
      const attribute = label.attributes.find((candidate) => candidate.id === field);
      if (attribute) return attribute.name.toLowerCase();
    }
    return field;
  };
  const line = (entry: SpanHistoryEntry) => {
    const what = entry.what === 'changed' ? `Changed${entry.fields.length ? ` (${entry.fields.map(fieldName).join(', ')})` : ''}` : entry.what === 'created' ? 'Created' : 'Removed';
    return entry.commit === null ? `${what} here, not synced yet` : `${what} by ${entry.by}`;
  };
  return (
    <section className="span-history" aria-label="Span history" data-testid="span-history">
      <h3 className="pane-title">History</h3>
      {history.entries.length === 0 ? (
        <p className="muted small">Not in the project’s history yet: it goes in with the next sync.</p>
      ) : (
        <ol>
          {history.entries.map((entry, i) => (
            <li key={`${entry.commit ?? 'here'}-${i}`} className={entry.commit === null ? 'unsynced' : undefined}>
              <span>{line(entry)}</span> <time className="muted" dateTime={entry.at}>{when(entry.at)}</time>
            </li>
          ))}
        </ol>
      )}
      {!history.tracked && <p className="muted small">This project does not sync through git: the times are the span’s own.</p>}
    </section>
  );
}

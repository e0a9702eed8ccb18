/** The left pane: the project's documents with their outlet, date and span count. */
import { memo } from 'react';
import type { DocumentSummary } from '../../../shared/api.js';

interface Props {
  documents: readonly DocumentSummary[];
  currentId: string | null;
  annotator: string | null;
  /** The open document's live span count (the summaries are from when the list loaded). */
  openCount: { documentId: string; spans: number } | null;
  onOpen: (id: string) => void;
}

export const DocumentList = memo(function DocumentList({ documents, currentId, annotator, openCount, onOpen }: Props) {
  return (
    <nav className="document-list" aria-label="Documents">
      <h2 className="pane-title">Documents ({documents.length})</h2>
      <ul>
        {documents.map((doc) => {
          const saved = doc.layers.find((layer) => layer.annotator === annotator)?.spanCount;
          const count = openCount?.documentId === doc.id && (openCount.spans > 0 || saved !== undefined) ? openCount.spans : saved;
          return (
            <li key={doc.id}>
              <button type="button" className="document-item" aria-current={doc.id === currentId ? 'true' : undefined} onClick={() => onOpen(doc.id)}>
                <span className="title" dir="auto">{doc.meta.title ?? doc.id}</span>
                <span className="meta">
                  {[doc.meta.outlet, doc.meta.published].filter(Boolean).join(' · ') || 'No outlet or date'}
                </span>
                <span className="count" title="Your spans in this document">{count === undefined ? 'not started' : `${count} spans`}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
});

/** The left pane: the project's documents with their outlet, date and span count. */
import type { DocumentSummary } from '../../../shared/api.js';

interface Props {
  documents: readonly DocumentSummary[];
  currentId: string | null;
  annotator: string | null;
  onOpen: (id: string) => void;
}

export function DocumentList({ documents, currentId, annotator, onOpen }: Props) {
  return (
    <nav className="document-list" aria-label="Documents">
      <h2 className="pane-title">Documents ({documents.length})</h2>
      <ul>
        {documents.map((doc) => {
          const mine = doc.layers.find((layer) => layer.annotator === annotator);
          return (
            <li key={doc.id}>
              <button type="button" className="document-item" aria-current={doc.id === currentId ? 'true' : undefined} onClick={() => onOpen(doc.id)}>
                <span className="title" dir="auto">{doc.meta.title ?? doc.id}</span>
                <span className="meta">
                  {[doc.meta.outlet, doc.meta.published].filter(Boolean).join(' · ') || 'No outlet or date'}
                </span>
                <span className="count" title="Your spans in this document">{mine ? `${mine.spanCount} spans` : 'not started'}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

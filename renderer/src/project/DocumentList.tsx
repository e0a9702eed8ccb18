/**
 * The left pane: the project's documents, searchable (title, outlet, author, full text)
 * and sortable, each with its outlet, date and the annotator's progress on it.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/api.js';
import type { LayerStatus } from '../../../shared/model/annotations.js';
import { plural } from '../../../shared/text/plural.js';

export type DocumentSort = 'date' | 'title' | 'outlet' | 'spans';

interface Props {
  documents: readonly DocumentSummary[];
  currentId: string | null;
  annotator: string | null;
  /** The open document's live span count and status (summaries are from loading time). */
  openLayer: { documentId: string; spans: number; status: LayerStatus } | null;
  /** Ids matching the search, or null when there is no search. */
  search: (query: string) => Promise<string[] | null>;
  onOpen: (id: string) => void;
}

const STATUS_TEXT: Record<LayerStatus, string> = { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done' };

export const DocumentList = memo(function DocumentList({ documents, currentId, annotator, openLayer, search, onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Set<string> | null>(null);
  const [sort, setSort] = useState<DocumentSort>('date');

  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void search(query).then((ids) => {
        if (!cancelled) setMatches(ids ? new Set(ids) : null);
      });
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query, search]);

  const rows = useMemo(() => {
    const layerOf = (doc: DocumentSummary) => {
      if (openLayer?.documentId === doc.id) return { spanCount: openLayer.spans, status: openLayer.status };
      return doc.layers.find((layer) => layer.annotator === annotator) ?? null;
    };
    const shown = documents.filter((doc) => !matches || matches.has(doc.id)).map((doc) => ({ doc, layer: layerOf(doc) }));
    const text = (value: string | null | undefined) => (value ?? '').toLocaleLowerCase();
    const compare: Record<DocumentSort, (a: (typeof shown)[number], b: (typeof shown)[number]) => number> = {
      // Newest first; undated documents last.
      date: (a, b) => text(b.doc.meta.published).localeCompare(text(a.doc.meta.published)),
      title: (a, b) => text(a.doc.meta.title).localeCompare(text(b.doc.meta.title)),
      outlet: (a, b) => text(a.doc.meta.outlet).localeCompare(text(b.doc.meta.outlet)) || text(a.doc.meta.title).localeCompare(text(b.doc.meta.title)),
      spans: (a, b) => (b.layer?.spanCount ?? 0) - (a.layer?.spanCount ?? 0),
    };
    return shown.sort(compare[sort]);
  }, [documents, matches, sort, openLayer, annotator]);

  return (
    <nav className="document-list" id="documents-pane" aria-label="Documents">
      <h2 className="pane-title">
        Documents ({matches ? `${rows.length} of ${documents.length}` : documents.length})
      </h2>
      <input className="filter" type="search" placeholder="Search titles, outlets, text" value={query} onChange={(event) => setQuery(event.target.value)} aria-label="Search documents" />
      <label className="sort">
        Sort by{' '}
        <select value={sort} onChange={(event) => setSort(event.target.value as DocumentSort)} aria-label="Sort documents">
          <option value="date">date</option>
          <option value="title">title</option>
          <option value="outlet">outlet</option>
          <option value="spans">span count</option>
        </select>
      </label>
      <ul>
        {rows.map(({ doc, layer }) => (
          <li key={doc.id}>
            <button type="button" className="document-item" aria-current={doc.id === currentId ? 'true' : undefined} onClick={() => onOpen(doc.id)}>
              <span className="title" dir="auto">
                {doc.meta.title ?? doc.id}
              </span>
              <span className="meta">{[doc.meta.outlet, doc.meta.published?.slice(0, 10)].filter(Boolean).join(' · ') || 'No outlet or date'}</span>
              <span className="count" data-status={layer?.status ?? 'not-started'}>
                {layer ? `${STATUS_TEXT[layer.status]} · ${plural(layer.spanCount, 'span')}` : 'not started'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});

/**
 * Which document is open, and whose layer of it is shown: one's own, a colleague's
 * (read-only), or, while reviewing, the reviewed layer being built. Keeps it in step with
 * the disk: a colleague's layer arriving, another window's save of this one, a compared
 * layer changing; and does not let the window close with changes not yet saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import { layersHere } from './heading-text.js';
import type { ReviewSetup } from './review-setup.js';
import { useDiskChanges } from './use-disk-changes.js';
import { useDocumentSession } from './use-document-session.js';

interface Options {
  annotator: string | null;
  documents: readonly DocumentSummary[];
  hasProject: boolean;
  /** Reads the project's lists again; resolves to the document list. */
  loadProject: () => Promise<readonly DocumentSummary[]>;
  onError: (error: unknown) => void;
  /** The document the start-up answer chose, open from the first render. */
  initialId?: string | null;
}

/** The document to show from a list: the one open now, else the window's link (#doc=), else the first. */
function pick(list: readonly DocumentSummary[], current: string | null): string | null {
  const linked = new URLSearchParams(window.location.hash.slice(1)).get('doc');
  return [current, linked].find((id) => id && list.some((doc) => doc.id === id)) ?? list[0]?.id ?? null;
}

export function useOpenDocument(api: ApiClient, { annotator, documents, hasProject, loadProject, onError, initialId = null }: Options) {
  const [documentId, setDocumentId] = useState<string | null>(initialId);
  const [viewing, setViewing] = useState<string | null>(null);
  const [review, setReview] = useState<ReviewSetup | null>(null);
  // Bumped when a layer under review changes on disk: the comparison is read again.
  const [reviewRevision, setReviewRevision] = useState(0);
  const layerOwner = review ? review.into : (viewing ?? annotator);
  const editable = review !== null || viewing === null || viewing === annotator;
  const session = useDocumentSession(api, documentId, layerOwner, editable);
  const { flush, hasUnsaved, noticeDiskStamp } = session;

  /** Opens the document a link names (#doc=<id>), the one open, or the first. */
  const chooseFrom = useCallback((list: readonly DocumentSummary[]) => setDocumentId((current) => pick(list, current)), []);
  const reloadProject = useCallback(() => void loadProject().then(chooseFrom, onError), [loadProject, chooseFrom, onError]);

  const open = useCallback((id: string) => {
    performance.mark('factmark:open', { detail: { documentId: id } });
    window.history.replaceState(null, '', `${window.location.search}#doc=${encodeURIComponent(id)}`);
    setDocumentId(id);
  }, []);

  const viewLayer = useCallback((chosen: string) => void flush().then(() => setViewing(chosen === annotator ? null : chosen)), [flush, annotator]);
  const startReview = useCallback(
    async (setup: ReviewSetup) => {
      await flush();
      setViewing(null);
      setReview(setup);
    },
    [flush],
  );
  const closeReview = useCallback(async () => {
    await flush();
    setReview(null);
  }, [flush]);

  // Files changed on disk by someone else: the list, a colleague's layers, this layer.
  const layerStamps = useRef<Record<string, string | null>>({});
  useDiskChanges(api, hasProject, documentId, (stamps, projectChanged) => {
    const before = layerStamps.current;
    layerStamps.current = stamps.layers;
    // A layer file of this document that the document list does not know yet: read the list again.
    const listed = new Set(documents.find((doc) => doc.id === documentId)?.layers.map((layer) => layer.annotator) ?? []);
    const arrived = Object.entries(stamps.layers).some(([name, stamp]) => stamp !== null && !listed.has(name));
    if (projectChanged || arrived) reloadProject();
    // Another window's or program's save of this layer is taken in, merged with what is unsaved here.
    if (layerOwner) noticeDiskStamp(stamps.layers[layerOwner] ?? null);
    if (review && (['a', 'b'] as const).some((side) => before[review[side]] !== undefined && before[review[side]] !== stamps.layers[review[side]])) setReviewRevision((current) => current + 1);
  });

  // Warn before closing with changes not yet on disk.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      void flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved, flush]);

  /** Looks at the open layer's file now (after a sync wrote it), rather than at the next poll. */
  const catchUp = useCallback(async () => {
    if (!documentId || !layerOwner) return;
    const stamps = await api.call('getStamps', { documentId });
    noticeDiskStamp(stamps.layers[layerOwner] ?? null);
  }, [api, documentId, layerOwner, noticeDiskStamp]);

  const summary = documents.find((doc) => doc.id === documentId) ?? null;
  // Who has a layer on this document: the document list says (it is read again when the
  // disk shows a layer it does not know).
  return { documentId, open, chooseFrom, reloadProject, catchUp, summary, layersHere: layersHere(summary), viewing, viewLayer, layerOwner, review, reviewRevision, startReview, closeReview, ...session };
}

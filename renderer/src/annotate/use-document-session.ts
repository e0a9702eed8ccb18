/**
 * One open document with one annotator's layer: its text, the layer with undo history,
 * and autosave. A colleague's layer opens read-only. Switching documents flushes what is
 * unsaved first, and a layer file that changes on disk (a git pull, a copy) is read
 * again unless there are changes here not yet saved, which are never dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentView } from '../../../shared/api.js';
import { compareSpans } from '../../../shared/model/spans.js';
import { createOffsetIndex, type OffsetIndex } from '../../../shared/text/offsets.js';
import type { ApiClient } from '../api/client.js';
import { Autosaver, type SaveStatus } from './autosave.js';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from './history.js';
import type { LayerState } from './layer-state.js';

export interface DocumentSession {
  view: DocumentView;
  index: OffsetIndex;
  layer: LayerState;
  /** Whose layer this is, and whether it can be changed here (only one's own). */
  annotator: string;
  readOnly: boolean;
  apply: (change: (layer: LayerState) => LayerState) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * `annotator` is whose layer to show; `editable` whether it is the user's to change (their
 * own, or the reviewed layer they are building).
 */
export function useDocumentSession(api: ApiClient, documentId: string | null, annotator: string | null, editable = true) {
  const [session, setSession] = useState<{ view: DocumentView; index: OffsetIndex; annotator: string } | null>(null);
  const [history, setHistory] = useState<History<LayerState> | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const saverRef = useRef<Autosaver<LayerState> | null>(null);
  // The layer file's fingerprint as last read or written here: any other is from elsewhere.
  const stampRef = useRef<string | null>(null);
  // Bumped to read the document and layer again.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    if (!documentId || !annotator) {
      // No document (an empty project): nothing to show or save.
      setSession(null);
      setHistory(null);
      return undefined;
    }
    let cancelled = false;
    const saver = editable
      ? new Autosaver<LayerState>({
          save: async (layer) => {
            const result = await api.call('saveLayer', {
              documentId,
              annotator,
              spans: layer.spans,
              relations: layer.relations,
              status: layer.status,
              ...(layer.review ? { review: layer.review } : {}),
              ...(layer.rejectedSuggestions ? { rejectedSuggestions: layer.rejectedSuggestions } : {}),
            });
            stampRef.current = result.stamp;
          },
          onStatus: (status) => {
            if (!cancelled || status.state === 'saved') setSaveStatus(status);
          },
        })
      : null;
    setLoadError(null);
    api.call('getDocument', { documentId, annotator }).then(
      (view) => {
        if (cancelled) return;
        saverRef.current = saver;
        stampRef.current = view.stamp;
        setSession({ view, index: createOffsetIndex(view.document.text), annotator });
        // Spans are kept in text order from here on, so lists never need to sort them.
        const spans = [...view.layer.spans].sort(compareSpans);
        const { review, rejectedSuggestions } = view.layer;
        setHistory(startHistory<LayerState>({ spans, relations: view.layer.relations, status: view.layer.status, ...(review ? { review } : {}), ...(rejectedSuggestions ? { rejectedSuggestions } : {}) }));
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      // The previous document stays on screen until the next one has loaded.
      cancelled = true;
      void saver?.flush();
    };
  }, [api, documentId, annotator, editable, revision]);

  const apply = useCallback((change: (layer: LayerState) => LayerState) => {
    setHistory((current) => {
      if (!current || !saverRef.current) return current;
      const next = change(current.present);
      if (next === current.present) return current;
      const withStatus = next.status === 'not-started' && next.spans.length > 0 ? { ...next, status: 'in-progress' as const } : next;
      saverRef.current.change(withStatus);
      return record(current, withStatus);
    });
  }, []);

  const step = useCallback((move: (history: History<LayerState>) => History<LayerState>) => {
    setHistory((current) => {
      if (!current || !saverRef.current) return current;
      const next = move(current);
      if (next !== current) saverRef.current.change(next.present);
      return next;
    });
  }, []);

  const document: DocumentSession | null = useMemo(
    () =>
      session && history
        ? {
            ...session,
            layer: history.present,
            readOnly: !editable,
            apply,
            undo: () => step(undo),
            redo: () => step(redo),
            canUndo: editable && canUndo(history),
            canRedo: editable && canRedo(history),
          }
        : null,
    [session, history, apply, step, editable],
  );

  const flush = useCallback(async () => saverRef.current?.flush(), []);
  const hasUnsaved = useCallback(() => saverRef.current?.hasUnsaved ?? false, []);
  /** Saves what is waiting, then reads the layer from disk again (its undo history starts over). */
  const reload = useCallback(async () => {
    await flush();
    setRevision((current) => current + 1);
  }, [flush]);
  /**
   * Called with the layer file's fingerprint on disk: reads it again when it changed
   * elsewhere. Returns false when it did, but changes made here wait to be saved: they
   * are kept (and will be written over it).
   */
  const noticeDiskStamp = useCallback(
    (stamp: string | null) => {
      if (stamp === stampRef.current) return true;
      // Our own save may have reached the disk before its answer reached us: look again
      // next time, when the stamp it left is known.
      if (saverRef.current?.isSaving) return true;
      if (hasUnsaved()) return false;
      stampRef.current = stamp;
      setRevision((current) => current + 1);
      return true;
    },
    [hasUnsaved],
  );

  return { document, saveStatus, loadError, hasUnsaved, flush, reload, noticeDiskStamp };
}

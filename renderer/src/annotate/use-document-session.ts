/**
 * One open document for one annotator: its text, the layer with undo history, and
 * autosave. Switching documents flushes what is unsaved first.
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
  apply: (change: (layer: LayerState) => LayerState) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

export function useDocumentSession(api: ApiClient, documentId: string | null, annotator: string | null) {
  const [session, setSession] = useState<{ view: DocumentView; index: OffsetIndex } | null>(null);
  const [history, setHistory] = useState<History<LayerState> | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const saverRef = useRef<Autosaver<LayerState> | null>(null);
  // Bumped to read the document and layer again (after an import wrote to it).
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    if (!documentId || !annotator) {
      // No document (an empty project): nothing to show or save.
      setSession(null);
      setHistory(null);
      return undefined;
    }
    let cancelled = false;
    const saver = new Autosaver<LayerState>({
      save: async (layer) => {
        await api.call('saveLayer', { documentId, annotator, spans: layer.spans, relations: layer.relations, status: layer.status });
      },
      onStatus: (status) => {
        if (!cancelled || status.state === 'saved') setSaveStatus(status);
      },
    });
    setLoadError(null);
    api.call('getDocument', { documentId, annotator }).then(
      (view) => {
        if (cancelled) return;
        saverRef.current = saver;
        setSession({ view, index: createOffsetIndex(view.document.text) });
        // Spans are kept in text order from here on, so lists never need to sort them.
        const spans = [...view.layer.spans].sort(compareSpans);
        setHistory(startHistory<LayerState>({ spans, relations: view.layer.relations, status: view.layer.status }));
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      // The previous document stays on screen until the next one has loaded.
      cancelled = true;
      void saver.flush();
    };
  }, [api, documentId, annotator, revision]);

  const apply = useCallback((change: (layer: LayerState) => LayerState) => {
    setHistory((current) => {
      if (!current) return current;
      const next = change(current.present);
      if (next === current.present) return current;
      const withStatus = next.status === 'not-started' && next.spans.length > 0 ? { ...next, status: 'in-progress' as const } : next;
      saverRef.current?.change(withStatus);
      return record(current, withStatus);
    });
  }, []);

  const step = useCallback((move: (history: History<LayerState>) => History<LayerState>) => {
    setHistory((current) => {
      if (!current) return current;
      const next = move(current);
      if (next !== current) saverRef.current?.change(next.present);
      return next;
    });
  }, []);

  const document: DocumentSession | null = useMemo(
    () =>
      session && history
        ? {
            ...session,
            layer: history.present,
            apply,
            undo: () => step(undo),
            redo: () => step(redo),
            canUndo: canUndo(history),
            canRedo: canRedo(history),
          }
        : null,
    [session, history, apply, step],
  );

  const flush = useCallback(async () => saverRef.current?.flush(), []);
  /** Saves what is waiting, then reads the layer from disk again (its undo history starts over). */
  const reload = useCallback(async () => {
    await flush();
    setRevision((current) => current + 1);
  }, [flush]);

  return { document, saveStatus, loadError, hasUnsaved: () => saverRef.current?.hasUnsaved ?? false, flush, reload };
}

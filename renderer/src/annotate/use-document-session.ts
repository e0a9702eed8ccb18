/**
 * One open document with one annotator's layer: its text, and the layer's editor (undo
 * history, autosave, merging with other writers: layer-editor.ts). A colleague's layer
 * opens read-only. Switching documents flushes what is unsaved first, and a layer file
 * that changes on disk (another window, a git pull, a copy) is taken in, merged with any
 * changes here not yet saved — never dropped, never saved over.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentView, LayerView } from '../../../shared/api.js';
import { compareSpans } from '../../../shared/model/spans.js';
import { createOffsetIndex, type OffsetIndex } from '../../../shared/text/offsets.js';
import type { ApiClient } from '../api/client.js';
import type { SaveStatus } from './autosave.js';
import { LayerEditor, type Synced } from './layer-editor.js';
import type { LayerState } from './layer-state.js';
import { takePrefetched } from './prefetched.js';

export interface DocumentSession {
  view: DocumentView;
  index: OffsetIndex;
  layer: LayerState;
  /** Whose layer this is, and whether it can be changed here (only one's own). */
  annotator: string;
  readOnly: boolean;
  apply: (change: (layer: LayerState) => LayerState) => void;
  /** Steps back or forward; returns the states it moved between (null: nothing to do). */
  undo: () => { from: LayerState; to: LayerState } | null;
  redo: () => { from: LayerState; to: LayerState } | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** The layer as the editor holds it: spans in text order, so lists never need to sort them. */
function synced(view: LayerView): Synced {
  const { spans, relations, status, review, rejectedSuggestions } = view.layer;
  return {
    state: { spans: [...spans].sort(compareSpans), relations, status, ...(review ? { review } : {}), ...(rejectedSuggestions ? { rejectedSuggestions } : {}) },
    stamp: view.stamp,
  };
}

/**
 * `annotator` is whose layer to show; `editable` whether it is the user's to change (their
 * own, or the reviewed layer they are building).
 */
export function useDocumentSession(api: ApiClient, documentId: string | null, annotator: string | null, editable = true) {
  const [session, setSession] = useState<{ view: DocumentView; index: OffsetIndex; annotator: string; editor: LayerEditor } | null>(null);
  // Bumped whenever the editor's history changes, so the layer is drawn again.
  const [, setTick] = useState(0);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });
  const [loadError, setLoadError] = useState<string | null>(null);
  /** What a merge with another writer's save did, to tell the person. */
  const [mergeNotice, setMergeNotice] = useState<string | null>(null);
  const editorRef = useRef<LayerEditor | null>(null);
  // Bumped to read the document and layer again.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    if (!documentId || !annotator) {
      // No document (an empty project): nothing to show or save.
      setSession(null);
      editorRef.current = null;
      return undefined;
    }
    let cancelled = false;
    let editor: LayerEditor | null = null;
    setLoadError(null);
    const prefetched = takePrefetched(documentId, annotator);
    (prefetched ? Promise.resolve(prefetched) : api.call('getDocument', { documentId, annotator })).then(
      (view) => {
        if (cancelled) return;
        editor = new LayerEditor({
          initial: synced(view),
          save: async (layer, baseStamp) => {
            if (!editable) throw new Error(`${annotator}'s layer is read-only here`);
            const result = await api.call('saveLayer', {
              documentId,
              annotator,
              baseStamp,
              spans: layer.spans,
              relations: layer.relations,
              status: layer.status,
              ...(layer.review ? { review: layer.review } : {}),
              ...(layer.rejectedSuggestions ? { rejectedSuggestions: layer.rejectedSuggestions } : {}),
            });
            return result.stamp;
          },
          load: async () => synced(await api.call('getLayer', { documentId, annotator })),
          onStatus: (status) => {
            if (!cancelled || status.state === 'saved') setSaveStatus(status);
          },
          onChange: () => {
            if (!cancelled) setTick((tick) => tick + 1);
          },
          onMerged: (message) => {
            if (!cancelled) setMergeNotice(message);
          },
        });
        editorRef.current = editor;
        setMergeNotice(null);
        setSession({ view, index: createOffsetIndex(view.document.text), annotator, editor });
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      // The previous document stays on screen until the next one has loaded.
      cancelled = true;
      void editor?.flush();
    };
  }, [api, documentId, annotator, editable, revision]);

  const editor = session?.editor ?? null;
  const layer = editor?.layer;
  const document: DocumentSession | null = useMemo(
    () =>
      session && editor && layer
        ? {
            view: session.view,
            index: session.index,
            annotator: session.annotator,
            layer,
            readOnly: !editable,
            apply: (change) => {
              if (editable) editor.apply(change);
            },
            undo: () => (editable ? editor.undo() : null),
            redo: () => (editable ? editor.redo() : null),
            canUndo: editable && editor.canUndo,
            canRedo: editable && editor.canRedo,
          }
        : null,
    [session, editor, layer, editable],
  );

  const flush = useCallback(async () => editorRef.current?.flush(), []);
  const hasUnsaved = useCallback(() => editorRef.current?.hasUnsaved ?? false, []);
  /** Saves what is waiting, then reads the document and layer from disk again (its undo history starts over). */
  const reload = useCallback(async () => {
    await flush();
    setRevision((current) => current + 1);
  }, [flush]);
  /** Called with the layer file's version on disk, as a poll found it: takes in another writer's changes. */
  const noticeDiskStamp = useCallback((stamp: string | null) => {
    void editorRef.current?.noticeDiskStamp(stamp).catch(() => undefined); // the next poll tries again
  }, []);
  const dismissMergeNotice = useCallback(() => setMergeNotice(null), []);

  return { document, saveStatus, loadError, mergeNotice, dismissMergeNotice, hasUnsaved, flush, reload, noticeDiskStamp };
}

/**
 * The claims board as a view of the window: open or not, its state, its keys (the
 * "board" commands), and opening a mention — the board closes, the article opens with
 * the layer the span is in, and the span is selected and scrolled to once it is there.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newClaimId, type SpanRef } from '../../../shared/model/claims.js';
import type { ClaimLinking } from '../annotate/ClaimLinkField.js';
import type { useOpenDocument } from '../annotate/use-open-document.js';
import type { useTagging } from '../annotate/use-tagging.js';
import type { ApiClient } from '../api/client.js';
import { useClaimsBoard } from './use-claims-board.js';

/** What the board's keys do (the "board" commands in commands/). */
export interface BoardKeys {
  step: (direction: 1 | -1) => void;
  openFirstMention: () => void;
  focusFilter: () => void;
  close: () => void;
}

export function useClaimsView(api: ApiClient, annotator: string | null, doc: ReturnType<typeof useOpenDocument>, tagging: ReturnType<typeof useTagging>, onError: (error: unknown) => void) {
  const [open, setOpen] = useState(false);
  const state = useClaimsBoard(api, annotator, open, onError);
  const pending = useRef<SpanRef | null>(null);
  const { flush, open: openDocument, viewLayer } = doc;

  const show = useCallback(() => {
    // What is typed in the article is on disk before the board reads every layer.
    void flush().then(() => setOpen(true), onError);
  }, [flush, onError]);
  const close = useCallback(() => setOpen(false), []);

  const openMention = useCallback(
    (ref: SpanRef) => {
      pending.current = ref;
      setOpen(false);
      if (annotator) viewLayer(ref.annotator);
      openDocument(ref.documentId);
    },
    [annotator, viewLayer, openDocument],
  );

  // The span is selected once its document and layer are the ones open, and the article is
  // back on screen (when it was open already, that is all that changes).
  const opened = doc.document;
  const { selectSpan } = tagging;
  useEffect(() => {
    const ref = pending.current;
    if (!ref || !opened || opened.view.document.id !== ref.documentId || opened.annotator !== ref.annotator) return;
    const span = opened.layer.spans.find((candidate) => candidate.id === ref.spanId);
    pending.current = null;
    if (span) selectSpan(span, true);
  }, [opened, selectSpan, open]);

  const { step, selected, setTab } = state;
  const commands: BoardKeys | null = useMemo(
    () =>
      open
        ? {
            step,
            close,
            focusFilter: () => {
              setTab('claims');
              // After the tab's filter is on screen.
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-board-search]')?.focus());
            },
            openFirstMention: () => {
              const first = selected?.firstAppearance ?? selected?.mentions[0]?.ref;
              if (first) openMention(first);
            },
          }
        : null,
    [open, step, close, setTab, selected, openMention],
  );

  /** What a claim span's details need: the claims, a new one from the span, the way to the board. */
  const { setSelectedId, change } = state;
  const linking: ClaimLinking = useMemo(
    () => ({
      list: () => api.call('listClaims', {}),
      create: async (span) => {
        const id = newClaimId(crypto.randomUUID());
        await change([{ kind: 'create', id, wording: span.quote.exact }]);
        return id;
      },
      openBoard: (claimId) => {
        setSelectedId(claimId);
        show();
      },
    }),
    [api, change, setSelectedId, show],
  );

  return { open, show, close, toggle: open ? close : show, state, openMention, commands, linking };
}

/**
 * Tagging the open document: the text selection and the selected span, and what is done
 * with them — tag, relabel, remove, step from span to span, undo and redo (which select
 * the span they changed), find. Each says what it did through the window's live region
 * (`announce`, ui/live-region.tsx), so a screen reader hears the label and words of the
 * span moved to and what a key press changed. The layer itself is the document session's.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { createSpan, insertSpan, newSpanId, relabelSpan } from '../../../shared/model/spans.js';
import type { DocumentViewHandle, Selection } from '../document-view/DocumentView.js';
import { spokenQuote, type Announce } from '../ui/live-region.js';
import { describeChange, patchSpan, replaceSpan, withoutSpan, type SpanPatch } from './layer-state.js';
import type { DocumentSession } from './use-document-session.js';

export function useTagging(opened: DocumentSession | null, labels: readonly LabelDef[], view: RefObject<DocumentViewHandle | null>, announce: Announce) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const [finding, setFinding] = useState(false);
  const selectedSpan = opened?.layer.spans.find((span) => span.id === selectedSpanId) ?? null;
  const latest = useRef({ opened, labels, selectedSpan, announce });
  latest.current = { opened, labels, selectedSpan, announce };
  // Reads the newest labels, so the callbacks below need not change with them.
  const named = (span: Span) => spanWords(span, latest.current.labels);

  /** Selects a span (J/K, the span list, undo): says its label, words and place. */
  const selectSpan = useCallback(
    (span: Span | null, reveal = false) => {
      setSelectedSpanId(span?.id ?? null);
      if (span && reveal) view.current?.reveal(span);
      const spans = latest.current.opened?.layer.spans ?? [];
      const at = span ? spans.findIndex((candidate) => candidate.id === span.id) : -1;
      if (span && at >= 0) latest.current.announce(`${named(span)}, span ${at + 1} of ${spans.length}`);
    },
    [view],
  );

  const tag = useCallback(
    (labelId: string, exact: boolean) => {
      const { opened: document, labels: known } = latest.current;
      const label = known.find((candidate) => candidate.id === labelId);
      const range = view.current?.selection(exact);
      if (!document || document.readOnly || !label || !range) return false;
      const id = newSpanId(document.layer.spans, () => crypto.randomUUID().slice(0, 8));
      const span = createSpan(document.index, range, label, id, new Date());
      document.apply((layer) => ({ ...layer, spans: insertSpan(layer.spans, span) }));
      view.current?.clearSelection();
      setSelection(null);
      setSelectedSpanId(id);
      latest.current.announce(`Tagged ${named(span)}`);
      return true;
    },
    [view],
  );

  const relabel = useCallback((labelId: string) => {
    const { opened: document, labels: known, selectedSpan: span } = latest.current;
    const label = known.find((candidate) => candidate.id === labelId);
    if (!document || document.readOnly || !label || !span || span.label === labelId) return;
    document.apply((layer) => replaceSpan(layer, relabelSpan(span, label, new Date())));
    latest.current.announce(`Relabelled ${named(span)} as ${label.name}`);
  }, []);

  const remove = useCallback(() => {
    const { opened: document, selectedSpan: span } = latest.current;
    if (!document || document.readOnly || !span) return;
    const spans = document.layer.spans; // in text order
    const next = spans[spans.findIndex((candidate) => candidate.id === span.id) + 1] ?? null;
    document.apply((layer) => withoutSpan(layer, span.id));
    setSelectedSpanId(next?.id ?? null);
    latest.current.announce(`Removed ${named(span)}${next ? `; next: ${named(next)}` : ''}`);
  }, []);

  /** A change to the span with this id, as it is in the layer now (see patchSpan). */
  const patch = useCallback((spanId: string, change: SpanPatch) => latest.current.opened?.apply((layer) => patchSpan(layer, spanId, change, new Date())), []);

  const step = useCallback(
    (direction: 1 | -1) => {
      const { opened: document, selectedSpan: span } = latest.current;
      const spans = document?.layer.spans ?? []; // in text order
      if (spans.length === 0) {
        latest.current.announce('No spans in this document yet');
        return;
      }
      const at = span ? spans.indexOf(span) : -1;
      const next = spans[at < 0 ? (direction === 1 ? 0 : spans.length - 1) : (at + direction + spans.length) % spans.length];
      selectSpan(next ?? null, true);
    },
    [selectSpan],
  );

  const history = useCallback(
    (direction: 'undo' | 'redo') => {
      const { opened: document, labels: known } = latest.current;
      const moved = direction === 'undo' ? document?.undo() : document?.redo();
      if (!moved) {
        latest.current.announce(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
        return;
      }
      const nameOf = (id: string) => known.find((label) => label.id === id)?.name ?? id;
      // The action itself runs from the earlier state to the later one.
      const action = direction === 'undo' ? describeChange(moved.to, moved.from, nameOf) : describeChange(moved.from, moved.to, nameOf);
      const before = new Set(moved.from.spans);
      selectSpan(moved.to.spans.find((span) => !before.has(span)) ?? null, true);
      // Said after the selection's own words, so this is what is heard.
      latest.current.announce(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${action?.text ?? 'nothing changed'}`);
    },
    [selectSpan],
  );

  const clear = useCallback(() => {
    view.current?.clearSelection();
    setSelection(null);
    setSelectedSpanId(null);
  }, [view]);

  /** A new document: nothing selected. */
  const reset = useCallback(() => {
    setSelectedSpanId(null);
    setSelection(null);
  }, []);

  const closeFind = useCallback(() => {
    setFinding(false);
    // Back to the article: the current match stays selected, so a label key tags it.
    (window.document.activeElement as HTMLElement | null)?.blur();
  }, []);

  return useMemo(
    () => ({ selection, setSelection, selectedSpanId, setSelectedSpanId, selectedSpan, selectSpan, tag, relabel, remove, patch, step, history, clear, reset, finding, find: () => setFinding(true), closeFind }),
    [selection, selectedSpanId, selectedSpan, selectSpan, tag, relabel, remove, patch, step, history, clear, reset, finding, closeFind],
  );
}

/** A span as it is said: its label and its words ("Entity “K-1 Air Base”"). */
export function spanWords(span: Span, labels: readonly LabelDef[]): string {
  return `${labels.find((label) => label.id === span.label)?.name ?? span.label} ${spokenQuote(span.quote.exact)}`;
}

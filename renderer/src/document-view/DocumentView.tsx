/**
 * The centre pane: the article in the Lexical text view with span highlights. Reports
 * the analyst's text selection (in code points, snapped to words unless Alt is held)
 * and clicks on highlights; the parent owns the layer and decides what they do.
 */
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { spansAt } from '../../../shared/model/spans.js';
import type { OffsetIndex } from '../../../shared/text/offsets.js';
import { snapToWords } from '../../../shared/text/words.js';
import { clearHighlights, flashSpan, showFindMatches, showSuggestionRanges } from './highlights.js';
import { SpanMarks } from './span-marks.js';
import { lexicalLines } from './lexical-lines.js';
import { TextView } from './text-view.js';

export interface Selection {
  /** Code point offsets into the document text. */
  start: number;
  end: number;
  /** Where to put the tagging toolbar, in viewport coordinates. */
  rect: { left: number; top: number; bottom: number };
}

export interface DocumentViewHandle {
  /** The current text selection in code points; snapped to words unless `exact`. */
  selection(exact: boolean): { start: number; end: number } | null;
  clearSelection(): void;
  reveal(span: Span): void;
  /** Marks find results (UTF-16 ranges); the current one is selected, ready to tag. */
  showMatches(matches: readonly { start: number; end: number }[], current: number | null): void;
  /** Marks suggestions (code point ranges) with dashed underlines; brings the current one into view. */
  showSuggestions(ranges: readonly { start: number; end: number }[], current: number | null): void;
}

interface Props {
  documentId: string;
  text: string;
  index: OffsetIndex;
  language: string | null;
  spans: readonly Span[];
  labels: readonly LabelDef[];
  selectedSpanId: string | null;
  onSelection: (selection: Selection | null) => void;
  onSpanClick: (spanId: string | null) => void;
}

export const DocumentView = forwardRef<DocumentViewHandle, Props>(function DocumentView(props, ref) {
  const { documentId, text, index, language, spans, labels, selectedSpanId, onSelection, onSpanClick } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<TextView | null>(null);
  const highlighterRef = useRef<SpanMarks | null>(null);
  const hoverRef = useRef<HTMLDivElement>(null);
  const hoverFrame = useRef(0);
  const loadedRef = useRef<string | null>(null);
  const exactRef = useRef(false);
  const lastClick = useRef<string[] | null>(null);
  const callbacks = useRef({ onSelection, onSpanClick, spans, selectedSpanId });
  callbacks.current = { onSelection, onSpanClick, spans, selectedSpanId };

  // Layout effects: the text and its highlights are in place before the browser paints,
  // so opening a document costs one frame, not one per React render.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return undefined;
    const view = new TextView(root, lexicalLines);
    viewRef.current = view;
    // The text wraps anew when the pane's width changes: the marks follow it.
    let width = root.clientWidth;
    let frame = 0;
    const resized = new ResizeObserver(() => {
      if (root.clientWidth === width) return;
      width = root.clientWidth;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => highlighterRef.current?.redraw());
    });
    resized.observe(root);
    return () => {
      resized.disconnect();
      cancelAnimationFrame(frame);
      view.destroy();
      viewRef.current = null;
      highlighterRef.current = null;
      loadedRef.current = null;
      clearHighlights();
    };
  }, []);

  useLayoutEffect(() => {
    const view = viewRef.current;
    const root = rootRef.current;
    if (!view || !root) return undefined;
    if (loadedRef.current !== text) {
      performance.mark('factmark:load-text');
      view.onRender = null; // the old highlights go with the old text
      view.load(text);
      performance.measure('factmark:text-loaded', 'factmark:load-text');
      loadedRef.current = text;
      highlighterRef.current = null;
      clearHighlights();
    }
    performance.mark('factmark:paint-spans');
    // New ranges and highlight names for a new text or label schema.
    if (!highlighterRef.current?.drawsFor(index, labels)) {
      const highlighter = new SpanMarks(view, index, labels);
      highlighterRef.current = highlighter;
      // Chunks rendered later (as the analyst scrolls) get their highlights then.
      view.onRender = (range) => highlighter.refresh(range);
    }
    highlighterRef.current.sync(spans, selectedSpanId);
    performance.measure('factmark:spans-painted', 'factmark:paint-spans');
    // Tell tests and benchmarks when this state is on screen: a task queued from an
    // animation frame runs once that frame has been laid out and painted.
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        root.dataset.paintedDocument = documentId;
        root.dataset.paintedSpans = String(spans.length);
        performance.mark('factmark:painted', { detail: { documentId, spans: spans.length } });
      }, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [documentId, text, index, spans, labels, selectedSpanId]);

  const currentSelection = (exact: boolean): { start: number; end: number } | null => {
    const view = viewRef.current;
    const selection = window.getSelection();
    if (!view || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const source = view.sourceRangeOf(selection.getRangeAt(0));
    if (!source || source.end <= source.start) return null;
    const range = exact ? source : snapToWords(text, source.start, source.end, language ?? undefined);
    return { start: index.toCodePoint(range.start), end: index.toCodePoint(range.end) };
  };

  useImperativeHandle(ref, () => ({
    selection: (exact) => currentSelection(exact || exactRef.current),
    clearSelection: () => {
      window.getSelection()?.removeAllRanges();
      exactRef.current = false;
    },
    showMatches: (matches, current) => {
      const view = viewRef.current;
      if (!view) return;
      showFindMatches(view, matches);
      const chosen = current === null ? undefined : matches[current];
      if (!chosen) return;
      const range = view.rangeOf(chosen);
      view.lineElementAt(chosen.start)?.scrollIntoView({ block: 'center' });
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      exactRef.current = true; // a found phrase is tagged as found, not snapped
    },
    showSuggestions: (ranges, current) => {
      const view = viewRef.current;
      if (!view) return;
      const utf16 = ranges.map((range) => ({ start: index.toUtf16(range.start), end: index.toUtf16(range.end) }));
      showSuggestionRanges(view, utf16, current);
      const chosen = current === null ? undefined : utf16[current];
      if (chosen) view.lineElementAt(chosen.start)?.scrollIntoView({ block: 'center' });
    },
    reveal: (span) => {
      const view = viewRef.current;
      if (!view) return;
      view.lineElementAt(index.toUtf16(span.start))?.scrollIntoView({ block: 'center' });
      flashSpan(view, index, span);
    },
  }));

  // Keep the parent told about the selection, whether made by mouse or keyboard.
  useEffect(() => {
    const report = () => {
      const view = viewRef.current;
      const selection = window.getSelection();
      if (!view || !selection || selection.rangeCount === 0 || selection.isCollapsed) return callbacks.current.onSelection(null);
      const range = selection.getRangeAt(0);
      const source = view.sourceRangeOf(range);
      if (!source || source.end <= source.start) return callbacks.current.onSelection(null);
      const box = range.getBoundingClientRect();
      callbacks.current.onSelection({ start: index.toCodePoint(source.start), end: index.toCodePoint(source.end), rect: { left: box.left, top: box.top, bottom: box.bottom } });
    };
    document.addEventListener('selectionchange', report);
    return () => document.removeEventListener('selectionchange', report);
  }, [index]);

  const onMouseUp = (event: React.MouseEvent) => {
    const view = viewRef.current;
    const selection = window.getSelection();
    if (!view || !selection) return;
    exactRef.current = event.altKey;
    if (!selection.isCollapsed) {
      if (event.altKey) return;
      // Snap what the mouse selected to whole words, so the analyst sees what a tag covers.
      const snapped = currentSelection(false);
      if (!snapped) return;
      const range = view.rangeOf({ start: index.toUtf16(snapped.start), end: index.toUtf16(snapped.end) });
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    // A click: select the span under the pointer; clicking again cycles through overlaps.
    const offset = offsetAtPoint(view, event.clientX, event.clientY);
    if (offset === null) return callbacks.current.onSpanClick(null);
    const codePoint = index.toCodePoint(offset);
    const hits = spansAt(callbacks.current.spans, codePoint);
    const candidates = hits.length ? hits : codePoint > 0 ? spansAt(callbacks.current.spans, codePoint - 1) : [];
    if (candidates.length === 0) return callbacks.current.onSpanClick(null);
    const ids = candidates.map((span) => span.id);
    const current = callbacks.current.selectedSpanId;
    const position = current ? ids.indexOf(current) : -1;
    const repeat = lastClick.current !== null && lastClick.current.join() === ids.join();
    const next = repeat && position >= 0 ? ids[(position + 1) % ids.length] : ids[0];
    lastClick.current = ids;
    callbacks.current.onSpanClick(next ?? null);
  };

  // The labels of the spans under the pointer, outermost first, in a chip beside it.
  const onMouseMove = (event: React.MouseEvent) => {
    const { clientX, clientY } = event;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const chip = hoverRef.current;
      const view = viewRef.current;
      if (!chip || !view) return;
      const offset = offsetAtPoint(view, clientX, clientY);
      const hits = offset === null ? [] : spansAt(callbacks.current.spans, index.toCodePoint(offset));
      const names = hits.flatMap((span) => {
        const label = labels.find((candidate) => candidate.id === span.label);
        return label ? [`${label.name} · ${label.key}`] : [];
      });
      chip.hidden = names.length === 0;
      chip.textContent = names.join('  ›  ');
      chip.style.left = `${clientX + 12}px`;
      chip.style.top = `${clientY - 34}px`;
    });
  };
  const hideHover = () => {
    cancelAnimationFrame(hoverFrame.current);
    if (hoverRef.current) hoverRef.current.hidden = true;
  };

  // Copy what the selection covers in the source text: a long article renders its lines
  // as they scroll into view, so the page holds only part of a long selection.
  const onCopy = (event: React.ClipboardEvent) => {
    const view = viewRef.current;
    const selection = window.getSelection();
    if (!view || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const source = view.sourceRangeOf(selection.getRangeAt(0));
    if (!source) return;
    event.clipboardData.setData('text/plain', text.slice(source.start, source.end));
    event.preventDefault();
  };
  // Select all, in the article, is the whole article, rendered or not (see onCopy).
  const onKeyDown = (event: React.KeyboardEvent) => {
    const root = rootRef.current;
    if (!root || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'a' || event.altKey || event.shiftKey) return;
    event.preventDefault();
    const range = document.createRange();
    range.selectNodeContents(root);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  };

  return (
    // Focusable so the keyboard can scroll it and select in it.
    <div className="document-scroll" tabIndex={0} onKeyDown={onKeyDown} aria-label="Article">
      <div
        ref={rootRef}
        className="document-text"
        lang={language ?? undefined}
        dir="auto"
        data-testid="document-text"
        onMouseUp={onMouseUp}
        onCopy={onCopy}
        onMouseMove={onMouseMove}
        onMouseLeave={hideHover}
        aria-label="Article text"
      />
      <div ref={hoverRef} className="fm-hover-labels" data-testid="hover-labels" hidden aria-hidden="true" />
    </div>
  );
});

/** The source UTF-16 offset under a viewport point, via the caret position there. */
function offsetAtPoint(view: TextView, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return view.sourceOffsetOf(position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? view.sourceOffsetOf(range.startContainer, range.startOffset) : null;
}

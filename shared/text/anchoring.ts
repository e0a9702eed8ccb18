/**
 * Checking a layer's spans against a document text and re-anchoring the ones that no
 * longer fit. Works on the minimal shape of a span so that any codec can use it.
 */
import { createOffsetIndex, type OffsetIndex } from './offsets.js';
import { makeQuote, reanchorQuote, type Quote } from './quote.js';

export interface AnchoredSpan {
  id: string;
  start: number;
  end: number;
  quote: Quote;
}

/** True when the span's offsets slice `text` to its quote. */
export function spanFitsText(index: OffsetIndex, span: AnchoredSpan): boolean {
  return span.start >= 0 && span.end <= index.length && span.start < span.end && index.slice(span.start, span.end) === span.quote.exact;
}

export interface Moved {
  id: string;
  from: { start: number; end: number };
  to: { start: number; end: number };
}

export interface AnchorResult<S extends AnchoredSpan> {
  /** Every span, in the input order: the ones that fit, the re-anchored ones (with new
   *  offsets and fresh context), and the unplaced ones unchanged. */
  spans: S[];
  /** Spans whose offsets were moved to where their quote is now. */
  moved: Moved[];
  /** Ids of spans whose quote no longer occurs in the text: kept as they were, reported. */
  unplaced: string[];
}

export function anchorSpans<S extends AnchoredSpan>(text: string | OffsetIndex, spans: readonly S[]): AnchorResult<S> {
  const index = typeof text === 'string' ? createOffsetIndex(text) : text;
  const moved: Moved[] = [];
  const unplaced: string[] = [];
  const out = spans.map((span) => {
    if (spanFitsText(index, span)) return span;
    const anchor = reanchorQuote(index, span.quote, span.start);
    if (!anchor) {
      unplaced.push(span.id);
      return span;
    }
    moved.push({ id: span.id, from: { start: span.start, end: span.end }, to: anchor });
    return { ...span, start: anchor.start, end: anchor.end, quote: makeQuote(index, anchor.start, anchor.end) };
  });
  return { spans: out, moved, unplaced };
}

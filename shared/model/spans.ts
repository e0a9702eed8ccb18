/**
 * Plain functions over a layer's spans: making one from a selection, changing its label,
 * ordering and finding spans. Every change returns new objects (the UI's undo history
 * keeps the old ones).
 */
import type { OffsetIndex } from '../text/offsets.js';
import { makeQuote } from '../text/quote.js';
import type { AttributeValue, Span } from './annotations.js';
import type { LabelDef } from './labels.js';

/** The attribute values a new span of `label` starts with: the schema's defaults. */
export function defaultAttributes(label: LabelDef): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const attribute of label.attributes) {
    if ((attribute.type === 'enum' || attribute.type === 'boolean') && attribute.default !== undefined) values[attribute.id] = attribute.default;
  }
  return values;
}

export function createSpan(index: OffsetIndex, range: { start: number; end: number }, label: LabelDef, id: string, now: Date): Span {
  const stamp = now.toISOString();
  return {
    id,
    label: label.id,
    start: range.start,
    end: range.end,
    quote: makeQuote(index, range.start, range.end),
    attributes: defaultAttributes(label),
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * Gives a span another label. Attribute values that the new label also defines are
 * kept; the others are dropped, and the new label's defaults fill the gaps.
 */
export function relabelSpan(span: Span, label: LabelDef, now: Date): Span {
  const kept: Record<string, AttributeValue> = {};
  for (const attribute of label.attributes) {
    const value = span.attributes[attribute.id];
    if (value !== undefined) kept[attribute.id] = value;
  }
  return { ...span, label: label.id, attributes: { ...defaultAttributes(label), ...kept }, updatedAt: now.toISOString() };
}

/** Text order: by start, then the longer span first (it encloses the shorter). */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}

/** True when `spans` are in text order (compareSpans), as a layer keeps them. */
export function inTextOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (compareSpans(spans[i - 1] as Span, spans[i] as Span) > 0) return false;
  return true;
}

/** `spans` (in text order) with `span` inserted in its place: one copy, no re-sort. */
export function insertSpan(spans: readonly Span[], span: Span): Span[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSpans(spans[mid] as Span, span) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [...spans.slice(0, lo), span, ...spans.slice(lo)];
}

/** Spans covering code point `offset`, innermost (shortest) first. */
export function spansAt(spans: readonly Span[], offset: number): Span[] {
  return spans.filter((span) => span.start <= offset && offset < span.end).sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** A span id not yet used in the layer. */
export function newSpanId(existing: readonly Span[], random: () => string): string {
  const used = new Set(existing.map((span) => span.id));
  for (;;) {
    const id = `s_${random()}`;
    if (!used.has(id)) return id;
  }
}

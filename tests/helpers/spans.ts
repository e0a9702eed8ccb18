/** A span over placeholder text, for tests of what only reads offsets, labels and attributes. */
import type { AttributeValue, Span } from '../../shared/model/annotations.js';

export const SPAN_STAMP = '2026-11-22T10:00:00.000Z';

export function bareSpan(id: string, label: string, start: number, end: number, attributes: Record<string, AttributeValue> = {}): Span {
  return { id, label, start, end, quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' }, attributes, createdAt: SPAN_STAMP, updatedAt: SPAN_STAMP };
}

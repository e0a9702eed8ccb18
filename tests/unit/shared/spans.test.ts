import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/model/annotations.js';
import { DEFAULT_LABELS } from '../../../shared/model/default-labels.js';
import { compareSpans, createSpan, defaultAttributes, insertSpan, newSpanId, relabelSpan, spansAt } from '../../../shared/model/spans.js';
import { createOffsetIndex } from '../../../shared/text/offsets.js';

const [claim, entity, date] = DEFAULT_LABELS as [typeof DEFAULT_LABELS[0], typeof DEFAULT_LABELS[0], typeof DEFAULT_LABELS[0]];
const now = new Date('2026-11-22T10:00:00Z');
const text = 'Col. Dana Reed 👩‍🚒 said on Sunday that 300 personnel left.';
const index = createOffsetIndex(text);
const at = (exact: string, label = entity, id = exact) => {
  const start = index.toCodePoint(text.indexOf(exact));
  return createSpan(index, { start, end: start + [...exact].length }, label, id, now);
};

describe('span operations', () => {
  it('make a span with its quote, timestamps and the label\'s default attributes', () => {
    const span = at('Dana Reed', claim, 's_1');
    expect(span).toEqual({
      id: 's_1',
      label: 'claim',
      start: 5,
      end: 14,
      quote: { exact: 'Dana Reed', prefix: 'Col. ', suffix: ' 👩‍🚒 said on Sunday that 300 per' },
      attributes: { verdict: 'unverified' },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    expect(defaultAttributes(date)).toEqual({});
  });

  it('change a label, keeping the attributes the new label also has', () => {
    const span = { ...at('Sunday', claim), attributes: { verdict: 'false', kind: 'person' } };
    expect(relabelSpan(span, entity, now).attributes).toEqual({ kind: 'person' });
    expect(relabelSpan({ ...span, attributes: { kind: 'person' } }, claim, now).attributes).toEqual({ verdict: 'unverified' });
  });

  it('find the spans under an offset, innermost first', () => {
    const outer = at('Col. Dana Reed');
    const inner = at('Dana');
    expect(spansAt([outer, inner], 6).map((span) => span.id)).toEqual(['Dana', 'Col. Dana Reed']);
    expect(spansAt([outer, inner], 14)).toEqual([]);
  });

  it('insert a span in text order, as sorting would', () => {
    const arbitrarySpan = fc.record({ start: fc.nat(50), length: fc.integer({ min: 1, max: 10 }), id: fc.string({ minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(arbitrarySpan, { maxLength: 30 }), arbitrarySpan, (list, extra) => {
        const make = ({ start, length, id }: { start: number; length: number; id: string }) => ({ id, start, end: start + length }) as Span;
        const sorted = list.map(make).sort(compareSpans);
        expect(insertSpan(sorted, make(extra))).toEqual([...sorted, make(extra)].sort(compareSpans));
      }),
    );
  });

  it('make ids that are not taken', () => {
    const ids = ['a', 'a', 'b'];
    expect(newSpanId([{ id: 's_a' } as Span], () => ids.shift() ?? 'z')).toBe('s_b');
  });
});

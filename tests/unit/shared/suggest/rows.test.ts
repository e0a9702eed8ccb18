import { describe, expect, it } from 'vitest';
import { suggestionRows } from '../../../../shared/suggest/rows.js';
import type { Suggestion } from '../../../../shared/suggest/suggestion.js';

const s = (label: Suggestion['label'], start: number, extra: Partial<Suggestion> = {}): Suggestion => ({ label, start, end: start + 2, text: 'xx', attributes: {}, reason: 'r', ...extra });

describe('suggestion rows', () => {
  it('puts every occurrence of a name in one row, dates first, claims by check-worthiness', () => {
    const rows = suggestionRows([
      s('claim', 0, { confidence: 0.3 }),
      s('entity', 10, { group: 'us', attributes: { kind: 'location' }, confidence: 0.8 }),
      s('entity', 30, { group: 'us', attributes: { kind: 'location' }, confidence: 0.85 }),
      s('entity', 20, { group: 'iraq', attributes: { kind: 'location' }, confidence: 0.8 }),
      s('claim', 40, { confidence: 0.9 }),
      s('date', 50),
    ]);
    expect(rows.map((row) => [row.label, row.members.map((m) => m.start), row.confidence])).toEqual([
      ['date', [50], null],
      ['entity', [10, 30], 0.85],
      ['entity', [20], 0.8],
      ['claim', [40], 0.9],
      ['claim', [0], 0.3],
    ]);
  });

  it('leaves out what is under the threshold, keeping what has no confidence', () => {
    const rows = suggestionRows([s('entity', 0, { group: 'a', confidence: 0.4 }), s('entity', 5, { group: 'b', confidence: 0.7 }), s('date', 9)], 0.5);
    expect(rows.map((row) => row.members[0]?.start)).toEqual([9, 5]);
  });
});

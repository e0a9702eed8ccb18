import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../shared/suggest/suggestion.js';
import { suggestionsToSpans } from '../../../../shared/suggest/to-spans.js';
import { createOffsetIndex } from '../../../../shared/text/offsets.js';

const TEXT = '👩‍🚒 Reed said 300 people left on Sunday.';
const index = createOffsetIndex(TEXT);
const at = (exact: string) => {
  const start = index.toCodePoint(TEXT.indexOf(exact));
  return { start, end: start + [...exact].length, text: exact };
};
const reed: Suggestion = { label: 'entity', ...at('Reed'), attributes: { kind: 'person' }, reason: 'person name' };
const claim: Suggestion = { label: 'claim', ...at('Reed said 300 people left on Sunday.'), attributes: {}, claimant: at('Reed'), reason: 'reported speech: said' };
const sunday: Suggestion = { label: 'date', ...at('Sunday'), attributes: { value: '2020-03-29', timexType: 'DATE' }, reason: 'resolved against the publication date' };
let counter = 0;
const newId = () => `s_${++counter}`;
const now = new Date('2026-11-22T00:00:00Z');

describe('accepted suggestions become spans', () => {
  it('fills in attributes, and quotes that slice the text', () => {
    const [date] = suggestionsToSpans(index, [sunday], [], newId, now);
    expect(date).toMatchObject({ label: 'date', attributes: { value: '2020-03-29', timexType: 'DATE' }, quote: { exact: 'Sunday' } });
  });

  it('points a claim at its claimant\'s entity span, tagging it (with its kind) when it is not tagged yet', () => {
    const made = suggestionsToSpans(index, [claim], [], newId, now, [reed, claim, sunday]);
    const speaker = made.find((span) => span.label === 'entity');
    expect(speaker).toMatchObject({ quote: { exact: 'Reed' }, attributes: { kind: 'person' } });
    expect(made.find((span) => span.label === 'claim')?.attributes).toEqual({ claimant: speaker?.id });
    // Accepted together, the entity is made once, first, and the claim points at it.
    const both = suggestionsToSpans(index, [claim, reed], [], newId, now, [reed, claim]);
    expect(both.map((span) => span.label)).toEqual(['entity', 'claim']);
    expect(both[1]?.attributes.claimant).toBe(both[0]?.id);
    // Already tagged: no second span.
    const existing = suggestionsToSpans(index, [reed], [], newId, now)[0]!;
    const claimOnly = suggestionsToSpans(index, [claim], [existing], newId, now, [claim]);
    expect(claimOnly).toHaveLength(1);
    expect(claimOnly[0]?.attributes.claimant).toBe(existing.id);
  });
});

import { describe, expect, it } from 'vitest';
import type { Span } from '../../../../shared/model/annotations.js';
import { occurrenceSuggestions } from '../../../../shared/suggest/occurrences.js';
import { createOffsetIndex } from '../../../../shared/text/offsets.js';
import { makeQuote } from '../../../../shared/text/quote.js';

const TEXT = '👩‍🚒 K-1 Air Base was handed over. K-1 had hosted troops; k-1 air base staff left K-15 and K1.';
const index = createOffsetIndex(TEXT);
const stamp = '2026-11-22T00:00:00.000Z';
const spanOf = (exact: string, attributes: Span['attributes'] = {}): Span => {
  const start = index.toCodePoint(TEXT.indexOf(exact));
  const end = start + [...exact].length;
  return { id: 's_1', label: 'entity', start, end, quote: makeQuote(index, start, end), attributes, createdAt: stamp, updatedAt: stamp };
};
const registry = [{ id: 'e_k1', name: 'K-1 Air Base', kind: 'facility', aliases: ['K1', 'K-1'] }];

describe('tag all occurrences', () => {
  it('finds the same words, whole, in any case, but not where they are tagged already', () => {
    const span = spanOf('K-1 Air Base', { kind: 'facility' });
    const found = occurrenceSuggestions(TEXT, span, registry, [span]);
    expect(found.map((suggestion) => suggestion.text)).toEqual(['k-1 air base']);
    expect(found[0]?.attributes).toEqual({ kind: 'facility' });
    expect(index.slice(found[0]!.start, found[0]!.end)).toBe('k-1 air base');
  });

  it('adds the canonical entity\'s other names, and never a name inside a longer word', () => {
    const span = spanOf('K-1 Air Base', { kind: 'facility', entityId: 'e_k1' });
    const found = occurrenceSuggestions(TEXT, span, registry, [span]);
    expect(found.map((suggestion) => [suggestion.text, suggestion.reason])).toEqual([
      ['K-1', 'another name of K-1 Air Base'],
      ['k-1 air base', 'same as “K-1 Air Base”'],
      ['K1', 'another name of K-1 Air Base'],
    ]);
    expect(found.every((suggestion) => suggestion.attributes.entityId === 'e_k1' && suggestion.group === 'e_k1')).toBe(true);
  });
});

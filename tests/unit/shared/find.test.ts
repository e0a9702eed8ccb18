import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAll } from '../../../shared/text/find.js';
import { trickyText } from '../../helpers/arbitraries.js';

describe('find in a document', () => {
  it('finds every occurrence, ignoring case, with offsets into the original text', () => {
    const text = 'K-1 Air Base. The k-1 hand-over. İstanbul, K-1!';
    expect(findAll(text, 'k-1').map((range) => text.slice(range.start, range.end))).toEqual(['K-1', 'k-1', 'K-1']);
    expect(findAll(text, 'istanbul')).toEqual([]); // "İ" is not "i": no false offsets either
    expect(findAll(text, 'Base. (')).toEqual([]);
    expect(findAll(text, '')).toEqual([]);
    expect(findAll('aaaa', 'a', 2)).toHaveLength(2);
  });

  it('always returns ranges that hold the query, for any text', () => {
    fc.assert(
      fc.property(trickyText(), fc.nat(), fc.nat({ max: 6 }), (text, at, length) => {
        const start = at % (text.length + 1);
        const query = text.slice(start, start + length);
        for (const range of findAll(text, query)) expect(text.slice(range.start, range.end).toLowerCase()).toBe(query.toLowerCase());
      }),
    );
  });
});

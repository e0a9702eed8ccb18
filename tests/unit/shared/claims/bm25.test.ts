import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../shared/claims/bm25.js';

function indexOf(texts: readonly string[][]): Bm25Index {
  const index = new Bm25Index();
  for (const text of texts) index.add(text);
  index.build();
  return index;
}

/** Every pair `pairs` visits for `query`: doc -> [forward, reverse]. */
function visited(index: Bm25Index, query: number, floor: number, after = -1): Map<number, [number, number]> {
  const found = new Map<number, [number, number]>();
  index.pairs(query, floor, after, (doc, forward, reverse) => found.set(doc, [forward, reverse]));
  return found;
}

describe('BM25 similarity', () => {
  const index = indexOf([
    ['transfer', 'coordinat', 'government', 'iraq', 'isf', 'partner'],
    ['transfer', 'coordinat', 'government', 'iraq', 'isf', 'partner'],
    ['rocket', 'attack', 'taji'],
    ['transfer', 'iraq'],
    ['transfer', 'coordinat', 'government', 'iraq', 'isf', 'partner', 'hamrin', 'mountain', 'safe', 'haven', 'critical', 'location'],
  ]);

  it('is 1 for the same words, 0 for none shared, and in between for some', () => {
    expect(index.similarity(0, 1)).toBeCloseTo(1, 12);
    expect(index.similarity(0, 2)).toBe(0);
    const some = index.similarity(0, 3);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(0.5);
  });

  it('reads how much of the query the other text holds: a sentence inside a long quote is held by it, not the other way round', () => {
    expect(index.similarity(0, 4)).toBeGreaterThan(0.6);
    expect(index.similarity(4, 0)).toBeLessThan(index.similarity(0, 4));
  });

  it('weighs rare words above common ones', () => {
    // "transfer" and "iraq" are in four texts of five; "taji" in one.
    const rare = indexOf([['taji', 'iraq'], ['taji'], ['iraq'], ['iraq'], ['iraq']]);
    expect(rare.similarity(0, 1)).toBeGreaterThan(rare.similarity(0, 2));
  });

  it('finds pairs both ways at once, above the floor, after the text asked for', () => {
    const pairs = visited(index, 0, 0.3);
    expect([...pairs.keys()].sort()).toEqual([1, 3, 4]);
    expect(pairs.get(4)?.[0]).toBeCloseTo(index.similarity(0, 4), 12);
    expect(pairs.get(4)?.[1]).toBeCloseTo(index.similarity(4, 0), 12);
    expect([...visited(index, 0, 0.3, 3).keys()]).toEqual([4]);
    expect(visited(index, 2, 0).size).toBe(0);
  });

  it('gives through pairs exactly what similarity gives, both ways, for any texts and floor', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 8 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (texts, floor, pick) => {
        const built = indexOf(texts);
        const query = pick % texts.length;
        const found = visited(built, query, floor);
        for (let doc = 0; doc < texts.length; doc++) {
          if (doc === query) continue;
          const forward = built.similarity(query, doc);
          const reverse = built.similarity(doc, query);
          const shares = (texts[query] as string[]).some((w) => (texts[doc] as string[]).includes(w));
          const expected = shares && (forward >= floor || reverse >= floor);
          expect(found.has(doc), `doc ${doc}`).toBe(expected);
          if (expected) {
            expect(found.get(doc)?.[0]).toBeCloseTo(forward, 9);
            expect(found.get(doc)?.[1]).toBeCloseTo(reverse, 9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

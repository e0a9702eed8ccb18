import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkAgreement } from '../../../../shared/claims/link-agreement.js';
import type { Mention } from '../../../../shared/claims/mentions.js';
import { claim, mention } from '../../../helpers/mentions.js';

/** A claim span of `annotator` at [start, end) of `doc`, linked to `claimId` (or not). */
const span = (annotator: string, doc: string, start: number, end: number, claimId: string | null): Mention => ({ ...mention(doc, annotator, `${annotator}_${doc}_${start}`, 'x'.repeat(end - start), { claimId }), start, end });

/** Both annotators tag items 0..n-1 (item i on doc d<i%3> at 10i..10i+5) and link them as the cluster labels say (null: unlinked). */
function linked(reference: (string | null)[], response: (string | null)[]): Mention[] {
  const at = (i: number) => [`d${i % 3}`, 10 * i, 10 * i + 5] as const;
  return [...reference.map((id, i) => span('ana', ...at(i), id)), ...response.map((id, i) => span('ben', ...at(i), id))];
}

describe('agreement on claim links', () => {
  it('scores the textbook B-cubed example (Bagga & Baldwin 1998): a response that merges two of three chains', () => {
    // Truth {1..5}, {6,7}, {8..12}; response {1..5}, {6..12}.
    const truth = ['A', 'A', 'A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C'];
    const response = ['X', 'X', 'X', 'X', 'X', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y'];
    const result = linkAgreement('ana', 'ben', linked(truth, response), []);
    expect(result.mentions).toBe(12);
    // Precision: 5 items at 5/5, 2 at 2/7, 5 at 5/7: (5 + 4/7 + 25/7)/12 = 16/21; recall 1.
    expect(result.bcubed.precision).toBeCloseTo(16 / 21, 12);
    expect(result.bcubed.recall).toBe(1);
    expect(result.bcubed.f1).toBeCloseTo((2 * (16 / 21)) / (16 / 21 + 1), 12);
    // Pairs: truth 10 + 1 + 10 = 21, response 10 + 21 = 31, all 21 of the truth's among them.
    expect(result.pairwise).toEqual({ precision: 21 / 31, recall: 1, f1: (2 * (21 / 31)) / (21 / 31 + 1), referencePairs: 21, responsePairs: 31, sharedPairs: 21 });
    expect(result.reason).toBeNull();
  });

  it('counts unlinked spans as claims of their own', () => {
    // ana links items 0-2 to one claim; ben links 0 and 1 and leaves 2 unlinked; item 3 unlinked by both.
    const result = linkAgreement('ana', 'ben', linked(['c1', 'c1', 'c1', null], ['k', 'k', null, null]), []);
    expect(result.linked).toEqual({ reference: 3, response: 2 });
    // Pairs: ana 3, ben 1, shared 1.
    expect(result.pairwise).toMatchObject({ precision: 1, recall: 1 / 3, referencePairs: 3, responsePairs: 1, sharedPairs: 1 });
    // B³ precision: all 1. Recall: items 0, 1: 2/3; item 2: 1/3; item 3: 1 -> (2/3 + 2/3 + 1/3 + 1)/4 = 2/3.
    expect(result.bcubed.precision).toBe(1);
    expect(result.bcubed.recall).toBeCloseTo(2 / 3, 12);
  });

  it('pairs the spans both tagged on a document by offsets, then by overlap, whatever claim label each used', () => {
    const mentions = [
      span('ana', 'd1', 0, 40, 'c1'),
      { ...span('ben', 'd1', 0, 40, 'k1'), label: 'quote' },
      span('ana', 'd2', 10, 50, 'c1'),
      span('ben', 'd2', 12, 48, 'k1'),
      // Only ana tagged these; and cleo is not compared at all.
      span('ana', 'd3', 0, 10, 'c1'),
      span('cleo', 'd1', 0, 40, 'z'),
    ];
    const result = linkAgreement('ana', 'ben', mentions, []);
    expect(result.mentions).toBe(2);
    expect(result.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(result.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('resolves merged claims: a link to a claim merged into another is a link to that one', () => {
    const claims = [claim('c_old', 'old', { mergedInto: 'c_new' }), claim('c_new', 'new')];
    const result = linkAgreement('ana', 'ben', linked(['c_old', 'c_new'], ['k', 'k']), claims);
    expect(result.pairwise.f1).toBe(1);
    expect(linkAgreement('ana', 'ben', linked(['c_old', 'c_new'], ['k', 'k']), []).pairwise.recall).toBeNull();
  });

  it('says why a number is undefined', () => {
    expect(linkAgreement('ana', 'ben', [], [])).toMatchObject({ mentions: 0, pairwise: { precision: null, recall: null, f1: null }, bcubed: { precision: null, recall: null, f1: null }, reason: 'no claim span tagged by both' });
    expect(linkAgreement('ana', 'ben', linked([null, null], [null, null]), [])).toMatchObject({ pairwise: { f1: null }, bcubed: { f1: 1 }, reason: 'neither linked two of the claim spans both tagged to one claim' });
    expect(linkAgreement('ana', 'ben', linked(['c', 'c'], [null, null]), [])).toMatchObject({ pairwise: { precision: null, recall: 0 }, reason: 'ben linked no two of the claim spans both tagged to one claim' });
    expect(linkAgreement('ana', 'ben', linked([null, null], ['c', 'c']), [])).toMatchObject({ pairwise: { precision: 0, recall: null }, reason: 'ana linked no two of the claim spans both tagged to one claim' });
  });

  const clusters = fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }), { minLength: 1, maxLength: 20 });

  it('gives 1 for identical linkings, and the same scores whatever the claim ids are called', () => {
    fc.assert(
      fc.property(clusters, clusters, (reference, response) => {
        const n = Math.min(reference.length, response.length);
        const [ours, theirs] = [reference.slice(0, n), response.slice(0, n)];
        const same = linkAgreement('ana', 'ben', linked(ours, ours), []);
        expect(same.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
        if (same.pairwise.referencePairs > 0) expect(same.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1 });
        // Renaming the response's claims (one to one) changes nothing.
        const renamed = theirs.map((id) => (id === null ? null : `renamed-${id}`));
        const scores = (result: ReturnType<typeof linkAgreement>) => [result.pairwise, result.bcubed];
        expect(scores(linkAgreement('ana', 'ben', linked(ours, renamed), []))).toEqual(scores(linkAgreement('ana', 'ben', linked(ours, theirs), [])));
      }),
    );
  });

  it('swaps precision and recall when reference and response swap, and stays within 0..1', () => {
    fc.assert(
      fc.property(clusters, clusters, (reference, response) => {
        const n = Math.min(reference.length, response.length);
        const mentions = linked(reference.slice(0, n), response.slice(0, n));
        const forward = linkAgreement('ana', 'ben', mentions, []);
        const backward = linkAgreement('ben', 'ana', mentions, []);
        expect(backward.bcubed.precision).toBeCloseTo(forward.bcubed.recall as number, 12);
        expect(backward.bcubed.recall).toBeCloseTo(forward.bcubed.precision as number, 12);
        expect(backward.pairwise.precision).toBe(forward.pairwise.recall);
        for (const value of [forward.bcubed.precision, forward.bcubed.recall, forward.pairwise.precision, forward.pairwise.recall]) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

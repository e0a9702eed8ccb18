import { describe, expect, it } from 'vitest';
import { spanF1 } from '../../../../shared/review/span-f1.js';

const s = (label: string, start: number, end: number) => ({ label, start, end });

describe('span precision, recall and F1', () => {
  it('count exact and partial matches of the response against the reference', () => {
    const reference = [s('claim', 0, 10), s('entity', 20, 25), s('date', 30, 35)];
    const response = [s('claim', 0, 10), s('entity', 21, 25), s('date', 40, 45), s('entity', 50, 55)];
    // Exact: only the claim. Partial: the claim and the entity 21-25.
    expect(spanF1(reference, response)).toEqual({
      exact: { truePositives: 1, falsePositives: 3, falseNegatives: 2, precision: 1 / 4, recall: 1 / 3, f1: 2 / 7 },
      partial: { truePositives: 2, falsePositives: 2, falseNegatives: 1, precision: 2 / 4, recall: 2 / 3, f1: 4 / 7 },
    });
  });

  it('pair one to one and only within a label', () => {
    // Two response spans overlap one reference span: one of them is a true positive.
    expect(spanF1([s('claim', 0, 10)], [s('claim', 0, 5), s('claim', 5, 10)]).partial).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
    expect(spanF1([s('claim', 0, 10)], [s('entity', 0, 10)]).partial.truePositives).toBe(0);
  });

  it('return null with a reason where a ratio has nothing to divide by', () => {
    expect(spanF1([s('claim', 0, 10)], []).exact).toEqual({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 1,
      precision: null,
      recall: 0,
      f1: 0,
      reason: 'the response has no spans: precision is undefined',
    });
    expect(spanF1([], []).partial).toMatchObject({ precision: null, recall: null, f1: null, reason: expect.stringContaining('neither has spans') });
  });
});

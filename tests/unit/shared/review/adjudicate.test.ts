import { describe, expect, it } from 'vitest';
import { SPAN_STAMP as stamp, bareSpan } from '../../../helpers/spans.js';
import { accept, acceptMatches, decisionsOf, reject, type Adjudication, type Decision, type ReviewedLayer } from '../../../../shared/review/adjudicate.js';
import type { Difference } from '../../../../shared/review/compare.js';
import { compareLayers } from '../../../../shared/review/compare.js';

const span = bareSpan;

// alice and bob agree on a claim (with its claimant) and a person; differ on a date's
// label, a date's boundaries, and each has one span the other lacks.
const alice = [span('s_1', 'claim', 0, 10, { claimant: 's_2' }), span('s_2', 'entity', 12, 16), span('s_3', 'date', 20, 25), span('s_4', 'date', 30, 38), span('s_5', 'entity', 40, 44)];
const bob = [span('s_1', 'claim', 0, 10, { claimant: 's_9' }), span('s_9', 'entity', 12, 16), span('s_3', 'entity', 20, 25), span('s_4', 'date', 31, 38), span('s_6', 'claim', 50, 60)];
const comparison = compareLayers(alice, bob);
let counter = 0;
const context: Adjudication = { compared: ['alice', 'bob'], spanIds: { a: new Set(alice.map((s) => s.id)), b: new Set(bob.map((s) => s.id)) }, newId: () => `s_new${++counter}`, now: new Date(stamp) };
const empty: ReviewedLayer = { spans: [], relations: [] };
const decisions = (layer: ReviewedLayer) => decisionsOf(comparison.differences, layer, context.compared).map((decision, i) => `${comparison.differences[i]!.kind}:${decision}`);
/** The decision on one difference, read with all the others as the review view reads it. */
const decisionOf = (difference: Difference, layer: ReviewedLayer): Decision => decisionsOf(comparison.differences, layer, context.compared)[comparison.differences.indexOf(difference)]!;
const find = (kind: string) => comparison.differences.find((difference) => difference.kind === kind)!;

describe('adjudicating two layers into a reviewed one', () => {
  it('starts with every difference open', () => {
    expect(comparison.counts).toEqual({ match: 2, 'attribute-mismatch': 0, 'label-mismatch': 1, 'boundary-mismatch': 1, 'only-a': 1, 'only-b': 1 });
    expect(decisions(empty).every((decision) => decision.endsWith(':open'))).toBe(true);
  });

  it('accepts one side, switches to the other, rejects, and reads each decision back from the layer', () => {
    const boundary = find('boundary-mismatch');
    const withA = accept(boundary, 'a', empty, context);
    expect(withA.spans.map((s) => [s.start, s.end, s.label])).toEqual([[30, 38, 'date']]);
    expect(decisionOf(boundary, withA)).toBe('accepted-a');
    // Changing one's mind replaces the copy, it does not add a second span.
    const withB = accept(boundary, 'b', withA, context);
    expect(withB.spans.map((s) => [s.start, s.end])).toEqual([[31, 38]]);
    expect(decisionOf(boundary, withB)).toBe('accepted-b');
    const rejected = reject(boundary, withB, context.compared);
    expect(rejected.spans).toEqual([]);
    expect(rejected.review).toEqual({ compared: ['alice', 'bob'], rejected: [{ annotator: 'alice', label: 'date', start: 30, end: 38 }, { annotator: 'bob', label: 'date', start: 31, end: 38 }] });
    expect(decisionOf(boundary, rejected)).toBe('rejected');
    // Accepting after rejecting takes the rejection back.
    expect(accept(boundary, 'a', rejected, context).review?.rejected).toEqual([]);
  });

  it('counts the reviewer\'s own span over a difference as an edit', () => {
    const own: ReviewedLayer = { spans: [span('mine', 'date', 29, 38)], relations: [] };
    expect(decisionOf(find('boundary-mismatch'), own)).toBe('edited');
    expect(decisionOf(find('only-a'), own)).toBe('open');
  });

  it('keeps spans nested in an accepted one open, and tells A from B and a rejection on nested spans', () => {
    // A claim holding an entity and a date; the annotators differ on each.
    const outerA = [span('c', 'claim', 0, 40), span('e', 'entity', 5, 10, { kind: 'person' }), span('d', 'date', 20, 25)];
    const outerB = [span('c', 'claim', 0, 42), span('e', 'entity', 5, 10, { kind: 'group' }), span('d2', 'date', 21, 25)];
    const nested = compareLayers(outerA, outerB);
    const ids = { a: new Set(outerA.map((s) => s.id)), b: new Set(outerB.map((s) => s.id)) };
    const ctx = { ...context, spanIds: ids };
    const at = (kind: string) => nested.differences.find((difference) => difference.kind === kind)!;
    expect(nested.differences.map((difference) => difference.kind)).toEqual(['boundary-mismatch', 'attribute-mismatch', 'boundary-mismatch']);
    const claimTaken = accept(nested.differences[0]!, 'a', empty, ctx);
    expect(decisionsOf(nested.differences, claimTaken, context.compared)).toEqual(['accepted-a', 'open', 'open']);
    const personB = accept(at('attribute-mismatch'), 'b', claimTaken, ctx);
    expect(decisionsOf(nested.differences, personB, context.compared)).toEqual(['accepted-a', 'accepted-b', 'open']);
    const dateRejected = reject(nested.differences[2]!, personB, context.compared);
    expect(decisionsOf(nested.differences, dateRejected, context.compared)).toEqual(['accepted-a', 'accepted-b', 'rejected']);
    // The reviewer's own date over the last difference is that difference's own version.
    const own = { ...personB, spans: [...personB.spans, span('mine', 'date', 20, 26)] };
    expect(decisionsOf(nested.differences, own, context.compared)).toEqual(['accepted-a', 'accepted-b', 'edited']);
  });

  it('accepts all matches at once, keeping references among them and dropping the ones that would dangle', () => {
    const reviewed = acceptMatches(comparison.differences, empty, context);
    expect(reviewed.spans.map((s) => [s.id, s.label, s.start, s.attributes])).toEqual([
      // The claim's claimant is alice's s_2, accepted in the same step: kept.
      ['s_1', 'claim', 0, { claimant: 's_2' }],
      ['s_2', 'entity', 12, {}],
    ]);
    expect(decisions(reviewed)).toEqual(['match:accepted-a', 'match:accepted-a', 'label-mismatch:open', 'boundary-mismatch:open', 'only-a:open', 'only-b:open']);
    // Accepting a span whose reference is not in the reviewed layer leaves the reference out.
    const claimOnly = accept(find('match'), 'b', empty, context);
    expect(claimOnly.spans[0]?.attributes).toEqual({});
    // A taken id gets a fresh one, and the claim's reference follows it.
    const taken: ReviewedLayer = { spans: [span('s_2', 'date', 70, 75)], relations: [] };
    const renamed = acceptMatches(comparison.differences, taken, context).spans;
    const person = renamed.find((s) => s.label === 'entity');
    expect(person?.id).toMatch(/^s_new/);
    expect(renamed.find((s) => s.label === 'claim')?.attributes).toEqual({ claimant: person?.id });
  });

  it('accepts the matches of 20,000 spans quickly', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => span(`s_${i}`, 'entity', i * 10, i * 10 + 5));
    const big = compareLayers(many, many);
    const started = performance.now();
    const reviewed = acceptMatches(big.differences, empty, { ...context, spanIds: { a: new Set(many.map((s) => s.id)), b: new Set() } });
    expect(reviewed.spans).toHaveLength(20_000);
    // Generous: the point is that it is not quadratic (that would take minutes).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareSpan } from '../../../helpers/spans.js';
import { compareLayers, isDisagreement, type Difference } from '../../../../shared/review/compare.js';

const span = bareSpan;

const summary = (difference: Difference) => [difference.kind, difference.a?.id ?? null, difference.b?.id ?? null];

describe('comparing two layers span by span', () => {
  it('classify every span as a match, label or boundary mismatch, or one side only, in text order', () => {
    const a = [
      span('a1', 'claim', 0, 10, { verdict: 'true' }),
      span('a2', 'entity', 20, 25),
      span('a3', 'date', 30, 35, { value: '2020-03-29' }),
      span('a4', 'claim', 40, 50),
    ];
    const b = [
      span('b5', 'entity', 70, 75),
      span('b3', 'date', 31, 35, { value: '2020-03-28' }),
      span('b1', 'claim', 0, 10, { verdict: 'false' }),
      span('b2', 'claim', 20, 25),
    ];
    const { differences, counts, disagreements } = compareLayers(a, b);
    expect(differences.map(summary)).toEqual([
      ['attribute-mismatch', 'a1', 'b1'],
      ['label-mismatch', 'a2', 'b2'],
      ['boundary-mismatch', 'a3', 'b3'],
      ['only-a', 'a4', null],
      ['only-b', null, 'b5'],
    ]);
    expect(differences[0]!.attributeDiffs).toEqual([{ attribute: 'verdict', a: 'true', b: 'false' }]);
    expect(differences[2]).toMatchObject({ start: 30, end: 35, attributeDiffs: [{ attribute: 'value', a: '2020-03-29', b: '2020-03-28' }] });
    expect(counts).toEqual({ match: 0, 'attribute-mismatch': 1, 'label-mismatch': 1, 'boundary-mismatch': 1, 'only-a': 1, 'only-b': 1 });
    // Same offsets and label but another verdict: a disagreement of its own kind, so every item is one.
    expect(disagreements).toBe(5);
    expect(differences.every(isDisagreement)).toBe(true);
  });

  it('count a match with equal attributes as agreement: null and missing are both "no value", lists are sets', () => {
    const a = [span('a1', 'claim', 0, 10, { verdict: 'true', note: null, tags: ['x', 'y'] })];
    const b = [span('b1', 'claim', 0, 10, { verdict: 'true', tags: ['y', 'x'] })];
    const { differences, disagreements } = compareLayers(a, b);
    expect(differences).toEqual([{ kind: 'match', a: a[0], b: b[0], start: 0, end: 10, attributeDiffs: [] }]);
    expect(isDisagreement(differences[0]!)).toBe(false);
    expect(disagreements).toBe(0);
  });

  it('report a value only one side has, and compare only shared attributes across labels', () => {
    const a = [span('a1', 'claim', 0, 10, { verdict: 'false', kind: 'person' }), span('a2', 'claim', 20, 30, { verdict: 'true' })];
    const b = [span('b1', 'entity', 0, 10, { kind: 'group' }), span('b2', 'claim', 20, 30)];
    const { differences } = compareLayers(a, b);
    // claim vs entity: `verdict` belongs to claims only, so just `kind` compares.
    expect(differences[0]).toMatchObject({ kind: 'label-mismatch', attributeDiffs: [{ attribute: 'kind', a: 'person', b: 'group' }] });
    expect(differences[1]).toMatchObject({ kind: 'attribute-mismatch', attributeDiffs: [{ attribute: 'verdict', a: 'true' }] });
    expect(differences[1]!.attributeDiffs[0]).not.toHaveProperty('b');
  });

  it('compare references to spans through the pairing, since span ids differ between layers', () => {
    const a = [span('a-dana', 'entity', 0, 9), span('a-reed', 'entity', 20, 24), span('a-claim', 'claim', 30, 60, { claimant: 'a-dana' })];
    const same = [span('b-dana', 'entity', 0, 9), span('b-reed', 'entity', 20, 24), span('b-claim', 'claim', 30, 60, { claimant: 'b-dana' })];
    expect(compareLayers(a, same).disagreements).toBe(0);
    const other = [span('b-dana', 'entity', 0, 9), span('b-reed', 'entity', 20, 24), span('b-claim', 'claim', 30, 60, { claimant: 'b-reed' })];
    expect(compareLayers(a, other).differences[2]).toMatchObject({ kind: 'attribute-mismatch', attributeDiffs: [{ attribute: 'claimant', a: 'a-dana', b: 'b-reed' }] });
    // A canonical entity id is not a span id: it compares as it is.
    const entityA = [span('a1', 'claim', 0, 5, { claimant: 'e_k1' })];
    expect(compareLayers(entityA, [span('b1', 'claim', 0, 5, { claimant: 'e_k1' })]).disagreements).toBe(0);
  });

  it('pair one to one: exact first, then same offsets, then the largest overlap', () => {
    // An exact match wins over an overlap; the leftover is the other side's only.
    expect(compareLayers([span('a1', 'claim', 0, 10)], [span('b1', 'claim', 0, 9), span('b2', 'claim', 0, 10)]).differences.map(summary)).toEqual([
      ['match', 'a1', 'b2'],
      ['only-b', null, 'b1'],
    ]);
    // Two a-spans overlap one b-span: the larger overlap (7 > 6) gets it.
    expect(compareLayers([span('a1', 'claim', 0, 10), span('a2', 'claim', 5, 12)], [span('b1', 'claim', 4, 12)]).differences.map(summary)).toEqual([
      ['only-a', 'a1', null],
      ['boundary-mismatch', 'a2', 'b1'],
    ]);
    // Same offsets with another label pair before an overlap with the same label.
    expect(compareLayers([span('a1', 'claim', 0, 10)], [span('b1', 'entity', 0, 10), span('b2', 'claim', 1, 10)]).differences.map(summary)).toEqual([
      ['label-mismatch', 'a1', 'b1'],
      ['only-b', null, 'b2'],
    ]);
    // Overlap alone does not pair different labels.
    expect(compareLayers([span('a1', 'claim', 0, 10)], [span('b1', 'entity', 2, 10)]).counts).toMatchObject({ 'only-a': 1, 'only-b': 1 });
  });

  it('give the same result whatever the order of the input', () => {
    const a = [span('a1', 'claim', 0, 10), span('a2', 'claim', 2, 8), span('a3', 'date', 3, 6)];
    const b = [span('b1', 'claim', 1, 9), span('b2', 'claim', 0, 10), span('b3', 'entity', 3, 6)];
    expect(compareLayers([...a].reverse(), [...b].reverse())).toEqual(compareLayers(a, b));
  });

  it('mirror its counts when the layers swap, and list every span exactly once', () => {
    const arbitrarySpans = (prefix: string) =>
      fc.array(fc.record({ start: fc.nat(40), length: fc.integer({ min: 1, max: 8 }), label: fc.constantFrom('claim', 'entity', 'date') }), { maxLength: 25 }).map((list) =>
        list.map(({ start, length, label }, i) => span(`${prefix}${i}`, label, start, start + length)),
      );
    fc.assert(
      fc.property(arbitrarySpans('a'), arbitrarySpans('b'), (a, b) => {
        const forward = compareLayers(a, b);
        const backward = compareLayers(b, a);
        expect(backward.counts).toEqual({ ...forward.counts, 'only-a': forward.counts['only-b'], 'only-b': forward.counts['only-a'] });
        expect(forward.differences.flatMap((d) => (d.a ? [d.a.id] : [])).sort()).toEqual(a.map((s) => s.id).sort());
        expect(forward.differences.flatMap((d) => (d.b ? [d.b.id] : [])).sort()).toEqual(b.map((s) => s.id).sort());
        for (const d of forward.differences) {
          if (d.kind === 'boundary-mismatch') expect(d.a!.label === d.b!.label && d.a!.start < d.b!.end && d.b!.start < d.a!.end).toBe(true);
        }
      }),
    );
  });
});

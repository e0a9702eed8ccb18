import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareExtents, pairSpans, type PairKind, type SpanExtent } from '../../../../shared/review/pairing.js';

/**
 * The pairing rules written the slow way: every pair of spans is looked at, and all the
 * overlapping ones are sorted by the documented order. The sweep line and the shortcut
 * for uncontested pairs must give the same pairs.
 */
function naivePairing(a: SpanExtent[], b: SpanExtent[], sameOffsets: boolean): [number, number, PairKind][] {
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [number, number, PairKind][] = [];
  const take = (i: number, j: number, kind: PairKind) => {
    usedA.add(i);
    usedB.add(j);
    pairs.push([i, j, kind]);
  };
  const order = (spans: SpanExtent[]) => spans.map((_, i) => i).sort((i, j) => compareExtents(spans[i]!, spans[j]!) || i - j);
  for (const i of order(a)) {
    const j = order(b).find((j) => !usedB.has(j) && compareExtents(a[i]!, b[j]!) === 0);
    if (j !== undefined) take(i, j, 'exact');
  }
  if (sameOffsets) {
    for (const i of order(a)) {
      if (usedA.has(i)) continue;
      const j = order(b).find((j) => !usedB.has(j) && a[i]!.start === b[j]!.start && a[i]!.end === b[j]!.end);
      if (j !== undefined) take(i, j, 'same-offsets');
    }
  }
  const candidates: { i: number; j: number }[] = [];
  a.forEach((x, i) => b.forEach((y, j) => {
    if (!usedA.has(i) && !usedB.has(j) && x.label === y.label && x.start < y.end && y.start < x.end) candidates.push({ i, j });
  }));
  const key = ({ i, j }: { i: number; j: number }) => {
    const x = a[i]!;
    const y = b[j]!;
    const [low, high] = x.start < y.start || (x.start === y.start && x.end <= y.end) ? [x, y] : [y, x];
    const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
    const distance = Math.abs(x.start - y.start) + Math.abs(x.end - y.end);
    return [-overlap, distance, low.start, Math.max(x.end, y.end), low.end, high.start, high.end, i, j];
  };
  candidates.sort((p, q) => {
    const kp = key(p);
    const kq = key(q);
    for (let k = 0; k < kp.length; k++) if (kp[k] !== kq[k]) return kp[k]! - kq[k]!;
    return 0;
  });
  for (const { i, j } of candidates) if (!usedA.has(i) && !usedB.has(j)) take(i, j, 'overlap');
  return pairs;
}

const arbitrarySpans = fc.array(fc.record({ start: fc.nat(30), length: fc.integer({ min: 1, max: 10 }), label: fc.constantFrom('x', 'y') }), { maxLength: 20 }).map((list) =>
  list.map(({ start, length, label }) => ({ start, end: start + length, label })),
);

describe('pairing spans one to one', () => {
  it('pair exactly as the rules written the slow way do', () => {
    fc.assert(
      fc.property(arbitrarySpans, arbitrarySpans, fc.boolean(), (a, b, sameOffsets) => {
        const sorted = (pairs: [number, number, PairKind][]) => [...pairs].sort((p, q) => p[0] - q[0]);
        const fast = pairSpans(a, b, { sameOffsets }).pairs.map((pair): [number, number, PairKind] => [pair.a, pair.b, pair.kind]);
        expect(sorted(fast)).toEqual(sorted(naivePairing(a, b, sameOffsets)));
      }),
      { numRuns: 300 },
    );
  });

  it('pair the same spans when the sides swap', () => {
    fc.assert(
      fc.property(arbitrarySpans, arbitrarySpans, (a, b) => {
        const forward = pairSpans(a, b, { sameOffsets: true });
        const backward = pairSpans(b, a, { sameOffsets: true });
        const extent = (span: SpanExtent) => `${span.start}-${span.end}-${span.label}`;
        const summarise = (pairs: { x: SpanExtent; y: SpanExtent; kind: PairKind }[]) => pairs.map(({ x, y, kind }) => `${extent(x)}|${extent(y)}|${kind}`).sort();
        expect(summarise(backward.pairs.map((pair) => ({ x: a[pair.b]!, y: b[pair.a]!, kind: pair.kind })))).toEqual(summarise(forward.pairs.map((pair) => ({ x: a[pair.a]!, y: b[pair.b]!, kind: pair.kind }))));
      }),
      { numRuns: 300 },
    );
  });
});

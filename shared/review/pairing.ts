/**
 * One-to-one pairing of two annotators' spans, shared by the layer comparison and by span
 * F1: exact pairs first, then (for the comparison only) pairs at the same offsets with
 * another label, then overlapping spans of the same label, greedily by largest overlap.
 *
 * Sorting plus a sweep line: O(n log n + k) for n spans and k overlapping leftover pairs,
 * so 100,000 spans a side pair in a fraction of a second when most of them pair exactly.
 */

/** What pairing and the agreement measures read of a span. */
export interface SpanExtent {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export type PairKind = 'exact' | 'same-offsets' | 'overlap';

/** Indices into the two input arrays. */
export interface SpanPair {
  a: number;
  b: number;
  kind: PairKind;
}

export interface Pairing {
  pairs: SpanPair[];
  /** Unpaired indices, ascending. */
  onlyA: number[];
  onlyB: number[];
}

export interface PairingOptions {
  /** Pair spans at the same offsets whatever their labels (a label disagreement), before overlaps. */
  sameOffsets: boolean;
}

/**
 * Pairs `a` with `b`. Among equals the input order decides, so callers that sort their
 * spans first (compareSpans) get the same pairing every time. Every tie-break short of
 * that last one looks at both spans alike, so swapping `a` and `b` pairs the same spans.
 */
export function pairSpans(a: readonly SpanExtent[], b: readonly SpanExtent[], options: PairingOptions): Pairing {
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const pairs: SpanPair[] = [];
  const pair = (i: number, j: number, kind: PairKind) => {
    usedA[i] = 1;
    usedB[j] = 1;
    pairs.push({ a: i, b: j, kind });
  };

  // Both sides in (start, end, label, input) order; layers are mostly in text order
  // already, which the sort is quick on. The walks below need no per-span strings.
  const orderA = textOrder(a);
  const orderB = textOrder(b);

  // Exact: the k-th a-span with some offsets and label pairs with the k-th such b-span.
  for (let x = 0, y = 0; x < orderA.length && y < orderB.length; ) {
    const i = orderA[x] as number;
    const j = orderB[y] as number;
    const order = compareExtents(a[i] as SpanExtent, b[j] as SpanExtent);
    if (order === 0) pair(i, j, 'exact');
    if (order <= 0) x++;
    if (order >= 0) y++;
  }

  if (options.sameOffsets) {
    // What is left at shared offsets differs in label (an equal label would have paired
    // above). Zip each side in label order, which does not depend on which side is which.
    const leftA = orderA.filter((i) => !usedA[i]);
    const leftB = orderB.filter((j) => !usedB[j]);
    for (let x = 0, y = 0; x < leftA.length && y < leftB.length; ) {
      const spanA = a[leftA[x] as number] as SpanExtent;
      const spanB = b[leftB[y] as number] as SpanExtent;
      const order = spanA.start - spanB.start || spanA.end - spanB.end;
      if (order < 0) x++;
      else if (order > 0) y++;
      else {
        for (; x < leftA.length && y < leftB.length && sameOffsets(a[leftA[x] as number] as SpanExtent, spanA) && sameOffsets(b[leftB[y] as number] as SpanExtent, spanA); x++, y++) {
          pair(leftA[x] as number, leftB[y] as number, 'same-offsets');
        }
        while (x < leftA.length && sameOffsets(a[leftA[x] as number] as SpanExtent, spanA)) x++;
        while (y < leftB.length && sameOffsets(b[leftB[y] as number] as SpanExtent, spanA)) y++;
      }
    }
  }

  // Overlaps, per label: every overlapping leftover pair is a candidate; the largest
  // overlaps pair first.
  const leftA = byLabel(a, orderA, usedA);
  const leftB = byLabel(b, orderB, usedB);
  const degreeA = new Uint32Array(a.length);
  const degreeB = new Uint32Array(b.length);
  for (const [label, indicesA] of leftA) {
    const indicesB = leftB.get(label);
    if (!indicesB) continue;
    const candidates = overlappingPairs(a, indicesA, b, indicesB);
    // A pair whose spans overlap nothing else would be taken whenever its turn came, so
    // it is taken now; only the contested candidates need the (costly) ordering.
    for (let k = 0; k < candidates.i.length; k++) {
      const i = candidates.i[k] as number;
      const j = candidates.j[k] as number;
      degreeA[i] = (degreeA[i] as number) + 1;
      degreeB[j] = (degreeB[j] as number) + 1;
    }
    const contested: number[] = [];
    for (let k = 0; k < candidates.i.length; k++) {
      const i = candidates.i[k] as number;
      const j = candidates.j[k] as number;
      if (degreeA[i] === 1 && degreeB[j] === 1) pair(i, j, 'overlap');
      else contested.push(k);
    }
    for (const k of candidateOrder(a, b, candidates, contested)) {
      const i = candidates.i[k] as number;
      const j = candidates.j[k] as number;
      if (!usedA[i] && !usedB[j]) pair(i, j, 'overlap');
    }
  }

  return { pairs, onlyA: unused(usedA), onlyB: unused(usedB) };
}

/** By start, then end, then label: the order pairing works in. */
export function compareExtents(x: SpanExtent, y: SpanExtent): number {
  return x.start - y.start || x.end - y.end || compareText(x.label, y.label);
}

function sameOffsets(x: SpanExtent, y: SpanExtent): boolean {
  return x.start === y.start && x.end === y.end;
}

/** Indices in compareExtents order, ties in input order; a sorted input costs one pass. */
function textOrder(spans: readonly SpanExtent[]): number[] {
  const order = Array.from({ length: spans.length }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = compareExtents(spans[i - 1] as SpanExtent, spans[i] as SpanExtent) <= 0;
  return sorted ? order : order.sort((i, j) => compareExtents(spans[i] as SpanExtent, spans[j] as SpanExtent) || i - j);
}

/** Unused indices per label, in text order. */
function byLabel(spans: readonly SpanExtent[], order: readonly number[], used: Uint8Array): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of order) {
    if (used[i]) continue;
    const label = (spans[i] as SpanExtent).label;
    const group = groups.get(label);
    if (group) group.push(i);
    else groups.set(label, [i]);
  }
  return groups;
}

/** Code unit order: the same on every machine, unlike localeCompare. */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function unused(used: Uint8Array): number[] {
  const indices: number[] = [];
  for (let i = 0; i < used.length; i++) if (!used[i]) indices.push(i);
  return indices;
}

/** Overlapping leftover pairs, in parallel arrays (there can be millions in dense layers). */
interface Candidates {
  i: number[];
  j: number[];
  overlap: number[];
  /** How far the boundaries are apart: |Δstart| + |Δend|. */
  distance: number[];
  /** The extent of both spans together. */
  unionStart: number[];
  unionEnd: number[];
}

/**
 * Every overlapping (a, b) pair among the given indices (in order of start), by a sweep:
 * when a span starts, each span of the other side still open overlaps it. Spans that have
 * ended are dropped from the open list as it is scanned, so the cost is the output plus
 * n log n.
 */
function overlappingPairs(a: readonly SpanExtent[], listA: readonly number[], b: readonly SpanExtent[], listB: readonly number[]): Candidates {
  const candidates: Candidates = { i: [], j: [], overlap: [], distance: [], unionStart: [], unionEnd: [] };
  const add = (i: number, x: SpanExtent, j: number, y: SpanExtent) => {
    candidates.i.push(i);
    candidates.j.push(j);
    candidates.overlap.push(Math.min(x.end, y.end) - Math.max(x.start, y.start));
    candidates.distance.push(Math.abs(x.start - y.start) + Math.abs(x.end - y.end));
    candidates.unionStart.push(Math.min(x.start, y.start));
    candidates.unionEnd.push(Math.max(x.end, y.end));
  };
  const openA: number[] = [];
  const openB: number[] = [];
  let nextA = 0;
  let nextB = 0;
  while (nextA < listA.length || nextB < listB.length) {
    const i = listA[nextA];
    const j = listB[nextB];
    if (i !== undefined && (j === undefined || (a[i] as SpanExtent).start <= (b[j] as SpanExtent).start)) {
      const span = a[i] as SpanExtent;
      let kept = 0;
      for (const other of openB) {
        const otherSpan = b[other] as SpanExtent;
        if (otherSpan.end <= span.start) continue;
        openB[kept++] = other;
        add(i, span, other, otherSpan);
      }
      openB.length = kept;
      openA.push(i);
      nextA++;
    } else if (j !== undefined) {
      const span = b[j] as SpanExtent;
      let kept = 0;
      for (const other of openA) {
        const otherSpan = a[other] as SpanExtent;
        if (otherSpan.end <= span.start) continue;
        openA[kept++] = other;
        add(other, otherSpan, j, span);
      }
      openA.length = kept;
      openB.push(j);
      nextB++;
    }
  }
  return candidates;
}

/**
 * `order` (candidate positions) sorted into pairing order: largest overlap first, then the closest
 * boundaries, then the earliest and shortest union, then the two spans' offsets
 * regardless of side; input order only at the end.
 */
function candidateOrder(a: readonly SpanExtent[], b: readonly SpanExtent[], candidates: Candidates, order: number[]): number[] {
  const { i, j, overlap, distance, unionStart, unionEnd } = candidates;
  // Reached only when overlap, distance and union are all equal.
  const tieBreak = (x: number, y: number): number => {
    const [xLow, xHigh] = ordered(a[i[x] as number] as SpanExtent, b[j[x] as number] as SpanExtent);
    const [yLow, yHigh] = ordered(a[i[y] as number] as SpanExtent, b[j[y] as number] as SpanExtent);
    return xLow.end - yLow.end || xHigh.start - yHigh.start || xHigh.end - yHigh.end || (i[x] as number) - (i[y] as number) || (j[x] as number) - (j[y] as number);
  };
  return order.sort(
    (x, y) =>
      (overlap[y] as number) - (overlap[x] as number) ||
      (distance[x] as number) - (distance[y] as number) ||
      (unionStart[x] as number) - (unionStart[y] as number) ||
      (unionEnd[x] as number) - (unionEnd[y] as number) ||
      tieBreak(x, y),
  );
}

function ordered(x: SpanExtent, y: SpanExtent): [SpanExtent, SpanExtent] {
  return x.start < y.start || (x.start === y.start && x.end <= y.end) ? [x, y] : [y, x];
}

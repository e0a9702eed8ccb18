/**
 * Compares two annotators' layers on one document span by span, for the review view and
 * `factmark diff`: which spans match, which differ in label, in boundaries or in
 * attribute values, and which only one annotator made.
 */
import type { AttributeValue, Span } from '../model/annotations.js';
import { compareSpans } from '../model/spans.js';
import { compareText, pairSpans, type PairKind } from './pairing.js';

/**
 * `match`: same offsets, label and attributes; `attribute-mismatch`: same offsets and
 * label, attributes differ (a disagreement to decide, not a match to accept in bulk).
 */
export type DifferenceKind = 'match' | 'attribute-mismatch' | 'label-mismatch' | 'boundary-mismatch' | 'only-a' | 'only-b';

export const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['match', 'attribute-mismatch', 'label-mismatch', 'boundary-mismatch', 'only-a', 'only-b'];

/** An attribute whose values differ; a side without a value has none (undefined). */
export interface AttributeDiff {
  attribute: string;
  a?: AttributeValue;
  b?: AttributeValue;
}

export interface Difference {
  kind: DifferenceKind;
  a?: Span;
  b?: Span;
  /** The extent of both spans together (min start, max end). */
  start: number;
  end: number;
  attributeDiffs: AttributeDiff[];
}

export interface Comparison {
  /** In text order: by start, the longer first, then by kind and span ids. */
  differences: Difference[];
  counts: Record<DifferenceKind, number>;
  /** Items that are anything but a match with equal attributes. */
  disagreements: number;
}

/** Anything but a match (whose attributes agree, by definition). */
export function isDisagreement(difference: Difference): boolean {
  return difference.kind !== 'match';
}

const KIND_OF_PAIR: Record<PairKind, DifferenceKind> = { exact: 'match', 'same-offsets': 'label-mismatch', overlap: 'boundary-mismatch' };

/**
 * Pairs the spans one to one (exact matches, then same offsets with another label, then
 * overlapping spans of the same label by largest overlap; see pairing.ts) and lists every
 * span once. Spans are taken in compareSpans order, so the result does not depend on the
 * order of the arrays.
 */
export function compareLayers(a: readonly Span[], b: readonly Span[]): Comparison {
  const sortedA = [...a].sort(compareSpans);
  const sortedB = [...b].sort(compareSpans);
  const { pairs, onlyA, onlyB } = pairSpans(sortedA, sortedB, { sameOffsets: true });

  const refs = new RefContext(sortedA, sortedB, pairs);
  const differences: Difference[] = [];
  for (const pair of pairs) {
    const spanA = sortedA[pair.a] as Span;
    const spanB = sortedB[pair.b] as Span;
    const paired = KIND_OF_PAIR[pair.kind];
    // Labels have their own attributes: across labels only the ones both spans carry compare.
    const attributeDiffs = diffAttributes(spanA, spanB, paired === 'label-mismatch' ? 'shared' : 'all', refs);
    differences.push({
      kind: paired === 'match' && attributeDiffs.length > 0 ? 'attribute-mismatch' : paired,
      a: spanA,
      b: spanB,
      start: Math.min(spanA.start, spanB.start),
      end: Math.max(spanA.end, spanB.end),
      attributeDiffs,
    });
  }
  for (const i of onlyA) {
    const span = sortedA[i] as Span;
    differences.push({ kind: 'only-a', a: span, start: span.start, end: span.end, attributeDiffs: [] });
  }
  for (const j of onlyB) {
    const span = sortedB[j] as Span;
    differences.push({ kind: 'only-b', b: span, start: span.start, end: span.end, attributeDiffs: [] });
  }
  differences.sort(compareDifferences);

  const counts = Object.fromEntries(DIFFERENCE_KINDS.map((kind) => [kind, 0])) as Record<DifferenceKind, number>;
  let disagreements = 0;
  for (const difference of differences) {
    counts[difference.kind]++;
    if (isDisagreement(difference)) disagreements++;
  }
  return { differences, counts, disagreements };
}

function compareDifferences(x: Difference, y: Difference): number {
  return (
    x.start - y.start ||
    y.end - x.end ||
    DIFFERENCE_KINDS.indexOf(x.kind) - DIFFERENCE_KINDS.indexOf(y.kind) ||
    compareText(x.a?.id ?? '', y.a?.id ?? '') ||
    compareText(x.b?.id ?? '', y.b?.id ?? '')
  );
}

/**
 * A `ref` attribute names a span of its own layer, and span ids differ between layers:
 * two refs agree when they name spans that were paired with each other. The id lookups
 * are built on first use, as most attribute values are no span ids.
 */
class RefContext {
  private lookups: { idsA: Set<string>; idsB: Set<string>; pairOfA: Map<string, number>; pairOfB: Map<string, number> } | undefined;

  constructor(
    private readonly a: readonly Span[],
    private readonly b: readonly Span[],
    private readonly pairs: readonly { a: number; b: number }[],
  ) {}

  /** A string as compared: a span reference becomes the pair it belongs to. */
  token(side: 'a' | 'b', value: string): string {
    const { idsA, idsB, pairOfA, pairOfB } = (this.lookups ??= this.build());
    if (!(side === 'a' ? idsA : idsB).has(value)) return `=${value}`;
    const pair = (side === 'a' ? pairOfA : pairOfB).get(value);
    return pair === undefined ? `${side}:${value}` : `#${pair}`;
  }

  private build() {
    const pairOfA = new Map<string, number>();
    const pairOfB = new Map<string, number>();
    this.pairs.forEach((pair, index) => {
      pairOfA.set((this.a[pair.a] as Span).id, index);
      pairOfB.set((this.b[pair.b] as Span).id, index);
    });
    return { idsA: new Set(this.a.map((span) => span.id)), idsB: new Set(this.b.map((span) => span.id)), pairOfA, pairOfB };
  }
}

/**
 * Attributes whose values differ, by attribute id. A missing value and null both mean
 * "no value" and agree; string lists compare as sets.
 */
function diffAttributes(a: Span, b: Span, which: 'all' | 'shared', refs: RefContext): AttributeDiff[] {
  const diffs: AttributeDiff[] = [];
  const check = (attribute: string) => {
    const valueA = a.attributes[attribute];
    const valueB = b.attributes[attribute];
    if (which === 'shared' && (valueA === undefined || valueB === undefined)) return;
    if (sameValue(valueA, valueB, refs)) return;
    const diff: AttributeDiff = { attribute };
    if (valueA !== undefined) diff.a = valueA;
    if (valueB !== undefined) diff.b = valueB;
    diffs.push(diff);
  };
  for (const attribute in a.attributes) if (Object.hasOwn(a.attributes, attribute)) check(attribute);
  for (const attribute in b.attributes) if (Object.hasOwn(b.attributes, attribute) && !Object.hasOwn(a.attributes, attribute)) check(attribute);
  return diffs.length > 1 ? diffs.sort((x, y) => compareText(x.attribute, y.attribute)) : diffs;
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined, refs: RefContext): boolean {
  const noneA = a === undefined || a === null;
  const noneB = b === undefined || b === null;
  if (noneA || noneB) return noneA && noneB;
  if (typeof a === 'string' && typeof b === 'string') return refs.token('a', a) === refs.token('b', b);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const tokensA = a.map((value) => refs.token('a', value)).sort(compareText);
    const tokensB = b.map((value) => refs.token('b', value)).sort(compareText);
    return tokensA.every((token, i) => token === tokensB[i]);
  }
  return a === b;
}

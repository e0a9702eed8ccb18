/**
 * Building a reviewed layer from a comparison of two layers (compare.ts): for each
 * difference the reviewer accepts A's version, B's, tags their own, or rejects both.
 * What was decided is read back from the reviewed layer itself — its spans, and the
 * rejections in its review record — so the review survives a restart and can be picked
 * up by anyone who opens the layer. Plain functions from one layer state to the next.
 */
import type { Relation, ReviewRecord, Span } from '../model/annotations.js';
import { compareSpans, insertSpan } from '../model/spans.js';
import type { Difference } from './compare.js';

export interface ReviewedLayer {
  spans: Span[];
  relations: Relation[];
  review?: ReviewRecord;
}

export type Decision = 'open' | 'accepted-a' | 'accepted-b' | 'edited' | 'rejected';

/** Who is compared, and what a copied span needs: its side's span ids, a fresh id, the time. */
export interface Adjudication {
  compared: readonly [string, string];
  spanIds: { a: ReadonlySet<string>; b: ReadonlySet<string> };
  newId: () => string;
  now: Date;
}

const sameSpan = (x: { start: number; end: number; label: string }, y: { start: number; end: number; label: string }) => x.start === y.start && x.end === y.end && x.label === y.label;
const overlaps = (span: Span, difference: Difference) => span.start < difference.end && difference.start < span.end;

/** The two annotators' spans of a difference (one or both). */
function sides(difference: Difference): { span: Span; side: 'a' | 'b' }[] {
  return [...(difference.a ? [{ span: difference.a, side: 'a' as const }] : []), ...(difference.b ? [{ span: difference.b, side: 'b' as const }] : [])];
}

export function decisionOf(difference: Difference, layer: ReviewedLayer, compared: readonly [string, string]): Decision {
  if (difference.a && layer.spans.some((span) => sameSpan(span, difference.a as Span))) return 'accepted-a';
  if (difference.b && layer.spans.some((span) => sameSpan(span, difference.b as Span))) return 'accepted-b';
  if (layer.spans.some((span) => overlaps(span, difference))) return 'edited';
  const rejected = layer.review?.rejected ?? [];
  const isRejected = sides(difference).every(({ span, side }) => rejected.some((entry) => entry.annotator === compared[side === 'a' ? 0 : 1] && sameSpan(entry, span)));
  return isRejected ? 'rejected' : 'open';
}

/** The layer without what earlier decisions on this difference left: its copies of A's or B's span, and their rejections. */
function undecided<L extends ReviewedLayer>(difference: Difference, layer: L, compared: readonly [string, string]): L {
  const theirs = sides(difference);
  const removed = new Set(layer.spans.filter((span) => theirs.some(({ span: their }) => sameSpan(span, their))).map((span) => span.id));
  const rejected = (layer.review?.rejected ?? []).filter((entry) => !theirs.some(({ span, side }) => entry.annotator === compared[side === 'a' ? 0 : 1] && sameSpan(entry, span)));
  return {
    ...layer,
    spans: layer.spans.filter((span) => !removed.has(span.id)),
    relations: layer.relations.filter((relation) => !removed.has(relation.from) && !removed.has(relation.to)),
    review: { ...layer.review, compared: [...compared], rejected },
  };
}

/**
 * A copy of `span` for the reviewed layer: a fresh id when its own is taken there, and
 * references to spans the reviewed layer does not hold left out (they would point at
 * nothing; the reviewer sets them again if the other span is accepted later).
 */
function copyFor(layer: ReviewedLayer, span: Span, theirIds: ReadonlySet<string>, context: Adjudication): Span {
  const ids = new Set(layer.spans.map((existing) => existing.id));
  const attributes = Object.fromEntries(Object.entries(span.attributes).filter(([, value]) => typeof value !== 'string' || !theirIds.has(value) || ids.has(value)));
  return { ...span, id: ids.has(span.id) ? context.newId() : span.id, attributes, updatedAt: context.now.toISOString() };
}

export function accept<L extends ReviewedLayer>(difference: Difference, side: 'a' | 'b', layer: L, context: Adjudication): L {
  const span = side === 'a' ? difference.a : difference.b;
  if (!span) return layer;
  const cleared = undecided(difference, layer, context.compared);
  return { ...cleared, spans: insertSpan(cleared.spans, copyFor(cleared, span, context.spanIds[side], context)) };
}

export function reject<L extends ReviewedLayer>(difference: Difference, layer: L, compared: readonly [string, string]): L {
  const cleared = undecided(difference, layer, compared);
  const rejected = sides(difference).map(({ span, side }) => ({ annotator: compared[side === 'a' ? 0 : 1], label: span.label, start: span.start, end: span.end }));
  return { ...cleared, review: { compared: [...compared], ...cleared.review, rejected: [...(cleared.review?.rejected ?? []), ...rejected] } };
}

/**
 * Accepts every match still open (both annotators agree on it, attributes included) in
 * one step. Done in one pass, not one accept() per match, so a document with thousands
 * of spans is reviewed in a blink: decisions are looked up in sets and a sorted sweep.
 */
export function acceptMatches<L extends ReviewedLayer>(differences: readonly Difference[], layer: L, context: Adjudication): L {
  const key = (span: { start: number; end: number; label: string }) => `${span.start}:${span.end}:${span.label}`;
  const present = new Set(layer.spans.map(key));
  const rejected = new Set((layer.review?.rejected ?? []).map((entry) => `${entry.annotator}|${key(entry)}`));
  // Reviewed spans by start with the furthest end so far: a difference overlaps one of
  // them iff the furthest end among those starting before its end passes its start.
  const byStart = [...layer.spans].sort((x, y) => x.start - y.start);
  const reach: number[] = [];
  byStart.forEach((span, i) => reach.push(Math.max(span.end, reach[i - 1] ?? -1)));
  const overlapsReviewed = (difference: Difference) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((byStart[mid] as Span).start < difference.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] as number) > difference.start;
  };
  const before = new Set(layer.spans.map((span) => span.id));
  const ids = new Set(before);
  const renamed = new Map<string, string>();
  const added: Span[] = [];
  for (const difference of differences) {
    const span = difference.a;
    if (difference.kind !== 'match' || difference.attributeDiffs.length > 0 || !span) continue;
    if (present.has(key(span)) || overlapsReviewed(difference) || rejected.has(`${context.compared[0]}|${key(span)}`)) continue;
    const copy: Span = { ...span, id: ids.has(span.id) ? context.newId() : span.id, updatedAt: context.now.toISOString() };
    if (copy.id !== span.id) renamed.set(span.id, copy.id);
    ids.add(copy.id);
    present.add(key(span));
    added.push(copy);
  }
  // References among the spans accepted together follow them (renamed or not); others
  // to A's spans would dangle, and go.
  const resolved = added.map((copy) => {
    const entries = Object.entries(copy.attributes).flatMap(([name, value]): [string, typeof value][] => {
      if (typeof value !== 'string' || !context.spanIds.a.has(value)) return [[name, value]];
      const target = renamed.get(value) ?? value;
      return ids.has(target) && (renamed.has(value) || !before.has(value)) ? [[name, target]] : [];
    });
    return { ...copy, attributes: Object.fromEntries(entries) };
  });
  return { ...layer, spans: [...layer.spans, ...resolved].sort(compareSpans), review: { ...layer.review, compared: [...context.compared], rejected: layer.review?.rejected ?? [] } };
}

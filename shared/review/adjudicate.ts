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

/**
 * What the reviewed layer says was decided on each difference, all at once (a decision
 * on one difference depends on the others: a copy of A's outer claim is that claim's
 * decision, not an edit of the spans nested in it):
 *
 * - accepted-a / accepted-b: the layer holds a copy of that side's span (same label and
 *   offsets; where A and B differ only in attributes, the copy's values of those
 *   attributes say whose it is);
 * - rejected: the review record lists both sides' spans as turned down;
 * - edited: the reviewer's own span, one that is no copy of any span of A or B, paired
 *   with this difference (one own span to one difference: the same label where there
 *   is one, then the largest overlap); it stands for the difference also after both
 *   sides were rejected;
 * - open: none of these.
 */
export function decisionsOf(differences: readonly Difference[], layer: ReviewedLayer, compared: readonly [string, string]): Decision[] {
  const key = (span: { start: number; end: number; label: string }) => `${span.start}:${span.end}:${span.label}`;
  const reviewed = new Map<string, Span[]>();
  for (const span of layer.spans) reviewed.set(key(span), [...(reviewed.get(key(span)) ?? []), span]);
  const theirKeys = new Set(differences.flatMap((difference) => sides(difference).map(({ span }) => key(span))));
  const rejected = new Set((layer.review?.rejected ?? []).map((entry) => `${entry.annotator}|${key(entry)}`));

  const decisions: Decision[] = differences.map((difference) => {
    const copies = (span: Span | undefined) => (span ? (reviewed.get(key(span)) ?? []) : []);
    const copyA = copies(difference.a);
    const copyB = copies(difference.b);
    if (difference.kind === 'attribute-mismatch' && copyA.length) {
      // One span for both sides: whose differing values does it carry?
      // (A reference to a span the reviewed layer lacks is left out of a copy, so the
      // side whose values agree more often is the one taken.)
      const agreeing = (side: 'a' | 'b') => difference.attributeDiffs.filter((diff) => copyA.some((copy) => sameAttribute(copy.attributes[diff.attribute], diff[side]))).length;
      const [a, b] = [agreeing('a'), agreeing('b')];
      return a > b ? 'accepted-a' : b > a ? 'accepted-b' : 'edited';
    }
    if (copyA.length) return 'accepted-a';
    if (copyB.length) return 'accepted-b';
    const isRejected = sides(difference).every(({ span, side }) => rejected.has(`${compared[side === 'a' ? 0 : 1]}|${key(span)}`));
    return isRejected ? 'rejected' : 'open';
  });

  // The reviewer's own spans, each to the open difference it best stands for.
  const own = layer.spans.filter((span) => !theirKeys.has(key(span)));
  const candidates: { difference: number; own: number; sameLabel: boolean; overlap: number }[] = [];
  own.forEach((span, o) => {
    differences.forEach((difference, d) => {
      // A rejection of both sides followed by one's own span is an own version.
      if ((decisions[d] !== 'open' && decisions[d] !== 'rejected') || !overlaps(span, difference)) return;
      const overlap = Math.min(span.end, difference.end) - Math.max(span.start, difference.start);
      const union = Math.max(span.end, difference.end) - Math.min(span.start, difference.start);
      const sameLabel = sides(difference).some(({ span: their }) => their.label === span.label);
      candidates.push({ difference: d, own: o, sameLabel, overlap: overlap / union });
    });
  });
  candidates.sort((x, y) => Number(y.sameLabel) - Number(x.sameLabel) || y.overlap - x.overlap || x.difference - y.difference);
  const usedOwn = new Set<number>();
  for (const candidate of candidates) {
    if (usedOwn.has(candidate.own) || decisions[candidate.difference] === 'edited') continue;
    decisions[candidate.difference] = 'edited';
    usedOwn.add(candidate.own);
  }
  return decisions;
}

function sameAttribute(x: unknown, y: unknown): boolean {
  const none = (value: unknown) => value === undefined || value === null;
  if (none(x) || none(y)) return none(x) && none(y);
  return JSON.stringify(x) === JSON.stringify(y);
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
    if (difference.kind !== 'match' || !span) continue;
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

/**
 * Span precision, recall and F1 of one annotator (the response) against another (the
 * reference), as for NER evaluation: exact (same offsets and label) and partial (the
 * same, or overlapping with the same label), both one to one (pairing.ts).
 */
import { pairSpans, type SpanExtent } from './pairing.js';

export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / response spans; null when the response has none. */
  precision: number | null;
  /** TP / reference spans; null when the reference has none. */
  recall: number | null;
  /** 2TP / (reference + response spans); null when neither has any. */
  f1: number | null;
  /** Why a number is null. */
  reason?: string;
}

export interface SpanF1Result {
  exact: PrecisionRecall;
  partial: PrecisionRecall;
}

/** Span and match counts of one reference/response pair, summed over documents. */
export interface F1Counts {
  reference: number;
  response: number;
  exact: number;
  partial: number;
}

export const noF1Counts = (): F1Counts => ({ reference: 0, response: 0, exact: 0, partial: 0 });

export function addF1Counts(into: F1Counts, counts: F1Counts): void {
  into.reference += counts.reference;
  into.response += counts.response;
  into.exact += counts.exact;
  into.partial += counts.partial;
}

/** Counts per label: a match needs the same label, so the totals are the sums over labels. */
export function countMatchesByLabel(reference: readonly SpanExtent[], response: readonly SpanExtent[]): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  const of = (label: string) => {
    let counts = byLabel.get(label);
    if (!counts) byLabel.set(label, (counts = noF1Counts()));
    return counts;
  };
  for (const span of reference) of(span.label).reference++;
  for (const span of response) of(span.label).response++;
  for (const pair of pairSpans(reference, response, { sameOffsets: false }).pairs) {
    const counts = of((reference[pair.a] as SpanExtent).label);
    counts.partial++;
    if (pair.kind === 'exact') counts.exact++;
  }
  return byLabel;
}

export function precisionRecall(counts: F1Counts, kind: 'exact' | 'partial'): PrecisionRecall {
  const tp = counts[kind];
  const reasons: string[] = [];
  if (counts.response === 0) reasons.push('the response has no spans: precision is undefined');
  if (counts.reference === 0) reasons.push('the reference has no spans: recall is undefined');
  if (counts.reference + counts.response === 0) reasons.push('neither has spans: F1 is undefined');
  const result: PrecisionRecall = {
    truePositives: tp,
    falsePositives: counts.response - tp,
    falseNegatives: counts.reference - tp,
    precision: counts.response === 0 ? null : tp / counts.response,
    recall: counts.reference === 0 ? null : tp / counts.reference,
    f1: counts.reference + counts.response === 0 ? null : (2 * tp) / (counts.reference + counts.response),
  };
  if (reasons.length > 0) result.reason = reasons.join('; ');
  return result;
}

/** P/R/F1 of `response` against `reference`, exact and partial. */
export function spanF1(reference: readonly SpanExtent[], response: readonly SpanExtent[]): SpanF1Result {
  const total = noF1Counts();
  for (const counts of countMatchesByLabel(reference, response).values()) addF1Counts(total, counts);
  return { exact: precisionRecall(total, 'exact'), partial: precisionRecall(total, 'partial') };
}

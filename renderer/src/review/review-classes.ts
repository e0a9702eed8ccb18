/**
 * How the compare view paints differences: each kind of difference is drawn like a
 * label (the article's highlighter knows labels), with colours chosen to read apart in
 * both themes, and decided differences greyed out so what is left stands out. Being
 * labels, each kind also has its own line pattern (document-view/mark-patterns.ts), so
 * the kinds are told apart without their colours; and A's and B's own spans are blue
 * and orange, the pair that stays apart in every common colour blindness.
 */
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { Decision } from '../../../shared/review/adjudicate.js';
import type { Difference, DifferenceKind } from '../../../shared/review/compare.js';

export const CLASS_NAMES: Record<DifferenceKind | 'decided', string> = {
  match: 'Match',
  'attribute-mismatch': 'Other attributes',
  'label-mismatch': 'Other label',
  'boundary-mismatch': 'Other boundaries',
  'only-a': 'Only A',
  'only-b': 'Only B',
  decided: 'Decided',
};

const COLORS: Record<DifferenceKind | 'decided', LabelDef['color']> = {
  match: { light: '#15803d', dark: '#4ade80' },
  'attribute-mismatch': { light: '#0e7490', dark: '#22d3ee' },
  'label-mismatch': { light: '#a21caf', dark: '#e879f9' },
  'boundary-mismatch': { light: '#a16207', dark: '#facc15' },
  'only-a': { light: '#1d4ed8', dark: '#60a5fa' },
  'only-b': { light: '#c2410c', dark: '#fb923c' },
  decided: { light: '#6b7280', dark: '#9ca3af' },
};

/** The kinds as labels, for the highlighter and the legend (keys are unused here). */
export const CLASS_LABELS: LabelDef[] = (Object.keys(CLASS_NAMES) as (DifferenceKind | 'decided')[]).map((id, i) => ({ id, name: CLASS_NAMES[id], key: String(i), color: COLORS[id], attributes: [] }));

/** One highlight per difference, over both spans' extent; its id is the difference's index. */
export function differenceSpans(differences: readonly Difference[], decisions: readonly Decision[]): Span[] {
  return differences.map((difference, i) => {
    const span = (difference.a ?? difference.b) as Span;
    return { ...span, id: `d${i}`, label: (decisions[i] ?? 'open') === 'open' ? difference.kind : 'decided', start: difference.start, end: difference.end };
  });
}

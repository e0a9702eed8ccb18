/**
 * The review in words, for the live region: the difference stepped to (its kind, its
 * words, what A and B each say, and where it is among the disagreements), and the
 * decision just taken. A reviewer who cannot see the article's colours hears all of it.
 */
import type { Difference } from '../../../shared/review/compare.js';
import { spokenQuote } from '../ui/live-region.js';
import { CLASS_NAMES } from './review-classes.js';

/** "Other label “Sunday”: A date, B entity. Disagreement 2 of 4" (labels are ids, as the panel shows them). */
export function describeDifference(difference: Difference, names: { a: string; b: string }, place: { at: number; of: number } | null): string {
  const words = spokenQuote((difference.a ?? difference.b)?.quote.exact ?? '');
  const side = (name: string, span: Difference['a']) => (span ? `${name} ${span.label}` : `${name} nothing`);
  const sides = difference.kind === 'match' ? `both ${difference.a?.label ?? ''}` : `${side(`A (${names.a})`, difference.a)}, ${side(`B (${names.b})`, difference.b)}`;
  const attributes = difference.attributeDiffs.length ? `; attributes differ: ${difference.attributeDiffs.map((diff) => diff.attribute).join(', ')}` : '';
  return `${CLASS_NAMES[difference.kind]} ${words}: ${sides}${attributes}.${place ? ` Disagreement ${place.at} of ${place.of}` : ''}`;
}

/** "A accepted: “Sunday”", "Rejected: “Taji”". */
export function describeDecision(choice: 'a' | 'b' | 'reject', difference: Difference): string {
  const words = spokenQuote((difference.a ?? difference.b)?.quote.exact ?? '');
  return `${choice === 'reject' ? 'Rejected' : `${choice.toUpperCase()} accepted`}: ${words}`;
}

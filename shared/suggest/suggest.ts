/**
 * All suggestions for one document: dates, entities and claims, with a claim's claimant
 * pointed at the entity suggestion there. What the analyst already tagged, or turned
 * down before, is left out, so suggestions never come back once decided.
 */
import type { Span } from '../model/annotations.js';
import type { CanonicalEntity } from '../model/entities.js';
import { suggestClaims } from './claims.js';
import { suggestDates } from './dates.js';
import { suggestEntities } from './entities.js';
import { suggestionKey, type SuggestedLabel, type Suggestion } from './suggestion.js';

export const SUGGESTED_LABELS: readonly SuggestedLabel[] = ['date', 'entity', 'claim'];

export interface SuggestOptions {
  /** Which kinds to suggest (all by default). */
  labels?: readonly SuggestedLabel[];
  /** Publication date, YYYY-MM-DD: relative dates resolve against it. */
  published: string | null;
  /** The project's canonical entities, aliases included. */
  registry: readonly CanonicalEntity[];
  /** The layer's spans and rejected suggestions: those are not suggested again. */
  spans?: readonly Pick<Span, 'label' | 'start' | 'end'>[];
  rejected?: readonly { label: string; start: number; end: number }[];
}

export function suggestAll(text: string, options: SuggestOptions): Suggestion[] {
  const wanted = new Set(options.labels ?? SUGGESTED_LABELS);
  const entities = wanted.has('entity') || wanted.has('claim') ? suggestEntities(text, options.registry) : [];
  const found = [...(wanted.has('date') ? suggestDates(text, options.published) : []), ...(wanted.has('entity') ? entities : []), ...(wanted.has('claim') ? suggestClaims(text, entities) : [])];
  const decided = new Set([...(options.spans ?? []), ...(options.rejected ?? [])].map(suggestionKey));
  return found.filter((suggestion) => !decided.has(suggestionKey(suggestion))).sort((a, b) => a.start - b.start || b.end - a.end);
}

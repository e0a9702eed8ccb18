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
  /**
   * The project's labels: a suggestion keeps only the attributes its label defines, so a
   * project whose date label predates `mod` or `anchor` gets suggestions it can accept.
   */
  schema?: readonly { id: string; attributes: readonly { id: string }[] }[];
}

/** The suggestion with only the attributes its label defines (all when the label is unknown). */
function fitToSchema(suggestion: Suggestion, schema: SuggestOptions['schema']): Suggestion {
  const label = schema?.find((candidate) => candidate.id === suggestion.label);
  if (!label) return suggestion;
  const defined = new Set(label.attributes.map((attribute) => attribute.id));
  const attributes = Object.fromEntries(Object.entries(suggestion.attributes).filter(([id]) => defined.has(id)));
  return Object.keys(attributes).length === Object.keys(suggestion.attributes).length ? suggestion : { ...suggestion, attributes };
}

export function suggestAll(text: string, options: SuggestOptions): Suggestion[] {
  const wanted = new Set(options.labels ?? SUGGESTED_LABELS);
  const entities = wanted.has('entity') || wanted.has('claim') ? suggestEntities(text, options.registry) : [];
  const found = [...(wanted.has('date') ? suggestDates(text, options.published) : []), ...(wanted.has('entity') ? entities : []), ...(wanted.has('claim') ? suggestClaims(text, entities) : [])];
  const decided = new Set([...(options.spans ?? []), ...(options.rejected ?? [])].map(suggestionKey));
  return found
    .filter((suggestion) => !decided.has(suggestionKey(suggestion)))
    .map((suggestion) => fitToSchema(suggestion, options.schema))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Accepted suggestions become ordinary spans: the label's attributes filled in (a date's
 * value and type, an entity's kind and canonical entity), and a claim's claimant pointed
 * at the entity span at the claimant's place, when there is one in the layer.
 */
import type { Span } from '../model/annotations.js';
import type { OffsetIndex } from '../text/offsets.js';
import { makeQuote } from '../text/quote.js';
import type { Suggestion } from './suggestion.js';

export function suggestionToSpan(index: OffsetIndex, suggestion: Suggestion, id: string, layerSpans: readonly Span[], now: Date): Span {
  const stamp = now.toISOString();
  const attributes = { ...suggestion.attributes };
  const claimant = suggestion.claimant;
  if (claimant) {
    const speaker = layerSpans.find((span) => span.label === 'entity' && span.start === claimant.start && span.end === claimant.end);
    if (speaker) attributes.claimant = speaker.id;
  }
  return { id, label: suggestion.label, start: suggestion.start, end: suggestion.end, quote: makeQuote(index, suggestion.start, suggestion.end), attributes, createdAt: stamp, updatedAt: stamp };
}

/** Many at once (entities first, so claims can point at their claimants). */
export function suggestionsToSpans(index: OffsetIndex, suggestions: readonly Suggestion[], existing: readonly Span[], newId: (taken: ReadonlySet<string>) => string, now: Date): Span[] {
  const order = { entity: 0, date: 1, claim: 2 };
  const made: Span[] = [];
  const taken = new Set(existing.map((span) => span.id));
  for (const suggestion of [...suggestions].sort((a, b) => order[a.label] - order[b.label])) {
    const id = newId(taken);
    taken.add(id);
    made.push(suggestionToSpan(index, suggestion, id, [...existing, ...made], now));
  }
  return made;
}

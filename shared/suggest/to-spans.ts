/**
 * Accepted suggestions become ordinary spans: the label's attributes filled in (a date's
 * value and type, an entity's kind and canonical entity), and a claim's claimant pointed
 * at the entity span at the claimant's place. When there is none yet, accepting the
 * claim tags the claimant too (with the kind its entity suggestion has), since the
 * analyst accepted the claim as it was shown: with its claimant.
 */
import type { Span } from '../model/annotations.js';
import type { OffsetIndex } from '../text/offsets.js';
import { makeQuote } from '../text/quote.js';
import type { Suggestion } from './suggestion.js';

const ORDER = { entity: 0, date: 1, claim: 2 };

/**
 * The spans for `chosen` (entities first, so claims can point at their claimants), ids
 * from `newId`. `pool` holds the other suggestions on offer, where a claimant's entity
 * suggestion is found.
 */
export function suggestionsToSpans(index: OffsetIndex, chosen: readonly Suggestion[], existing: readonly Span[], newId: (taken: ReadonlySet<string>) => string, now: Date, pool: readonly Suggestion[] = []): Span[] {
  const stamp = now.toISOString();
  const made: Span[] = [];
  const taken = new Set(existing.map((span) => span.id));
  const make = (suggestion: Pick<Suggestion, 'label' | 'start' | 'end' | 'attributes'>): Span => {
    const id = newId(taken);
    taken.add(id);
    const span: Span = { id, label: suggestion.label, start: suggestion.start, end: suggestion.end, quote: makeQuote(index, suggestion.start, suggestion.end), attributes: { ...suggestion.attributes }, createdAt: stamp, updatedAt: stamp };
    made.push(span);
    return span;
  };
  for (const suggestion of [...chosen].sort((a, b) => ORDER[a.label] - ORDER[b.label])) {
    const claimant = suggestion.claimant;
    let speaker: Span | undefined;
    if (claimant) {
      speaker = [...existing, ...made].find((span) => span.label === 'entity' && span.start === claimant.start && span.end === claimant.end);
      if (!speaker) {
        const offered = pool.find((other) => other.label === 'entity' && other.start === claimant.start && other.end === claimant.end);
        speaker = make({ label: 'entity', start: claimant.start, end: claimant.end, attributes: offered?.attributes ?? {} });
      }
    }
    const span = make(suggestion);
    if (speaker) span.attributes.claimant = speaker.id;
  }
  return made;
}

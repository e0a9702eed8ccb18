/** What one undo step holds: the annotator's spans, relations and status on a document. */
import type { LayerContent } from '../../../shared/model/layer-merge.js';

export type LayerState = LayerContent;

/** Removes a span and the relations and claimant references that pointed at it. */
export function withoutSpan(state: LayerState, id: string): LayerState {
  return {
    ...state,
    spans: state.spans
      .filter((span) => span.id !== id)
      .map((span) => {
        const entries = Object.entries(span.attributes);
        const kept = entries.filter(([, value]) => value !== id);
        return kept.length === entries.length ? span : { ...span, attributes: Object.fromEntries(kept) };
      }),
    relations: state.relations.filter((relation) => relation.from !== id && relation.to !== id),
  };
}

export function replaceSpan(state: LayerState, span: { id: string } & LayerState['spans'][number]): LayerState {
  return { ...state, spans: state.spans.map((existing) => (existing.id === span.id ? span : existing)) };
}

/** What one undo step holds: the annotator's spans, relations and status on a document. */
import type { AttributeValue } from '../../../shared/model/annotations.js';
import { sameValue, type LayerContent } from '../../../shared/model/layer-merge.js';

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

/** A change to one span's attributes (null: unset) or note (null or '': none). */
export interface SpanPatch {
  attributes?: Record<string, AttributeValue>;
  note?: string | null;
}

/**
 * Applies a patch to the span with this id as it is in `state` now — not as it was when
 * the field was drawn, so two quick edits, or an edit that lands after a merge with
 * another window, never undo each other. A span that is gone is left gone.
 */
export function patchSpan(state: LayerState, id: string, patch: SpanPatch, now: Date): LayerState {
  const span = state.spans.find((candidate) => candidate.id === id);
  if (!span) return state;
  const changes = patch.attributes ?? {};
  const unset = (value: AttributeValue | undefined) => value === null || value === '';
  const attributes = Object.fromEntries(
    [...Object.entries(span.attributes).filter(([name]) => !(name in changes)), ...Object.entries(changes)].filter(([, value]) => !unset(value)),
  );
  const { note: _old, ...rest } = span;
  const note = patch.note === undefined ? span.note : patch.note || undefined;
  const next = { ...rest, attributes, ...(note !== undefined ? { note } : {}) };
  if (sameValue(next, span)) return state;
  return replaceSpan(state, { ...next, updatedAt: now.toISOString() });
}

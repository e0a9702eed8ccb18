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

/**
 * What changed from one state to another, for a person ("tagged Entity “K-1 Air Base”"),
 * and the span it is about, to select after an undo or redo; null when nothing did.
 */
export function describeChange(before: LayerState, after: LayerState, labelName: (id: string) => string): { text: string; spanId: string | null } | null {
  const was = new Map(before.spans.map((span) => [span.id, span]));
  const now = new Map(after.spans.map((span) => [span.id, span]));
  const quote = (span: LayerState['spans'][number]) => `${labelName(span.label)} “${span.quote.exact.length > 60 ? `${span.quote.exact.slice(0, 57)}…` : span.quote.exact}”`;
  const changes: { text: string; spanId: string | null }[] = [];
  for (const [id, span] of now) {
    const old = was.get(id);
    if (!old) changes.push({ text: `tagged ${quote(span)}`, spanId: id });
    else if (old !== span) {
      const what = old.label !== span.label ? `relabelled ${quote(old)} as ${labelName(span.label)}` : old.note !== span.note && sameValue(old.attributes, span.attributes) ? `changed the note of ${quote(span)}` : `changed ${quote(span)}`;
      changes.push({ text: what, spanId: id });
    }
  }
  for (const [id, span] of was) if (!now.has(id)) changes.push({ text: `removed ${quote(span)}`, spanId: null });
  if (before.status !== after.status && changes.length === 0) changes.push({ text: `set the progress to ${after.status.replace('-', ' ')}`, spanId: null });
  if (changes.length === 0) return sameValue(before, after) ? null : { text: 'changed the layer', spanId: null };
  if (changes.length === 1) return changes[0] ?? null;
  return { text: `${changes.length} changes`, spanId: changes.find((change) => change.spanId)?.spanId ?? null };
}

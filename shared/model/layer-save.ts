/**
 * The rules of a save: what layer a save makes of the one on disk (status, review and
 * turned-down suggestions kept when the save does not say; nothing at all when it
 * changes nothing), and that what is saved fits its text and the label schema — except
 * spans already on disk that could not be re-anchored, kept as they were, never lost.
 */
import { FactmarkError } from '../errors.js';
import { spanFitsText } from '../text/anchoring.js';
import type { OffsetIndex } from '../text/offsets.js';
import { ANNOTATIONS_FORMAT, type AnnotationLayer, type LayerStatus, type Relation, type ReviewRecord, type Span } from './annotations.js';
import { checkLayer, type LayerContext } from './consistency.js';

/** What a save sends (the api's saveLayer params). */
export interface LayerSave {
  annotator: string;
  status?: LayerStatus | undefined;
  spans: Span[];
  relations: Relation[];
  review?: ReviewRecord | undefined;
  rejectedSuggestions?: { label: string; start: number; end: number }[] | undefined;
}

/** The layer as it is on disk, with what could not be placed on its text. */
export interface LayerOnDisk {
  layer: AnnotationLayer;
  exists: boolean;
  unplaced: readonly string[];
}

/** The layer a save makes on top of what is on disk; null when it is what is there. */
export function nextLayer(save: LayerSave, previous: LayerOnDisk, document: { id: string; sha256: string }, now: Date): AnnotationLayer | null {
  const status = save.status ?? (previous.layer.status === 'not-started' && save.spans.length > 0 ? 'in-progress' : previous.layer.status);
  const review = save.review ?? previous.layer.review;
  const rejectedSuggestions = save.rejectedSuggestions ?? previous.layer.rejectedSuggestions;
  // Cheap tests first: a new or removed span changes the counts, no need to compare all.
  const unchanged =
    previous.exists &&
    status === previous.layer.status &&
    save.spans.length === previous.layer.spans.length &&
    save.relations.length === previous.layer.relations.length &&
    JSON.stringify([save.spans, save.relations, review, rejectedSuggestions]) === JSON.stringify([previous.layer.spans, previous.layer.relations, previous.layer.review, previous.layer.rejectedSuggestions]);
  if (unchanged) return null;
  return {
    format: ANNOTATIONS_FORMAT,
    version: 1,
    document: document.id,
    documentSha256: document.sha256,
    annotator: save.annotator,
    status,
    updatedAt: now.toISOString(),
    spans: save.spans,
    relations: save.relations,
    ...(review ? { review } : {}),
    ...(rejectedSuggestions ? { rejectedSuggestions } : {}),
  };
}

/** Throws the first thing wrong with a layer about to be saved (see the file's comment). */
export function checkSaved(layer: AnnotationLayer, previous: LayerOnDisk, context: LayerContext & { index: OffsetIndex }): void {
  const keptAsTheyWere = new Set(previous.unplaced.map((id) => JSON.stringify(previous.layer.spans.find((span) => span.id === id))));
  for (const span of layer.spans) {
    if (!spanFitsText(context.index, span) && !keptAsTheyWere.has(JSON.stringify(span))) {
      throw new FactmarkError('BAD_INPUT', `Span ${span.id}: offsets ${span.start}-${span.end} do not slice the text to its quote; not saved`, { spanId: span.id });
    }
  }
  const first = checkLayer(context, layer).find((problem) => problem.severity === 'error' && !(problem.spanId && previous.unplaced.includes(problem.spanId)));
  if (first) {
    throw new FactmarkError('BAD_INPUT', `${first.spanId ? `Span ${first.spanId}` : `Relation ${first.relationId ?? ''}`}: ${first.message}; not saved`, { ...(first.spanId ? { spanId: first.spanId } : {}) });
  }
}

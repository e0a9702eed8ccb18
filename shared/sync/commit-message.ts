/**
 * What a sync's commit says, for the people reading the history (`git log`, the host's
 * web page, the span history in the app): who, and what changed in words rather than
 * file names — "alice: 3 documents, 12 spans changed; 1 document imported".
 */
import type { Span } from '../model/annotations.js';
import { sameValue } from '../model/layer-merge.js';
import { plural } from '../text/plural.js';

export interface ChangeSummary {
  /**
   * Documents whose layers' spans changed, and how many spans were added, changed or
   * removed in them; and documents whose layers changed otherwise (their status).
   */
  layers: { documents: number; spans: number; otherwise: number };
  /** factmark.json is new: the project is shared for the first time. */
  created: boolean;
  documents: { added: number; edited: number; removed: number };
  /** The label schema (labels, relation types) changed. */
  labels: boolean;
  /** Other settings in factmark.json (the project's name). */
  project: boolean;
  entities: number;
  claims: number;
  /** Files that are none of the above. */
  other: number;
}

export function emptySummary(): ChangeSummary {
  return { layers: { documents: 0, spans: 0, otherwise: 0 }, created: false, documents: { added: 0, edited: 0, removed: 0 }, labels: false, project: false, entities: 0, claims: 0, other: 0 };
}

export function commitMessage(annotator: string, summary: ChangeSummary): string {
  const parts: string[] = [];
  if (summary.created) parts.push('project shared');
  if (summary.layers.documents > 0) parts.push(`${plural(summary.layers.documents, 'document')}, ${plural(summary.layers.spans, 'span')} changed`);
  if (summary.layers.otherwise > 0) parts.push(`status of ${plural(summary.layers.otherwise, 'document')} changed`);
  if (summary.documents.added) parts.push(`${plural(summary.documents.added, 'document')} imported`);
  if (summary.documents.edited) parts.push(`details of ${plural(summary.documents.edited, 'document')} edited`);
  if (summary.documents.removed) parts.push(`${plural(summary.documents.removed, 'document')} removed`);
  if (summary.labels) parts.push('labels changed');
  if (summary.project) parts.push('project settings changed');
  if (summary.entities) parts.push(`${plural(summary.entities, 'entity', 'entities')} changed`);
  if (summary.claims) parts.push(`${plural(summary.claims, 'claim')} changed`);
  if (summary.other) parts.push(`${plural(summary.other, 'other file')} changed`);
  return `${annotator}: ${parts.length ? parts.join('; ') : 'no changes'}`;
}

/** Spans added, removed or changed between two versions of a layer, by id. */
export function countSpanChanges(before: readonly Span[], after: readonly Span[]): number {
  const earlier = new Map(before.map((span) => [span.id, span]));
  let count = 0;
  for (const span of after) {
    const was = earlier.get(span.id);
    if (!was || !sameValue(was, span)) count++;
    earlier.delete(span.id);
  }
  return count + earlier.size;
}

/** Items (entities, claims) added, removed or changed between two lists, by id. */
export function countItemChanges(before: readonly { id: string }[], after: readonly { id: string }[]): number {
  return countSpanChanges(before as Span[], after as Span[]);
}

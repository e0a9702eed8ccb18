/**
 * doccano sequence-labelling JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}`.
 * doccano counts offsets in UTF-16 code units, as JavaScript does (doccano issue #2290:
 * "👨🏻‍🚒 firemen drive firetrucks" has "firetrucks" at 22-32 in doccano, 19-29 in Python),
 * so they are converted both ways here. (Its optional "count grapheme clusters" mode
 * is not supported.)
 */
import type { CorpusDocument } from '../../model/corpus.js';
import { createOffsetIndex } from '../../text/offsets.js';
import type { CorpusEncoder } from '../codec.js';

export function toDoccanoLine(doc: CorpusDocument, annotator: string): string | null {
  const layer = doc.annotations.find((candidate) => candidate.annotator === annotator) ?? doc.annotations[0];
  if (!layer) return null;
  const index = createOffsetIndex(doc.text);
  const meta = { title: doc.meta.title, annotator: layer.annotator };
  // With relations, doccano's relation-extraction shape, which holds them; otherwise its
  // sequence-labelling shape.
  if (layer.relations.length) {
    const ids = new Map(layer.spans.map((span, i) => [span.id, i] as const));
    const entities = layer.spans.map((span, i) => ({ id: i, label: span.label, start_offset: index.toUtf16(span.start), end_offset: index.toUtf16(span.end) }));
    const relations = layer.relations.map((relation, i) => ({ id: i, from_id: ids.get(relation.from), to_id: ids.get(relation.to), type: relation.type }));
    return `${JSON.stringify({ id: doc.id, text: doc.text, entities, relations, meta })}\n`;
  }
  const label = layer.spans.map((span) => [index.toUtf16(span.start), index.toUtf16(span.end), span.label]);
  return `${JSON.stringify({ id: doc.id, text: doc.text, label, meta })}\n`;
}

/** doccano: the first layer of each document (doccano keeps one annotator's labels per record). */
export function doccanoEncoder(): CorpusEncoder {
  return { head: () => '', document: (doc) => toDoccanoLine(doc, doc.annotations[0]?.annotator ?? '') ?? '', tail: () => '' };
}

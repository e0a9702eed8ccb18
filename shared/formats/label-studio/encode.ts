/**
 * Label Studio NER tasks (JSON export): `{"data": {"text"}, "annotations": [{"result":
 * [{"type": "labels", "value": {"start", "end", "text", "labels"}}]}]}`. Label Studio
 * stores code point offsets since its fix for emoji (label-studio PR #1559, "store code
 * points instead of js length"), which is what Factmark uses, so offsets pass as they are
 * and each result's `text` is checked against them.
 */
import type { CorpusDocument } from '../../model/corpus.js';
import { jsonArrayItems, type CorpusEncoder } from '../codec.js';

export function toLabelStudioTask(doc: CorpusDocument): object {
  return {
    id: doc.id,
    data: { text: doc.text, title: doc.meta.title },
    annotations: doc.annotations.map((layer) => ({
      completed_by: layer.annotator,
      updated_at: layer.updatedAt,
      result: layer.spans.map((span) => ({
        id: span.id,
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
        value: { start: span.start, end: span.end, text: span.quote.exact, labels: [span.label] },
      })),
    })),
  };
}

export function labelStudioEncoder(): CorpusEncoder {
  const items = jsonArrayItems();
  return { head: () => '[', document: (doc) => items([JSON.stringify(toLabelStudioTask(doc))], '  '), tail: () => '\n]\n' };
}

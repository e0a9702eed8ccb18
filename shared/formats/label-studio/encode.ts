/**
 * Label Studio NER tasks (JSON export): `{"data": {"text"}, "annotations": [{"result":
 * [{"type": "labels", "value": {"start", "end", "text", "labels"}}]}]}`. Label Studio
 * stores code point offsets since its fix for emoji (label-studio PR #1559, "store code
 * points instead of js length"), which is what Factmark uses, so offsets pass as they are
 * and each result's `text` is checked against them.
 */
import type { CorpusDocument } from '../../model/corpus.js';
import { jsonArrayItems, type CorpusEncoder } from '../codec.js';
import type { LabelStudioNames } from './decode.js';

/** The names Label Studio's default NER config uses, for projects that never imported from it. */
const DEFAULT_NAMES: LabelStudioNames = { fromName: 'label', toName: 'text', dataKey: 'text' };

/**
 * One task per document, one annotation per layer, `completed_by` the layer's
 * annotator; `from_name`, `to_name` and the data field are the ones the project's
 * Label Studio import found (kept in factmark.json), so the tasks load back into that
 * labelling config.
 */
export function toLabelStudioTask(doc: CorpusDocument, names: LabelStudioNames = DEFAULT_NAMES): object {
  return {
    id: doc.id,
    data: { [names.dataKey]: doc.text, title: doc.meta.title },
    annotations: doc.annotations.map((layer) => ({
      completed_by: layer.annotator,
      updated_at: layer.updatedAt,
      result: [
        ...layer.spans.map((span) => ({
          id: span.id,
          from_name: names.fromName,
          to_name: names.toName,
          type: 'labels',
          value: { start: span.start, end: span.end, text: span.quote.exact, labels: [span.label] },
        })),
        ...layer.relations.map((relation) => ({ from_id: relation.from, to_id: relation.to, type: 'relation', direction: 'right', labels: [relation.type] })),
      ],
    })),
  };
}

export function labelStudioEncoder(): CorpusEncoder {
  const items = jsonArrayItems();
  let names = DEFAULT_NAMES;
  return {
    head: (header) => {
      names = header.project.interchange?.labelStudio ?? DEFAULT_NAMES;
      return '[';
    },
    document: (doc) => items([JSON.stringify(toLabelStudioTask(doc, names))], '  '),
    tail: () => '\n]\n',
  };
}

/**
 * Label Studio NER tasks (JSON export): `{"data": {"text"}, "annotations": [{"result":
 * [{"type": "labels", "value": {"start", "end", "text", "labels"}}]}]}`. Label Studio
 * stores code point offsets since its fix for emoji (label-studio PR #1559, "store code
 * points instead of js length"), which is what Factmark uses, so offsets pass as they are
 * and each result's `text` is checked against them.
 */
import type { CorpusDocument } from '../model/corpus.js';
import { createOffsetIndex } from '../text/offsets.js';
import type { ForeignDocument } from './doccano.js';

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

/** The tasks in a Label Studio export (a list, or one task). */
export function labelStudioTasks(json: unknown): unknown[] {
  return Array.isArray(json) ? json : [json];
}

/** A task's text and the spans of its first annotation; throws naming what is wrong. */
export function fromLabelStudio(task: unknown): ForeignDocument {
  const record = task as { data?: { text?: unknown }; annotations?: { result?: unknown[] }[]; completions?: { result?: unknown[] }[] };
  const text = record?.data?.text;
  if (typeof text !== 'string') throw new Error('no data.text');
  const index = createOffsetIndex(text);
  const results = (record.annotations ?? record.completions ?? [])[0]?.result ?? [];
  const spans = results.flatMap((item, i) => {
    const value = (item as { type?: string; value?: { start?: unknown; end?: unknown; text?: unknown; labels?: unknown } }).value;
    if ((item as { type?: string }).type !== 'labels' || !value) return [];
    const { start, end, labels } = value;
    if (typeof start !== 'number' || typeof end !== 'number' || !Array.isArray(labels) || typeof labels[0] !== 'string') throw new Error(`result ${i + 1} has no start, end and labels`);
    if (start < 0 || end <= start || end > index.length) throw new Error(`result ${i + 1}: offsets ${start}-${end} are outside the text`);
    if (typeof value.text === 'string' && index.slice(start, end) !== value.text) throw new Error(`result ${i + 1}: the text at ${start}-${end} is not "${value.text}"`);
    return [{ start, end, label: labels[0] }];
  });
  return { text, spans };
}

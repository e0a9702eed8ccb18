/**
 * doccano sequence-labelling JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}`.
 * doccano counts offsets in UTF-16 code units, as JavaScript does (doccano issue #2290:
 * "👨🏻‍🚒 firemen drive firetrucks" has "firetrucks" at 22-32 in doccano, 19-29 in Python),
 * so they are converted both ways here. (Its optional "count grapheme clusters" mode
 * is not supported.)
 */
import type { CorpusDocument } from '../model/corpus.js';
import { createOffsetIndex } from '../text/offsets.js';

export interface ForeignSpan {
  /** Code point offsets. */
  start: number;
  end: number;
  label: string;
}

export interface ForeignDocument {
  text: string;
  spans: ForeignSpan[];
}

export function toDoccanoLine(doc: CorpusDocument, annotator: string): string | null {
  const layer = doc.annotations.find((candidate) => candidate.annotator === annotator) ?? doc.annotations[0];
  if (!layer) return null;
  const index = createOffsetIndex(doc.text);
  const label = layer.spans.map((span) => [index.toUtf16(span.start), index.toUtf16(span.end), span.label]);
  return `${JSON.stringify({ id: doc.id, text: doc.text, label, meta: { title: doc.meta.title, annotator: layer.annotator } })}\n`;
}

/** One JSONL line back to text and code point spans; throws naming what is wrong. */
export function fromDoccano(value: unknown): ForeignDocument {
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  const record = value as Record<string, unknown>;
  const text = record.text;
  if (typeof text !== 'string') throw new Error('no "text"');
  const raw = record.label ?? record.labels ?? [];
  if (!Array.isArray(raw)) throw new Error('"label" is not a list');
  const index = createOffsetIndex(text);
  const spans = raw.map((item, i) => {
    if (!Array.isArray(item) || typeof item[0] !== 'number' || typeof item[1] !== 'number' || typeof item[2] !== 'string') throw new Error(`label ${i + 1} is not [start, end, "LABEL"]`);
    if (item[0] < 0 || item[1] <= item[0] || item[1] > text.length) throw new Error(`label ${i + 1}: offsets ${item[0]}-${item[1]} are outside the text`);
    return { start: index.toCodePoint(item[0]), end: index.toCodePoint(item[1]), label: item[2] };
  });
  return { text, spans };
}

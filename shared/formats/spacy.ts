/**
 * spaCy JSONL: `{"text": ..., "spans": [{"start", "end", "label"}]}` with code point
 * offsets, which is what Python's `text[start:end]` and spaCy's `doc.char_span` take.
 * docs/spacy.md shows the few lines of Python that turn it into a DocBin.
 */
import type { CorpusDocument } from '../model/corpus.js';
import { createOffsetIndex } from '../text/offsets.js';
import type { ForeignDocument } from './doccano.js';

export function toSpacyLines(doc: CorpusDocument): string {
  return doc.annotations
    .map((layer) => `${JSON.stringify({ text: doc.text, spans: layer.spans.map((span) => ({ start: span.start, end: span.end, label: span.label })), meta: { document: doc.id, annotator: layer.annotator, title: doc.meta.title } })}\n`)
    .join('');
}

/** One line back to text and code point spans; throws naming what is wrong. */
export function fromSpacy(value: unknown): ForeignDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') throw new Error('no "text"');
  const text = record.text;
  const raw = record.spans ?? [];
  if (!Array.isArray(raw)) throw new Error('"spans" is not a list');
  const length = createOffsetIndex(text).length;
  const spans = raw.map((item: unknown, i) => {
    const span = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const { start, end, label } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof label !== 'string' || label === '') throw new Error(`span ${i + 1} is not {"start", "end", "label"}`);
    if ((start as number) < 0 || (end as number) <= (start as number) || (end as number) > length) throw new Error(`span ${i + 1}: offsets ${String(start)}-${String(end)} are outside the text`);
    return { start: start as number, end: end as number, label };
  });
  return { text, spans };
}

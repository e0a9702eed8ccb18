/**
 * spaCy JSONL: `{"text": ..., "spans": [{"start", "end", "label"}]}` with code point
 * offsets, which is what Python's `text[start:end]` and spaCy's `doc.char_span` take.
 * docs/spacy.md shows the few lines of Python that turn it into a DocBin.
 */
import type { CorpusDocument } from '../../model/corpus.js';
import type { CorpusEncoder } from '../codec.js';

export function toSpacyLines(doc: CorpusDocument): string {
  return doc.annotations
    .map((layer) => `${JSON.stringify({ text: doc.text, spans: layer.spans.map((span) => ({ start: span.start, end: span.end, label: span.label })), meta: { document: doc.id, annotator: layer.annotator, title: doc.meta.title } })}\n`)
    .join('');
}

export function spacyEncoder(): CorpusEncoder {
  return { head: () => '', document: toSpacyLines, tail: () => '' };
}

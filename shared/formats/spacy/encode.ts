/**
 * spaCy JSONL: `{"text": ..., "spans": [{"start", "end", "label"}]}` with code point
 * offsets, which is what Python's `text[start:end]` and spaCy's `doc.char_span` take.
 * docs/spacy.md shows the few lines of Python that turn it into a DocBin.
 */
import type { CorpusDocument } from '../../model/corpus.js';
import type { CorpusEncoder } from '../codec.js';

export function toSpacyLines(doc: CorpusDocument): string {
  return doc.annotations
    .map((layer) => {
      const byId = new Map(layer.spans.map((span) => [span.id, { start: span.start, end: span.end, label: span.label }] as const));
      // Relations as Prodigy writes them: the spans at each end, and the type as label.
      const relations = layer.relations.flatMap((relation) => {
        const [head, child] = [byId.get(relation.from), byId.get(relation.to)];
        return head && child ? [{ head_span: head, child_span: child, label: relation.type }] : [];
      });
      return `${JSON.stringify({ text: doc.text, spans: [...byId.values()], ...(relations.length ? { relations } : {}), meta: { document: doc.id, annotator: layer.annotator, title: doc.meta.title } })}\n`;
    })
    .join('');
}

export function spacyEncoder(): CorpusEncoder {
  return { head: () => '', document: toSpacyLines, tail: () => '' };
}

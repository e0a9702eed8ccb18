/**
 * W3C Web Annotation (JSON-LD). One annotation per span: its label as a TextualBody with
 * purpose "tagging", its note as one with purpose "commenting", each attribute as a
 * TextualBody with purpose "describing" and the attribute id in `fm:attribute` (a
 * documented extension: "fm" is urn:factmark:ns: in the @context; values that are not
 * text are JSON, with format application/json). The target has a
 * TextPositionSelector (code points, as the model defines) and a TextQuoteSelector.
 * Import takes annotations from other tools too (Hypothesis, Recogito): positions are
 * used when they slice the text to the quote, otherwise the quote is searched for.
 */
import type { AnnotationLayer, AttributeValue, Span } from '../../model/annotations.js';
import type { CorpusDocument } from '../../model/corpus.js';
import type { SourceDocument } from '../../model/document.js';
import { jsonArrayItems, lines, type CorpusEncoder } from '../codec.js';
import { jsonString } from '../json-string.js';

export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { fm: 'urn:factmark:ns:' }] as const;

/** The IRI a document is known by in annotations: its URL, or a Factmark URN. */
export function documentIri(doc: Pick<SourceDocument, 'id' | 'meta'>): string {
  return doc.meta.url ?? `urn:factmark:document:${doc.id}`;
}

const CONTEXT_JSON = JSON.stringify(W3C_CONTEXT);

/**
 * Writes one layer's spans as W3C annotations, each as JSON text. Written directly
 * rather than built as objects and stringified: an export writes millions of these, and
 * this is twice as fast. Key order and content are what tests check against the W3C
 * suite's schemas.
 */
export function w3cAnnotationWriter(doc: Pick<SourceDocument, 'id' | 'meta'>, layer: Pick<AnnotationLayer, 'annotator'>): (span: Span) => string {
  const idPrefix = `urn:factmark:annotation:${doc.id}:${layer.annotator}:`;
  const source = jsonString(documentIri(doc));
  const creator = `{"id":${jsonString(`urn:factmark:annotator:${layer.annotator}`)},"type":"Person","nickname":${jsonString(layer.annotator)}}`;
  return (span) => {
    let body = `{"type":"TextualBody","purpose":"tagging","value":${jsonString(span.label)}}`;
    if (span.note) body += `,{"type":"TextualBody","purpose":"commenting","value":${jsonString(span.note)}}`;
    for (const attribute in span.attributes) {
      const value = span.attributes[attribute] as AttributeValue;
      if (value === null) continue;
      // Text values travel as they are; numbers, booleans and lists as JSON, saying so.
      body +=
        typeof value === 'string'
          ? `,{"type":"TextualBody","purpose":"describing","fm:attribute":${jsonString(attribute)},"value":${jsonString(value)}}`
          : `,{"type":"TextualBody","purpose":"describing","fm:attribute":${jsonString(attribute)},"value":${jsonString(JSON.stringify(value))},"format":"application/json"}`;
    }
    const { exact, prefix, suffix } = span.quote;
    return (
      `{"@context":${CONTEXT_JSON},"id":${jsonString(idPrefix + encodeURIComponent(span.id))},"type":"Annotation","motivation":"tagging","body":[${body}],` +
      `"target":{"source":${source},"selector":[{"type":"TextPositionSelector","start":${span.start},"end":${span.end}},{"type":"TextQuoteSelector","exact":${jsonString(exact)},"prefix":${jsonString(prefix)},"suffix":${jsonString(suffix)}}]},` +
      `"creator":${creator},"created":${jsonString(span.createdAt)},"modified":${jsonString(span.updatedAt)}}`
    );
  };
}

/**
 * A document's W3C annotations, `separator` between them, in batches of 32: each batch is
 * joined into one flat string at once, so the pieces an annotation is glued from die
 * young instead of living on in the old generation until the whole document is joined.
 * That made W3C exports about 15 % faster (bench/RESULTS.md).
 */
function w3cAnnotationBatches(doc: CorpusDocument, separator: string): string[] {
  const batches: string[] = [];
  for (const layer of doc.annotations) {
    const write = w3cAnnotationWriter(doc, layer);
    for (let i = 0; i < layer.spans.length; i += W3C_BATCH) batches.push(layer.spans.slice(i, i + W3C_BATCH).map(write).join(separator));
  }
  return batches;
}
const W3C_BATCH = 32;

/** w3c: one AnnotationCollection (JSON-LD). */
export function w3cEncoder(): CorpusEncoder {
  const items = jsonArrayItems();
  return {
    head: () => `{\n  "@context": ${JSON.stringify(W3C_CONTEXT)},\n  "type": "AnnotationCollection",\n  "first": {\n    "type": "AnnotationPage",\n    "items": [`,
    document: (doc) => items(w3cAnnotationBatches(doc, ',\n      '), '      '),
    tail: () => '\n    ]\n  }\n}\n',
  };
}

/** w3c-jsonl: one annotation per line. */
export function w3cJsonlEncoder(): CorpusEncoder {
  return { head: () => '', document: (doc) => lines(w3cAnnotationBatches(doc, '\n')), tail: () => '' };
}

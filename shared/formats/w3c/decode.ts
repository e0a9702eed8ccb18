/**
 * W3C Web Annotation in: annotations from Factmark and other tools (Hypothesis,
 * Recogito) onto the project's documents. Positions are used when they slice the text to
 * the quote, otherwise the quote is searched for; what cannot be placed is said, per
 * annotation.
 */
import type { AttributeValue, Span } from '../../model/annotations.js';
import type { SourceDocument } from '../../model/document.js';
import { isRecord } from '../../model/parse.js';
import { createOffsetIndex } from '../../text/offsets.js';
import { makeQuote, reanchorQuote } from '../../text/quote.js';
import { documentIri } from './encode.js';

export type W3CImport = { ok: true; documentId: string; span: Span } | { ok: false; index: number; reason: string };

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** The annotations in a parsed W3C document: one, a list, or an AnnotationCollection. */
export function w3cAnnotations(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (isRecord(json) && (json.type === 'AnnotationCollection' || json.type === 'AnnotationPage')) {
    const page = isRecord(json.first) ? json.first : json;
    return asArray(page.items);
  }
  return [json];
}

/**
 * Turns W3C annotations into spans on `documents` (found by their IRI, or the only
 * document when there is one). `labels` lists the project's label ids.
 */
export function spansFromW3C(annotations: unknown[], documents: readonly SourceDocument[], labels: readonly string[], now: Date): W3CImport[] {
  const byIri = new Map(documents.map((doc) => [documentIri(doc), doc] as const));
  for (const doc of documents) byIri.set(`urn:factmark:document:${doc.id}`, doc);
  const indexes = new Map<string, ReturnType<typeof createOffsetIndex>>();
  return annotations.map((annotation, index): W3CImport => {
    if (!isRecord(annotation)) return { ok: false, index, reason: 'not an annotation object' };
    const target = asArray(annotation.target)[0];
    const source = typeof target === 'string' ? target : isRecord(target) ? target.source : undefined;
    const doc = (typeof source === 'string' ? byIri.get(source) : undefined) ?? (documents.length === 1 ? documents[0] : undefined);
    if (!doc) return { ok: false, index, reason: `target ${JSON.stringify(source)} is no document of this project` };
    const selectors = isRecord(target) ? asArray(target.selector).filter(isRecord) : [];
    const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
    const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
    const bodies = asArray(annotation.body).filter(isRecord);
    const tag = bodies.find((body) => body.purpose === 'tagging' && typeof body.value === 'string');
    const label = typeof tag?.value === 'string' ? tag.value : undefined;
    if (!label || !labels.includes(label)) return { ok: false, index, reason: label ? `label "${label}" is not in the project's schema` : 'no body with purpose "tagging" names a label' };
    const text = indexes.get(doc.id) ?? createOffsetIndex(doc.text);
    indexes.set(doc.id, text);
    let range: { start: number; end: number } | null = null;
    const exact = typeof quote?.exact === 'string' ? quote.exact : null;
    if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
      const start = position.start as number;
      const end = position.end as number;
      if (start >= 0 && end > start && end <= text.length && (exact === null || text.slice(start, end) === exact)) range = { start, end };
    }
    if (!range && exact) {
      range = reanchorQuote(text, { exact, prefix: typeof quote?.prefix === 'string' ? quote.prefix : '', suffix: typeof quote?.suffix === 'string' ? quote.suffix : '' }, typeof position?.start === 'number' ? position.start : 0);
    }
    if (!range) return { ok: false, index, reason: exact ? `its quote ${JSON.stringify(exact.slice(0, 40))} is not in the text` : 'no usable selector' };
    const attributes: Record<string, AttributeValue> = {};
    for (const body of bodies) {
      if (body.purpose !== 'describing' || typeof body['fm:attribute'] !== 'string' || typeof body.value !== 'string') continue;
      attributes[body['fm:attribute']] = body.format === 'application/json' ? parseAttribute(body.value) : body.value;
    }
    const note = bodies.find((body) => body.purpose === 'commenting' && typeof body.value === 'string')?.value as string | undefined;
    const stamp = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : now.toISOString());
    // Our own exports keep their span ids; other tools' annotations get new ones.
    const own = typeof annotation.id === 'string' ? /^urn:factmark:annotation:[^:]+:[^:]+:(.+)$/.exec(annotation.id)?.[1] : undefined;
    const id = own ? decodeURIComponent(own) : `s_w3c_${index + 1}`;
    return {
      ok: true,
      documentId: doc.id,
      span: {
        id,
        label,
        start: range.start,
        end: range.end,
        quote: makeQuote(text, range.start, range.end),
        attributes,
        createdAt: stamp(annotation.created),
        updatedAt: stamp(annotation.modified ?? annotation.created),
        ...(note ? { note } : {}),
      },
    };
  });
}

/** A JSON-typed attribute body back to its value (text, when it is not valid JSON). */
function parseAttribute(value: string): AttributeValue {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed === null || typeof parsed === 'number' || typeof parsed === 'boolean' || (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string'))) return parsed as AttributeValue;
  } catch {
    // not JSON after all: keep the text
  }
  return value;
}

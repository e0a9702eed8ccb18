/**
 * W3C Web Annotation in: annotations from Factmark and other tools (Hypothesis's API
 * rows and search results, Recogito) onto the project's documents. An annotation's
 * document is the one its target's `source` (Hypothesis: `uri`) names, by the document's
 * IRI or its address, and otherwise the one document whose text holds its quote.
 * Positions are used when they slice the text to the quote, otherwise the quote is
 * searched for. Labels come from tagging bodies and Hypothesis `tags` (one span per
 * tag); notes from commenting bodies, text bodies without a purpose and Hypothesis
 * `text`. What cannot be placed is said, per annotation.
 */
import type { AttributeValue, Span } from '../../model/annotations.js';
import type { SourceDocument } from '../../model/document.js';
import { isRecord } from '../../model/parse.js';
import { createOffsetIndex, type OffsetIndex } from '../../text/offsets.js';
import { makeQuote, reanchorQuote } from '../../text/quote.js';
import { documentIri } from './encode.js';

/** A span found (its label still the file's own name), or why an annotation gave none. */
export type W3CImport = { ok: true; index: number; documentId: string; span: Span } | { ok: false; index: number; reason: string; annotations: number };

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The annotations in a parsed W3C document: one, a list, an AnnotationCollection or
 * AnnotationPage, or a Hypothesis search result (`{"total", "rows"}`).
 */
export function w3cAnnotations(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (isRecord(json) && (json.type === 'AnnotationCollection' || json.type === 'AnnotationPage')) {
    const page = isRecord(json.first) ? json.first : json;
    return asArray(page.items);
  }
  if (isRecord(json) && Array.isArray(json.rows) && !('target' in json)) return json.rows;
  return [json];
}

/** An address without what does not change the page: its fragment and a final slash. */
const normalUrl = (url: string) => url.trim().replace(/#.*$/, '').replace(/\/+$/, '').replace(/^http:/i, 'https:').toLowerCase();

const SELECTORS_WITHOUT_TEXT = ['RangeSelector', 'XPathSelector', 'CssSelector', 'FragmentSelector'];

/**
 * Turns W3C annotations into spans on `documents`. Spans keep the file's label names;
 * the import maps them to the project's labels.
 */
export function spansFromW3C(annotations: unknown[], documents: readonly SourceDocument[], now: Date): W3CImport[] {
  const byIri = new Map<string, SourceDocument>();
  for (const doc of documents) {
    byIri.set(documentIri(doc), doc);
    byIri.set(`urn:factmark:document:${doc.id}`, doc);
    if (doc.meta.url) byIri.set(normalUrl(doc.meta.url), doc);
  }
  const indexes = new Map<string, OffsetIndex>();
  const indexOf = (doc: SourceDocument) => {
    const known = indexes.get(doc.id) ?? createOffsetIndex(doc.text);
    indexes.set(doc.id, known);
    return known;
  };
  return annotations.flatMap((annotation, index): W3CImport[] => {
    const fail = (reason: string, count = 1): W3CImport[] => [{ ok: false, index, reason, annotations: count }];
    if (!isRecord(annotation)) return fail('not an annotation object');
    // A body given as a string is the IRI of a resource (a web page, an image), not text.
    const bodies = asArray(annotation.body).map((body) => (typeof body === 'string' ? { id: body } : body)).filter(isRecord);
    const labels = [...new Set([...bodies.filter((body) => body.purpose === 'tagging' && typeof body.value === 'string').map((body) => body.value as string), ...asArray(annotation.tags).filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '')])];
    const count = Math.max(1, labels.length);
    const target = asArray(annotation.target)[0];
    const source = typeof target === 'string' ? target : isRecord(target) && typeof target.source === 'string' ? target.source : typeof annotation.uri === 'string' ? annotation.uri : undefined;
    const selectors = isRecord(target) ? asArray(target.selector).filter(isRecord) : [];
    const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
    const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
    const exact = typeof quote?.exact === 'string' ? quote.exact : null;
    if (!quote && !position) {
      const others = selectors.map((selector) => selector.type).filter((type): type is string => typeof type === 'string');
      if (others.length) return fail(`only ${others.filter((type) => SELECTORS_WITHOUT_TEXT.includes(type)).length ? others.join(' and ') : others.join(', ')} locate${others.length === 1 ? 's' : ''} it (a place in a page's markup): Factmark needs a TextQuoteSelector or TextPositionSelector`, count);
      return fail(`it has no selector: a note on the whole ${source ? 'page' : 'document'}, not on a stretch of its text`, count);
    }
    if (labels.length === 0) return fail('no tag and no body with purpose "tagging" names a label');

    // The document: by the target's source, then by the quote.
    let doc = source ? (byIri.get(source) ?? byIri.get(normalUrl(source))) : undefined;
    if (!doc && documents.length === 1 && !exact) doc = documents[0];
    let range: { start: number; end: number } | null = null;
    const locate = (candidate: SourceDocument) => {
      const text = indexOf(candidate);
      if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
        const start = position.start as number;
        const end = position.end as number;
        if (start >= 0 && end > start && end <= text.length && (exact === null || text.slice(start, end) === exact)) return { start, end };
      }
      if (!exact) return null;
      return reanchorQuote(text, { exact, prefix: typeof quote?.prefix === 'string' ? quote.prefix : '', suffix: typeof quote?.suffix === 'string' ? quote.suffix : '' }, typeof position?.start === 'number' ? position.start : 0);
    };
    if (doc) range = locate(doc);
    else if (exact) {
      const found = documents.flatMap((candidate) => {
        const at = candidate.text.includes(exact) ? locate(candidate) : null;
        return at ? [{ candidate, at }] : [];
      });
      if (found.length > 1) return fail(`its target ${source ? JSON.stringify(source) : '(no source)'} is no document of this project, and its quote ${JSON.stringify(exact.slice(0, 40))} is in ${found.length} documents`, count);
      if (found[0]) ({ candidate: doc, at: range } = found[0]);
    }
    if (!doc) return fail(`its target ${source ? JSON.stringify(source) : '(no source)'} is no document of this project${exact ? `, and no document holds its quote ${JSON.stringify(exact.slice(0, 40))}` : ''}`, count);
    if (!range) return fail(exact ? `its quote ${JSON.stringify(exact.slice(0, 40))} is not in the text` : 'its TextPositionSelector is outside the text, and it has no quote', count);
    const found = doc;
    const place = range;

    const attributes: Record<string, AttributeValue> = {};
    for (const body of bodies) {
      if (body.purpose !== 'describing' || typeof body['fm:attribute'] !== 'string' || typeof body.value !== 'string') continue;
      attributes[body['fm:attribute']] = body.format === 'application/json' ? parseAttribute(body.value) : body.value;
    }
    // A text body that is no tag and no attribute is a comment, whether it says so
    // (purpose "commenting") or not (Hypothesis writes none).
    const notes = bodies.filter((body) => typeof body.value === 'string' && body.value.trim() !== '' && (body.purpose === 'commenting' || (body.purpose === undefined && body.type !== 'SpecificResource'))).map((body) => body.value as string);
    if (typeof annotation.text === 'string' && annotation.text.trim() !== '') notes.push(annotation.text);
    const note = notes.join('\n\n');
    const stamp = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : now.toISOString());
    // Our own exports keep their span ids; other tools' annotations get new ones.
    const own = typeof annotation.id === 'string' ? /^urn:factmark:annotation:[^:]+:[^:]+:(.+)$/.exec(annotation.id)?.[1] : undefined;
    const text = indexOf(found);
    return labels.map((label, l): W3CImport => ({
      ok: true,
      index,
      documentId: found.id,
      span: {
        id: own && l === 0 ? decodeURIComponent(own) : `s_w3c_${index + 1}${l ? `_${l + 1}` : ''}`,
        label,
        start: place.start,
        end: place.end,
        quote: makeQuote(text, place.start, place.end),
        attributes: l === 0 ? attributes : {},
        createdAt: stamp(annotation.created),
        updatedAt: stamp(annotation.modified ?? annotation.updated ?? annotation.created),
        ...(note ? { note } : {}),
      },
    }));
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

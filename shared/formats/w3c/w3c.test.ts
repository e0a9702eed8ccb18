import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusHeader } from '../factmark-json/encode.js';
import { type CorpusEncoder } from '../codec.js';
import { spansFromW3C, w3cAnnotations } from './decode.js';
import { w3cAnnotationWriter } from './encode.js';
import { ENCODERS } from '../../../main/formats/registry.js';
import type { CorpusDocument } from '../../model/corpus.js';
import { DEFAULT_LABELS } from '../../model/default-labels.js';
import { AnnotationLayer, type Span } from '../../model/annotations.js';
import { SourceDocument } from '../../model/document.js';
import { createOffsetIndex } from '../../text/offsets.js';
import { makeQuote } from '../../text/quote.js';
import { trickyText } from '../../../tests/helpers/arbitraries.js';
import { exampleFiles, readExample } from '../../../tests/helpers/example.js';
import { conformanceDir } from '../../../tests/helpers/paths.js';

const w3cDir = path.join(conformanceDir, 'w3c-annotation-model');
const doc = SourceDocument.parse(readExample(exampleFiles.document));
const alice = AnnotationLayer.parse(readExample(exampleFiles.alice));
const LABELS = ['claim', 'entity', 'date'];

/** Every assertion and definition schema, loaded into one draft-04 validator by its id. */
function conformance() {
  const ajv = new Ajv04({ allErrors: true, strict: false, validateSchema: false });
  addFormats.default(ajv);
  const load = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith('.json')) {
        const schema = JSON.parse(readFileSync(file, 'utf8')) as { id?: string };
        if (schema.id && !ajv.getSchema(schema.id)) ajv.addSchema(schema);
      } else if (!name.includes('.')) load(file);
    }
  };
  load(path.join(w3cDir, 'definitions'));
  load(path.join(w3cDir, 'annotations'));
  return ajv;
}

const MUSTS = (JSON.parse(readFileSync(path.join(w3cDir, 'annotations/annotationMusts.test'), 'utf8')) as { assertions: string[] }).assertions;
const SELECTOR_ASSERTIONS = [
  'annotations/specificResource/4.2.4-textQuoteSelector.json',
  'annotations/specificResource/4.2.4-textQuoteSelectorValid.json',
  'annotations/specificResource/4.2.4-prefix.json',
  'annotations/specificResource/4.2.4-suffix.json',
  'annotations/specificResource/4.2.5-textPositionSelector.json',
  'annotations/specificResource/4.2-TextDataPositionSelectorValid.json',
  'annotations/specificResource/4.2-selectorValidIfPresent.json',
];

describe('W3C Web Annotation export', () => {
  const ajv = conformance();
  // As an export writes them: JSON text, parsed here as any reader would.
  const annotations = alice.spans.map(w3cAnnotationWriter(doc, alice)).map((text) => JSON.parse(text) as { id: string });

  it.each([...MUSTS, ...SELECTOR_ASSERTIONS])('passes %s for every span of the example', (assertion) => {
    const schema = JSON.parse(readFileSync(path.join(w3cDir, assertion), 'utf8')) as { id: string; expectedResult: string };
    const validate = ajv.getSchema(schema.id);
    expect(validate, `${assertion} loaded`).toBeDefined();
    for (const annotation of annotations) {
      const valid = validate!(annotation);
      expect(valid, `${assertion} on ${annotation.id}: ${JSON.stringify(validate!.errors?.slice(0, 2))}`).toBe(schema.expectedResult === 'valid');
    }
  });

  it('writes every part of an annotation, as the model names it', () => {
    const span: Span = { id: 's 1', label: 'claim', start: 3, end: 5, quote: { exact: 'ab', prefix: '"x', suffix: '' }, attributes: { verdict: 'false', flagged: true, tags: ['a', 'b'], gone: null }, note: 'check "this"', createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-23T00:00:00.000Z' };
    const describing = (attribute: string, value: string, json = false) => ({ type: 'TextualBody', purpose: 'describing', 'fm:attribute': attribute, value, ...(json ? { format: 'application/json' } : {}) });
    expect(JSON.parse(w3cAnnotationWriter({ id: 'd_1', meta: { ...doc.meta, url: null } }, { annotator: 'alice' })(span))).toEqual({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { fm: 'urn:factmark:ns:' }],
      id: 'urn:factmark:annotation:d_1:alice:s%201',
      type: 'Annotation',
      motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }, { type: 'TextualBody', purpose: 'commenting', value: 'check "this"' }, describing('verdict', 'false'), describing('flagged', 'true', true), describing('tags', '["a","b"]', true)],
      target: { source: 'urn:factmark:document:d_1', selector: [{ type: 'TextPositionSelector', start: 3, end: 5 }, { type: 'TextQuoteSelector', exact: 'ab', prefix: '"x', suffix: '' }] },
      creator: { id: 'urn:factmark:annotator:alice', type: 'Person', nickname: 'alice' },
      created: '2026-11-22T00:00:00.000Z',
      modified: '2026-11-23T00:00:00.000Z',
    });
  });

  it('round-trips the example layer: same labels, offsets, quotes, attributes and notes', () => {
    const imported = spansFromW3C(w3cAnnotations(annotations), [doc], new Date());
    expect(imported.every((result) => result.ok)).toBe(true);
    expect(imported.map((result) => (result.ok ? result.span : null))).toEqual(alice.spans);
  });

  it('round-trips random spans on text with astral characters, CRLF and overlaps', () => {
    fc.assert(
      fc.property(trickyText(60), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...LABELS)), { maxLength: 8 }), (raw, picks) => {
        const text = `${raw}x`;
        const index = createOffsetIndex(text);
        const source = { ...doc, text, id: 'd_random' };
        const spans: Span[] = picks.map(([a, b, label], i) => {
          const start = Math.min(a, b) % index.length;
          const end = Math.max(start + 1, Math.max(a, b) % (index.length + 1));
          return { id: `s_${i}`, label, start, end, quote: makeQuote(index, start, end), attributes: (i % 2 ? { verdict: 'false', flagged: false, n: 3 } : {}) as Span['attributes'], createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z' };
        });
        const back = spansFromW3C(spans.map(w3cAnnotationWriter(source, alice)).map((text) => JSON.parse(text) as unknown), [source], new Date());
        expect(back.map((result) => (result.ok ? result.span : result))).toEqual(spans);
      }),
    );
  });

  it('imports annotations from other tools, re-anchoring by quote when positions are missing or wrong', () => {
    const hypothesis = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/x1',
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'entity' }],
      target: { source: 'https://example.org/k1', selector: [{ type: 'TextQuoteSelector', exact: 'Kirkuk', prefix: 'near ', suffix: ', to' }] },
    };
    const shifted = { ...hypothesis, target: { source: 'https://example.org/k1', selector: [{ type: 'TextPositionSelector', start: 3, end: 9 }, { type: 'TextQuoteSelector', exact: 'Sunday' }] }, body: { type: 'TextualBody', purpose: 'tagging', value: 'date' } };
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [hypothesis, shifted, { ...hypothesis, body: [{ type: 'TextualBody', purpose: 'tagging', value: 'person' }] }, { ...hypothesis, target: { source: 'https://example.org/other', selector: [] } }] } };
    const results = spansFromW3C(w3cAnnotations(collection), [doc], new Date('2026-11-22T00:00:00Z'));
    expect(results.map((result) => (result.ok ? [result.span.label, result.span.start, result.span.quote.exact] : result.reason))).toEqual([
      ['entity', 71, 'Kirkuk'],
      ['date', 98, 'Sunday'],
      // Labels are the file's own here: the import maps them to the schema's.
      ['person', 71, 'Kirkuk'],
      'it has no selector: a note on the whole page, not on a stretch of its text',
    ]);
  });
});

describe('W3C exports of whole documents (the registry encoders)', () => {
  /** Documents with span counts around the encoder's batches of 32, in two layers, and one with none. */
  const counts = [[0], [1, 31], [32, 33], [65, 0], [64, 2]];
  const documents: CorpusDocument[] = counts.map((perLayer, d) => {
    const { format: _f, version: _v, ...source } = doc;
    return {
      ...source,
      id: `d_${d}`,
      annotations: perLayer.map((count, l) => ({
        documentSha256: doc.sha256,
        annotator: `a${l}`,
        status: 'in-progress' as const,
        updatedAt: '2026-11-22T00:00:00.000Z',
        spans: Array.from({ length: count }, (_, i) => ({ ...(alice.spans[i % alice.spans.length] as Span), id: `s_${d}_${l}_${i}` })),
        relations: [],
      })),
    };
  });
  const expectedIds = documents.flatMap((document) => document.annotations.flatMap((layer) => layer.spans.map((span) => `urn:factmark:annotation:${document.id}:${layer.annotator}:${span.id}`)));
  const run = (format: 'w3c' | 'w3c-jsonl') => {
    const encoder: CorpusEncoder = ENCODERS[format]();
    const header = corpusHeader({ exportedAt: '2026-11-22T00:00:00.000Z', project: { name: 'p', createdAt: '2026-11-22T00:00:00.000Z', labels: DEFAULT_LABELS, relationTypes: [] }, entities: [] });
    return [encoder.head(header), ...documents.map((document) => encoder.document(document)), encoder.tail()].join('');
  };

  it('writes every span once, in order, as JSON Lines', () => {
    const lines = run('w3c-jsonl').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(expectedIds);
  });

  it('writes every span once, in order, in one collection', () => {
    const collection = JSON.parse(run('w3c')) as { first: { items: { id: string }[] } };
    expect(collection.first.items.map((item) => item.id)).toEqual(expectedIds);
  });
});

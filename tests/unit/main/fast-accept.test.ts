/**
 * The fast acceptor for layer files (ajv compiled from the zod schema, plus the same
 * rule functions) must never accept what zod rejects, nor reject what zod accepts, and
 * what it accepts must be what zod would have returned. Checked on generated layers,
 * valid and then broken in one place, and on the format's own example project.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../main/importers/annotation-import.js';
import { acceptAnnotationLayer, acceptCorpusLayer } from '../../../main/store/fast-accept.js';
import { AnnotationLayer } from '../../../shared/model/annotations.js';
import { CorpusExport, CorpusLayer } from '../../../shared/model/corpus.js';
import { makeQuote } from '../../../shared/text/quote.js';
import { trickyText } from '../../helpers/arbitraries.js';
import { exampleProject } from '../../helpers/paths.js';

const stamp = fc.constantFrom('2026-11-22T08:00:00.000Z', '2024-02-29T23:59:59Z', '2026-11-22T08:00:00.5+05:30');
const attributeValue = fc.oneof(fc.string({ maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));

/** A layer zod accepts: spans on tricky text, attributes, relations, optional parts left out. */
const validLayer = fc
  .record({
    text: trickyText(20).map((raw) => `${raw}ab`),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), attributeValue, { maxKeys: 2 }), fc.boolean()), { maxLength: 5 }),
    relate: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
    created: stamp,
    withReview: fc.boolean(),
    withRejected: fc.boolean(),
    withRelations: fc.boolean(),
  })
  .map(({ text, picks, relate, created, withReview, withRejected, withRelations }) => {
    const length = [...text].length;
    const spans = picks.map(([a, b, attributes, withAttributes], i) => {
      const start = Math.min(a, b) % (length - 1);
      const end = Math.max(start + 1, Math.max(a, b) % (length + 1));
      return { id: `s_${i}`, label: 'entity', start, end, quote: makeQuote(text, start, end), ...(withAttributes ? { attributes } : {}), createdAt: created, updatedAt: created };
    });
    const relations = spans.length ? relate.map(([from, to], i) => ({ id: `r_${i}`, type: 'supports', from: `s_${from % spans.length}`, to: `s_${to % spans.length}` })) : [];
    return {
      format: 'factmark-annotations',
      version: 1,
      document: 'd_0123456789ab',
      documentSha256: 'a'.repeat(64),
      annotator: 'alice',
      status: 'in-progress',
      updatedAt: created,
      spans,
      ...(withRelations ? { relations } : {}),
      ...(withReview ? { review: { compared: ['alice', 'bob'], ...(withRejected ? { rejected: [{ annotator: 'bob', label: 'date', start: 0, end: 1 }] } : {}) } } : {}),
      ...(withRejected ? { rejectedSuggestions: [{ label: 'date', start: 1, end: 2 }] } : {}),
    } as Record<string, unknown>;
  });

/** Values that break some field somewhere, including the ones where ajv and zod could differ. */
const oddValue = fc.constantFrom<unknown>(
  undefined, null, '', '.', '..', '..a', 'Alice', 'a/b', // Lengths are in code points for both: a lone surrogate counts once.
  'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(100), '😀'.repeat(101), `${'x'.repeat(199)}😀`, `${'😀'.repeat(99)}\ud83d${'x'.repeat(100)}`, '\ud83d'.repeat(201),
  'a'.repeat(64), 'a'.repeat(65), 'A'.repeat(64), -1, 0, 1, 1.5, 2 ** 53, 'done', 'finished', true, [], {}, ['a'], [1], { exact: 'a' },
  '2026-02-30T00:00:00Z', '2026-11-22', '2026-11-22T08:00:00.000+0100', '2026-11-22T25:00:00Z', '2026-11-22T08:00:00.000Z', 'factmark-annotations', 'd_0123456789ab', '.hidden',
);

/** Where a value can go: every field of the file, of its first span, relation and review. */
const FIELDS: (string | number)[][] = [
  ['format'], ['version'], ['document'], ['documentSha256'], ['annotator'], ['status'], ['updatedAt'], ['spans'], ['relations'], ['review'], ['rejectedSuggestions'], ['extra'],
  ...['id', 'label', 'start', 'end', 'quote', 'attributes', 'createdAt', 'updatedAt', 'note', 'extra'].map((key) => ['spans', 0, key]),
  ...['exact', 'prefix', 'suffix'].map((key) => ['spans', 0, 'quote', key]),
  ['spans', 0, 'attributes', 'who'], ['spans', 0, 'attributes', 'list'],
  ...['id', 'type', 'from', 'to'].map((key) => ['relations', 0, key]),
  ['review', 'compared'], ['review', 'compared', 0], ['review', 'rejected'], ['review', 'rejected', 0, 'annotator'], ['review', 'rejected', 0, 'start'],
  ['rejectedSuggestions', 0, 'label'], ['rejectedSuggestions', 0, 'end'],
];

function setAt(root: Record<string, unknown>, at: readonly (string | number)[], value: unknown): void {
  let node: unknown = root;
  for (const key of at.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node !== 'object' || node === null) return;
  const last = at[at.length - 1] as string | number;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else (node as Record<string | number, unknown>)[last] = value;
}

/** Ajv and zod each get their own copy: the acceptor fills in defaults in place. */
function verdicts(layer: unknown) {
  const forAjv = structuredClone(layer);
  const accepted = acceptAnnotationLayer(forAjv);
  const zod = AnnotationLayer.safeParse(structuredClone(layer));
  return { accepted, zod, forAjv };
}

describe('the fast acceptor for layer files', () => {
  it('accepts what zod accepts, and then holds what zod returns', () => {
    fc.assert(
      fc.property(validLayer, (layer) => {
        const { accepted, zod, forAjv } = verdicts(layer);
        expect(zod.success).toBe(true);
        expect(accepted).toBe(true);
        expect(forAjv).toEqual(zod.data);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with zod on layers broken in one place', () => {
    fc.assert(
      fc.property(validLayer, fc.constantFrom(...FIELDS), oddValue, (valid, at, value) => {
        // A copy: fast-check may hand the same generated value to another run.
        const layer = structuredClone(valid);
        setAt(layer, at, value);
        const { accepted, zod, forAjv } = verdicts(layer);
        expect(accepted).toBe(zod.success);
        if (accepted) expect(forAjv).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with zod on the rules JSON Schema cannot state', () => {
    const base = () => fc.sample(validLayer.filter((layer) => (layer.spans as unknown[]).length >= 2), { numRuns: 1, seed: 7 })[0] as Record<string, unknown>;
    const spans = (layer: Record<string, unknown>) => layer.spans as Record<string, unknown>[];
    const breakages: [string, (layer: Record<string, unknown>) => void][] = [
      ['a span ending where it starts', (layer) => void ((spans(layer)[0] as Record<string, unknown>).end = (spans(layer)[0] as { start: number }).start)],
      ['a quote longer than the span', (layer) => void (((spans(layer)[0] as { quote: { exact: string } }).quote.exact += 'x'))],
      ['an astral quote counted in code units', (layer) => Object.assign(spans(layer)[0] as object, { start: 0, end: 2, quote: { exact: '😀', prefix: '', suffix: '' } })],
      ['two spans with one id', (layer) => void ((spans(layer)[1] as Record<string, unknown>).id = (spans(layer)[0] as { id: string }).id)],
      ['a relation to a span not in the layer', (layer) => void (layer.relations = [{ id: 'r_1', type: 'supports', from: 's_0', to: 'nowhere' }])],
      ['two relations with one id', (layer) => void (layer.relations = [{ id: 'r_1', type: 'supports', from: 's_0', to: 's_1' }, { id: 'r_1', type: 'supports', from: 's_1', to: 's_0' }])],
    ];
    for (const [what, breakIt] of breakages) {
      const layer = base();
      breakIt(layer);
      const { accepted, zod } = verdicts(layer);
      expect(zod.success, what).toBe(false);
      expect(accepted, what).toBe(false);
    }
  });

  it('accepts every layer of the format-v1 example project as zod reads it', () => {
    const root = path.resolve(__dirname, '../../../../shared/format-v1/example-project/annotations');
    const files = readdirSync(root).flatMap((annotator) => readdirSync(path.join(root, annotator)).map((name) => path.join(root, annotator, name)));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { accepted, zod, forAjv } = verdicts(JSON.parse(readFileSync(file, 'utf8')));
      expect(zod.success, file).toBe(true);
      expect(accepted, file).toBe(true);
      expect(forAjv).toEqual(zod.data);
    }
  });
});

describe('corpus layers and corpus files', () => {
  /** A layer as a corpus holds it: the file's fields less format, version and document. */
  const asCorpusLayer = ({ format: _f, version: _v, document: _d, ...body }: Record<string, unknown>) => body;

  it('the corpus layer acceptor agrees with zod, valid or broken in one place', () => {
    fc.assert(
      fc.property(validLayer, fc.boolean(), fc.constantFrom(...FIELDS.filter((at) => !['format', 'version', 'document'].includes(String(at[0])))), oddValue, (valid, broken, at, value) => {
        const layer = asCorpusLayer(structuredClone(valid));
        if (broken) setAt(layer, at, value);
        const forAjv = structuredClone(layer);
        const accepted = acceptCorpusLayer(forAjv);
        const zod = CorpusLayer.safeParse(structuredClone(layer));
        expect(accepted).toBe(zod.success);
        if (accepted) expect(forAjv).toEqual(zod.data);
      }),
      { numRuns: 1500 },
    );
  });

  /** The example project as one corpus export: its document with both layers. */
  function exampleCorpus(): Record<string, unknown> {
    const root = exampleProject;
    const manifest = JSON.parse(readFileSync(path.join(root, 'factmark.json'), 'utf8')) as Record<string, unknown>;
    const { format: _mf, version: _mv, ...project } = manifest;
    const entities = (JSON.parse(readFileSync(path.join(root, 'entities.json'), 'utf8')) as { entities: unknown[] }).entities;
    const documents = readdirSync(path.join(root, 'documents')).map((name) => {
      const { format: _df, version: _dv, ...doc } = JSON.parse(readFileSync(path.join(root, 'documents', name), 'utf8')) as Record<string, unknown>;
      const annotations = readdirSync(path.join(root, 'annotations')).map((annotator) => asCorpusLayer(JSON.parse(readFileSync(path.join(root, 'annotations', annotator, name), 'utf8')) as Record<string, unknown>));
      return { ...doc, annotations };
    });
    return { format: 'factmark-corpus', version: 1, exportedAt: '2026-11-22T08:00:00.000Z', project, entities, documents };
  }

  it('reads a valid corpus to exactly what zod reads, as one file or as lines', () => {
    const corpus = exampleCorpus();
    const expected = CorpusExport.parse(structuredClone(corpus));
    expect(readCorpus('factmark-json', JSON.stringify(corpus), 'corpus.json')).toEqual({ documents: expected.documents, entities: expected.entities });
    const lines = (corpus.documents as unknown[]).map((doc) => JSON.stringify(doc)).join('\n');
    expect(readCorpus('factmark-jsonl', lines, 'corpus.jsonl')).toEqual({ documents: expected.documents, entities: null });
  });

  it('names the place of a broken span, a broken document field or a broken header, as zod does', () => {
    const broken = exampleCorpus();
    const layer = ((broken.documents as Record<string, unknown>[])[0]!.annotations as Record<string, unknown>[])[1]!;
    const span = (layer.spans as Record<string, unknown>[])[2]!;
    span.end = span.start;
    expect(() => readCorpus('factmark-json', JSON.stringify(broken), 'corpus.json')).toThrow(/corpus\.json is not a valid file: \$\.documents\[0\]\.annotations\[1\]\.spans\[2\]\.end: end \(\d+\) must be greater than start/);
    expect(() => readCorpus('factmark-jsonl', JSON.stringify((broken.documents as unknown[])[0]), 'corpus.jsonl')).toThrow(/corpus\.jsonl line 1 is not a valid file: \$\.annotations\[1\]\.spans\[2\]\.end/);
    const badUrl = exampleCorpus();
    ((badUrl.documents as Record<string, unknown>[])[0]!.meta as Record<string, unknown>).url = 'not a url';
    expect(() => readCorpus('factmark-json', JSON.stringify(badUrl), 'corpus.json')).toThrow(/\$\.documents\[0\]\.meta\.url/);
    const badHeader = exampleCorpus();
    badHeader.exportedAt = 'yesterday';
    expect(() => readCorpus('factmark-json', JSON.stringify(badHeader), 'corpus.json')).toThrow(/\$\.exportedAt/);
  });
});

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { FactmarkError } from '../../../shared/errors.js';
import { AnnotationLayer, Span } from '../../../shared/model/annotations.js';
import { CorpusExport } from '../../../shared/model/corpus.js';
import { SourceDocument } from '../../../shared/model/document.js';
import { EntityRegistry } from '../../../shared/model/entities.js';
import { generateJsonSchemas } from '../../../shared/model/json-schema.js';
import { LabelDef } from '../../../shared/model/labels.js';
import { jsonPath, parseFactmarkFile } from '../../../shared/model/parse.js';
import { ProjectManifest } from '../../../shared/model/project.js';
import { clone, exampleFiles, readExample } from '../../helpers/example.js';

const manifest = readExample(exampleFiles.manifest);
const document = readExample(exampleFiles.document);
const alice = readExample(exampleFiles.alice);
const bob = readExample(exampleFiles.bob);
const entities = readExample(exampleFiles.entities);

/** The JSON paths of every issue zod reports. */
function issuesOf(schema: { safeParse(data: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => jsonPath(issue.path));
}

describe('the format-v1 example project', () => {
  it('is accepted by every schema', () => {
    expect(issuesOf(ProjectManifest, manifest)).toEqual([]);
    expect(issuesOf(SourceDocument, document)).toEqual([]);
    expect(issuesOf(AnnotationLayer, alice)).toEqual([]);
    expect(issuesOf(AnnotationLayer, bob)).toEqual([]);
    expect(issuesOf(EntityRegistry, entities)).toEqual([]);
  });

  it('keeps every field it names when parsed (nothing is stripped or renamed)', () => {
    expect(ProjectManifest.parse(manifest)).toEqual(manifest);
    expect(SourceDocument.parse(document)).toEqual(document);
    expect(AnnotationLayer.parse(alice)).toEqual(alice);
    expect(EntityRegistry.parse(entities)).toEqual(entities);
  });

  it('keeps fields this version does not know, so a newer colleague\'s additions survive a save', () => {
    const withExtra = { ...clone(alice), reviewedBy: 'carol' };
    expect(AnnotationLayer.parse(withExtra)).toMatchObject({ reviewedBy: 'carol' });
  });
});

describe('invalid files are rejected with the JSON path of the problem', () => {
  const cases: [string, () => string[], string][] = [
    ['manifest: two labels on one key', () => { const m = clone(manifest) as { labels: { key: string }[] }; m.labels[1]!.key = '1'; return issuesOf(ProjectManifest, m); }, '$.labels[1].key'],
    ['manifest: relation type naming a missing label', () => { const m = clone(manifest) as { relationTypes: { to: string[] }[] }; m.relationTypes[0]!.to = ['person']; return issuesOf(ProjectManifest, m); }, '$.relationTypes[0].to[0]'],
    ['manifest: colour that is not #rrggbb', () => { const m = clone(manifest) as { labels: { color: { dark: string } }[] }; m.labels[0]!.color.dark = 'yellow'; return issuesOf(ProjectManifest, m); }, '$.labels[0].color.dark'],
    ['manifest: no labels', () => issuesOf(ProjectManifest, { ...clone(manifest), labels: [] }), '$.labels'],
    ['document: sha256 not hex', () => issuesOf(SourceDocument, { ...clone(document), sha256: 'abc' }), '$.sha256'],
    ['document: id that is a path', () => issuesOf(SourceDocument, { ...clone(document), id: '../etc' }), '$.id'],
    ['document: published not a date', () => { const d = clone(document) as { meta: { published: string } }; d.meta.published = 'March 30'; return issuesOf(SourceDocument, d); }, '$.meta.published'],
    ['document: empty text', () => issuesOf(SourceDocument, { ...clone(document), text: '' }), '$.text'],
    ['layer: annotator that is a path', () => issuesOf(AnnotationLayer, { ...clone(alice), annotator: '../bob' }), '$.annotator'],
    ['layer: unknown status', () => issuesOf(AnnotationLayer, { ...clone(alice), status: 'finished' }), '$.status'],
    ['layer: duplicate span id', () => { const l = clone(alice) as { spans: { id: string }[] }; l.spans[1]!.id = l.spans[0]!.id; return issuesOf(AnnotationLayer, l); }, '$.spans[1].id'],
    ['layer: relation to a missing span', () => { const l = clone(alice) as { relations: { to: string }[] }; l.relations[0]!.to = 's_zz'; return issuesOf(AnnotationLayer, l); }, '$.relations[0].to'],
    ['span: end before start', () => { const l = clone(alice) as { spans: { end: number }[] }; l.spans[0]!.end = 10; return issuesOf(AnnotationLayer, l); }, '$.spans[0].end'],
    ['span: fractional offset', () => { const l = clone(alice) as { spans: { start: number }[] }; l.spans[0]!.start = 52.5; return issuesOf(AnnotationLayer, l); }, '$.spans[0].start'],
    ['span: quote of another length', () => { const l = clone(alice) as { spans: { quote: { exact: string } }[] }; l.spans[0]!.quote.exact = 'K-1'; return issuesOf(AnnotationLayer, l); }, '$.spans[0].quote.exact'],
    ['span: bad timestamp', () => { const l = clone(alice) as { spans: { createdAt: string }[] }; l.spans[0]!.createdAt = 'yesterday'; return issuesOf(AnnotationLayer, l); }, '$.spans[0].createdAt'],
    ['span: object as attribute value', () => { const l = clone(alice) as { spans: { attributes: Record<string, unknown> }[] }; l.spans[0]!.attributes.kind = { a: 1 }; return issuesOf(AnnotationLayer, l); }, '$.spans[0].attributes.kind'],
    ['entities: duplicate id', () => { const e = clone(entities) as { entities: object[] }; e.entities.push(e.entities[0]!); return issuesOf(EntityRegistry, e); }, '$.entities[1].id'],
    ['label: enum default not among its values', () => issuesOf(LabelDef, { id: 'x', name: 'X', key: 'x', color: { light: '#000000', dark: '#ffffff' }, attributes: [{ id: 'v', name: 'V', type: 'enum', values: ['a'], default: 'b' }] }), '$.attributes[0].default'],
    ['label: attribute of unknown type', () => issuesOf(LabelDef, { id: 'x', name: 'X', key: 'x', color: { light: '#000000', dark: '#ffffff' }, attributes: [{ id: 'v', name: 'V', type: 'colour' }] }), '$.attributes[0].type'],
  ];
  it.each(cases)('%s', (_name, issues, path) => {
    expect(issues()).toContain(path);
  });

  it('names the file, the path and the reason in the error', () => {
    const text = JSON.stringify({ ...clone(alice), status: 'finished' });
    const error = (() => {
      try {
        parseFactmarkFile('factmark-annotations', AnnotationLayer, text, 'annotations/alice/d_1.json');
      } catch (caught) {
        return caught as FactmarkError;
      }
      throw new Error('expected a failure');
    })();
    expect(error.code).toBe('INVALID');
    expect(error.details).toEqual({ file: 'annotations/alice/d_1.json', path: '$.status' });
    expect(error.message).toMatch(/annotations\/alice\/d_1\.json.*\$\.status/);
  });

  it('reports broken JSON with its line and column', () => {
    expect(() => parseFactmarkFile('factmark-annotations', AnnotationLayer, '{\n  "format": "factmark-annotations",\n  "version": 1,,\n}', 'a.json')).toThrow(
      expect.objectContaining({ code: 'PARSE_ERROR', message: expect.stringMatching(/^a\.json is not valid JSON: .*line 3/) }),
    );
  });

  it('a span on its own accepts a note and rejects an empty quote', () => {
    const span = clone((alice as { spans: object[] }).spans[5]);
    expect(Span.safeParse(span).success).toBe(true);
    expect(issuesOf(Span, { ...span, quote: { exact: '', prefix: '', suffix: '' } })).toContain('$.quote.exact');
  });
});

describe('generated JSON Schema files', () => {
  const schemas = generateJsonSchemas();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = (name: string, data: unknown) => {
    const validate = ajv.compile(JSON.parse(schemas[name]!) as object);
    return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  };

  it('accept the example project, file by file', () => {
    expect(check('factmark-project.schema.json', manifest)).toEqual([]);
    expect(check('factmark-document.schema.json', document)).toEqual([]);
    expect(check('factmark-annotations.schema.json', alice)).toEqual([]);
    expect(check('factmark-annotations.schema.json', bob)).toEqual([]);
    expect(check('factmark-entities.schema.json', entities)).toEqual([]);
  });

  it('reject what the zod schemas reject structurally', () => {
    expect(check('factmark-annotations.schema.json', { ...clone(alice), status: 'finished' })).not.toEqual([]);
    expect(check('factmark-document.schema.json', { ...clone(document), sha256: 'abc' })).not.toEqual([]);
  });

  it('describe a corpus export that the zod schema accepts', () => {
    const { format: _f, version: _v, ...project } = manifest;
    const { format: _df, version: _dv, ...doc } = document;
    const { format: _lf, version: _lv, document: _d, ...layer } = alice;
    const corpus = { format: 'factmark-corpus', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', project, entities: entities.entities, documents: [{ ...doc, annotations: [layer] }] };
    expect(CorpusExport.safeParse(corpus).success).toBe(true);
    expect(check('factmark-corpus.schema.json', corpus)).toEqual([]);
  });
});

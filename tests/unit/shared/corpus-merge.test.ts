import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCorpusFile, corpusFileKind } from '../../../shared/merge/corpus-files.js';
import { mergeCorpusFiles, type FileSides } from '../../../shared/merge/corpus-merge.js';
import type { AnnotationLayer, Span } from '../../../shared/model/annotations.js';
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../shared/model/default-labels.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { stringifyFactmarkFile } from '../../../shared/model/parse.js';
import type { ProjectManifest } from '../../../shared/model/project.js';
import { bareSpan } from '../../helpers/spans.js';

const manifest = (labels: LabelDef[] = DEFAULT_LABELS, extra: Partial<ProjectManifest> = {}): string =>
  stringifyFactmarkFile({ format: 'factmark-project', version: 1, name: 'Test', createdAt: '2026-11-22T10:00:00.000Z', labels, relationTypes: DEFAULT_RELATION_TYPES, ...extra });
const SHA = 'a'.repeat(64);
const layer = (annotator: string, document: string, spans: Span[], updatedAt = '2026-11-22T10:00:00.000Z'): string =>
  stringifyFactmarkFile({ format: 'factmark-annotations', version: 1, document, documentSha256: SHA, annotator, status: 'in-progress', updatedAt, spans, relations: [] } satisfies AnnotationLayer);
const relabel = (labels: LabelDef[], id: string, change: Partial<LabelDef>) => labels.map((label) => (label.id === id ? { ...label, ...change } : label));
const sides = (path: string, base: string | null, ours: string | null, theirs: string | null): FileSides => ({ path, base, ours, theirs });
const textOf = (result: ReturnType<typeof mergeCorpusFiles>, path: string) => result.files.find((file) => file.path === path)?.text;
const json = <T>(text: string | null | undefined) => JSON.parse(text ?? 'null') as T;

describe('merging a project file by file', () => {
  it('merges a label recoloured on one side and renamed on the other, field by field', () => {
    const base = manifest();
    const ours = manifest(relabel(DEFAULT_LABELS, 'claim', { name: 'Assertion' }));
    const theirs = manifest(relabel(DEFAULT_LABELS, 'claim', { color: { light: '#000000', dark: '#ffffff' } }));
    const result = mergeCorpusFiles([sides('factmark.json', base, ours, theirs)]);
    expect(result.conflicts).toEqual([]);
    const claim = json<ProjectManifest>(textOf(result, 'factmark.json')).labels.find((label) => label.id === 'claim');
    expect(claim?.name).toBe('Assertion');
    expect(claim?.color).toEqual({ light: '#000000', dark: '#ffffff' });
  });

  it('asks about a label renamed two ways, and applies the choice sent back by its id', () => {
    const base = manifest();
    const files = [sides('factmark.json', base, manifest(relabel(DEFAULT_LABELS, 'claim', { name: 'Assertion' })), manifest(relabel(DEFAULT_LABELS, 'claim', { name: 'Statement' })))];
    const first = mergeCorpusFiles(files, { theirsName: 'bob' });
    expect(first.conflicts).toHaveLength(1);
    const [conflict] = first.conflicts;
    expect(conflict).toMatchObject({ file: 'factmark.json', kind: 'value', where: 'Label “Assertion” › name', base: 'Claim', ours: 'Assertion', theirs: 'Statement' });
    // Unresolved, the file holds ours there: valid, never markers.
    expect(checkCorpusFile('manifest', 'factmark.json', textOf(first, 'factmark.json') ?? '').ok).toBe(true);
    const second = mergeCorpusFiles(files, { resolutions: { [conflict!.id]: 'theirs' } });
    expect(second.conflicts).toEqual([]);
    expect(second.resolved).toBe(1);
    expect(json<ProjectManifest>(textOf(second, 'factmark.json')).labels.find((label) => label.id === 'claim')?.name).toBe('Statement');
    // A choice for another conflict decides nothing here.
    expect(mergeCorpusFiles(files, { resolutions: { other: 'theirs' } }).conflicts).toHaveLength(1);
  });

  it('merges one annotator\'s layer changed on two machines span by span', () => {
    const a = bareSpan('a', 'claim', 0, 4);
    const base = layer('alice', 'd1', [a]);
    const ours = layer('alice', 'd1', [a, bareSpan('b', 'entity', 5, 9)], '2026-11-22T11:00:00.000Z');
    const theirs = layer('alice', 'd1', [{ ...a, note: 'checked', updatedAt: '2026-11-22T12:00:00.000Z' }, bareSpan('c', 'date', 10, 14)], '2026-11-22T12:00:00.000Z');
    const result = mergeCorpusFiles([sides('annotations/alice/d1.json', base, ours, theirs)]);
    const merged = json<AnnotationLayer>(textOf(result, 'annotations/alice/d1.json'));
    expect(merged.spans.map((span) => span.id).sort()).toEqual(['a', 'b', 'c']);
    expect(merged.spans.find((span) => span.id === 'a')?.note).toBe('checked');
    expect(merged.updatedAt).toBe('2026-11-22T12:00:00.000Z');
  });

  it('renames the other side\'s new spans when one side renamed the label\'s id', () => {
    const renamed = DEFAULT_LABELS.map((label) => (label.id === 'claim' ? { ...label, id: 'assertion' } : label));
    const renamedTypes = DEFAULT_RELATION_TYPES.map((type) => ({ ...type, from: type.from.map((id) => (id === 'claim' ? 'assertion' : id)) }));
    const old = bareSpan('s1', 'claim', 0, 4);
    const files = [
      sides('factmark.json', manifest(), manifest(), manifest(renamed, { relationTypes: renamedTypes })),
      // Theirs renamed alice's span (the rename rewrites every layer); ours (alice) added one.
      sides('annotations/alice/d1.json', layer('alice', 'd1', [old]), layer('alice', 'd1', [old, bareSpan('s2', 'claim', 5, 9)]), layer('alice', 'd1', [{ ...old, label: 'assertion' }])),
      // Bob's new layer, only on our side, tagged with the old id.
      sides('annotations/bob/d2.json', null, layer('bob', 'd2', [bareSpan('b1', 'claim', 0, 3)]), null),
    ];
    const result = mergeCorpusFiles(files);
    expect(result.conflicts).toEqual([]);
    const labels = json<ProjectManifest>(textOf(result, 'factmark.json')).labels.map((label) => label.id);
    expect(labels).toContain('assertion');
    expect(labels).not.toContain('claim');
    expect(json<AnnotationLayer>(textOf(result, 'annotations/alice/d1.json')).spans.map((span) => span.label)).toEqual(['assertion', 'assertion']);
    expect(json<AnnotationLayer>(textOf(result, 'annotations/bob/d2.json')).spans.map((span) => span.label)).toEqual(['assertion']);
  });

  it('asks which new id a label renamed two ways keeps, and relabels both sides\' spans to it', () => {
    const renamedTo = (id: string) => DEFAULT_LABELS.map((label) => (label.id === 'claim' ? { ...label, id } : label));
    const typesTo = (id: string) => DEFAULT_RELATION_TYPES.map((type) => ({ ...type, from: type.from.map((from) => (from === 'claim' ? id : from)) }));
    const s = bareSpan('s1', 'claim', 0, 4);
    const t = bareSpan('t1', 'claim', 5, 9);
    const files = [
      sides('factmark.json', manifest(), manifest(renamedTo('assertion'), { relationTypes: typesTo('assertion') }), manifest(renamedTo('statement'), { relationTypes: typesTo('statement') })),
      sides('annotations/alice/d1.json', layer('alice', 'd1', [s, t]), layer('alice', 'd1', [{ ...s, label: 'assertion' }, { ...t, label: 'assertion' }]), layer('alice', 'd1', [{ ...s, label: 'statement' }, { ...t, label: 'statement' }])),
    ];
    const first = mergeCorpusFiles(files);
    const rename = first.conflicts.find((conflict) => conflict.kind === 'label-rename');
    expect(rename).toMatchObject({ ours: 'assertion', theirs: 'statement' });
    const resolutions = Object.fromEntries(first.conflicts.map((conflict) => [conflict.id, 'theirs' as const]));
    const second = mergeCorpusFiles(files, { resolutions });
    expect(second.conflicts).toEqual([]);
    const merged = json<ProjectManifest>(textOf(second, 'factmark.json'));
    expect(merged.labels.map((label) => label.id)).toEqual(expect.arrayContaining(['statement', 'entity', 'date']));
    expect(merged.labels.map((label) => label.id)).not.toContain('assertion');
    expect(new Set(json<AnnotationLayer>(textOf(second, 'annotations/alice/d1.json')).spans.map((span) => span.label))).toEqual(new Set(['statement']));
    for (const file of second.files) if (file.text !== null) expect(checkCorpusFile(corpusFileKind(file.path), file.path, file.text).ok).toBe(true);
  });

  it('keeps a label one side removed while the other side tagged with it, and frees a clashing key', () => {
    const quote: LabelDef = { id: 'quote', name: 'Quote', key: '4', color: { light: '#111111', dark: '#eeeeee' }, attributes: [] };
    const source: LabelDef = { id: 'source', name: 'Source', key: '4', color: { light: '#222222', dark: '#dddddd' }, attributes: [] };
    const withQuote = [...DEFAULT_LABELS, quote];
    const files = [
      sides('factmark.json', manifest(withQuote), manifest(DEFAULT_LABELS.concat(source)), manifest(withQuote)),
      sides('annotations/bob/d1.json', layer('bob', 'd1', []), layer('bob', 'd1', []), layer('bob', 'd1', [bareSpan('q', 'quote', 0, 3)])),
    ];
    const result = mergeCorpusFiles(files);
    const merged = json<ProjectManifest>(textOf(result, 'factmark.json'));
    expect(merged.labels.map((label) => label.id)).toEqual(expect.arrayContaining(['quote', 'source']));
    expect(new Set(merged.labels.map((label) => label.key)).size).toBe(merged.labels.length);
    expect(result.notes.join('\n')).toMatch(/label “quote” was removed on one side/);
  });

  it('keeps ours when theirs is not a valid file, never writing conflict markers', () => {
    const base = manifest();
    const broken = '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n';
    const result = mergeCorpusFiles([sides('factmark.json', base, base, broken)], { theirsName: 'bob' });
    expect(textOf(result, 'factmark.json')).toBe(base);
    expect(result.notes[0]).toMatch(/bob's version is not a valid file/);
  });

  it('keeps a document one side removed when the other side annotated it', () => {
    const doc = stringifyFactmarkFile({ format: 'factmark-document', version: 1, id: 'd1', sha256: 'b'.repeat(64), meta: { title: 'T', outlet: null, author: null, url: null, published: null, language: null, source: null }, text: 'Some text' });
    const result = mergeCorpusFiles([sides('documents/d1.json', doc, null, doc), sides('annotations/bob/d1.json', null, null, layer('bob', 'd1', [bareSpan('x', 'claim', 0, 4)]))]);
    expect(textOf(result, 'documents/d1.json')).toBe(doc);
  });

  it('merges .gitignore as lines and asks about any other file changed on both sides', () => {
    const result = mergeCorpusFiles([sides('.gitignore', 'a\n', 'a\nb\n', 'a\nc\n'), sides('README.md', 'x', 'y', 'z')]);
    // Theirs' new line goes after the line it follows there.
    expect(textOf(result, '.gitignore')).toBe('a\nc\nb\n');
    expect(result.conflicts).toMatchObject([{ file: 'README.md', kind: 'file', ours: 'y', theirs: 'z' }]);
  });

  it('never writes a file that does not pass its schema, whatever the two sides did to the labels', () => {
    const edit = fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('name' as const), label: fc.constantFrom('claim', 'entity', 'date', 'extra'), value: fc.constantFrom('A', 'B') }),
        fc.record({ op: fc.constant('key' as const), label: fc.constantFrom('claim', 'entity', 'date', 'extra'), value: fc.constantFrom('4', '5', '1') }),
        fc.record({ op: fc.constant('add' as const), label: fc.constantFrom('extra', 'more'), value: fc.constantFrom('4', '6') }),
        fc.record({ op: fc.constant('remove' as const), label: fc.constantFrom('date', 'extra'), value: fc.constant('') }),
        fc.record({ op: fc.constant('values' as const), label: fc.constantFrom('entity'), value: fc.constantFrom('vehicle', 'person') }),
      ),
      { maxLength: 5 },
    );
    const applyAll = (ops: { op: string; label: string; value: string }[]): LabelDef[] => {
      let labels: LabelDef[] = structuredClone(DEFAULT_LABELS);
      for (const { op, label, value } of ops) {
        const next = structuredClone(labels);
        if (op === 'name') next.forEach((entry) => entry.id === label && (entry.name = value));
        if (op === 'key') next.forEach((entry) => entry.id === label && (entry.key = value));
        if (op === 'add' && !next.some((entry) => entry.id === label)) next.push({ id: label, name: label, key: value, color: { light: '#123456', dark: '#654321' }, attributes: [] });
        if (op === 'values') next.forEach((entry) => entry.id === label && entry.attributes.forEach((attribute) => attribute.type === 'enum' && attribute.id === 'kind' && (attribute.values = attribute.values.includes(value) ? attribute.values.filter((v) => v !== value) : [...attribute.values, value])));
        const candidate = op === 'remove' ? next.filter((entry) => entry.id !== label) : next;
        // Each side is valid on its own, as the app keeps it: an edit that would break it is not made.
        if (checkCorpusFile('manifest', 'factmark.json', manifest(candidate, { relationTypes: [] })).ok) labels = candidate;
      }
      return labels;
    };
    fc.assert(
      fc.property(edit, edit, fc.boolean(), (oursOps, theirsOps, pickTheirs) => {
        const base = manifest(DEFAULT_LABELS, { relationTypes: [] });
        const files = [sides('factmark.json', base, manifest(applyAll(oursOps), { relationTypes: [] }), manifest(applyAll(theirsOps), { relationTypes: [] }))];
        const first = mergeCorpusFiles(files);
        const resolutions = Object.fromEntries(first.conflicts.map((conflict) => [conflict.id, pickTheirs ? ('theirs' as const) : ('ours' as const)]));
        for (const result of [first, mergeCorpusFiles(files, { resolutions })]) {
          for (const file of result.files) expect(checkCorpusFile('manifest', file.path, file.text ?? '').ok).toBe(true);
        }
        expect(mergeCorpusFiles(files, { resolutions }).conflicts).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

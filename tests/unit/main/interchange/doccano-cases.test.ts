/**
 * Issue 15's cases. doccano: every export shape (label, labels, entities and relations, 1.x annotations, columns), UTF-16 offsets.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, project, expectCountsAddUp } from './cases-helpers.js';

// doccano's relation-extraction example shape (backend/data_import/pipeline/examples).
const DOCCANO_RE = { text: ARTICLE.trimEnd(), entities: [{ id: 0, start_offset: 0, end_offset: 6, label: 'ORG' }, { id: 1, start_offset: 22, end_offset: 39, label: 'DATE' }, { id: 2, start_offset: 44, end_offset: 54, label: 'PERSON' }, { id: 3, start_offset: 59, end_offset: 70, label: 'PERSON' }], relations: [{ from_id: 0, to_id: 1, type: 'foundedAt' }, { from_id: 0, to_id: 2, type: 'foundedBy' }, { from_id: 0, to_id: 3, type: 'foundedBy' }] };

describe('doccano', () => {
  it('entities and relations: refused loudly by label when the schema lacks them, imported whole with --add-labels', async () => {
    const { service, ids, write, layer, manifest } = await project({ 'google.txt': ARTICLE });
    const file = await write('re.jsonl', `${JSON.stringify(DOCCANO_RE)}\n`);
    const refused = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dora' });
    expectCountsAddUp(refused);
    // DATE is the label "date"; ORG and PERSON are refused, one line per label, with how
    // many annotations went with them (ORG's relations go with it).
    expect(refused[0]?.counts).toEqual({ records: 1, annotations: 7, placed: 1, leftOut: 6 });
    expect(refused[0]?.notes).toEqual(['labels matched regardless of case: DATE → date']);
    expect(refused[0]?.failed.map((failure) => [failure.where.replace(/ \(.*$/, ''), failure.count])).toEqual([['label "ORG"', 4], ['label "PERSON"', 2]]);

    const taken = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dana', addLabels: true });
    expectCountsAddUp(taken);
    expect(taken[0]?.counts).toEqual({ records: 1, annotations: 7, placed: 7, leftOut: 0 });
    const dana = await layer('dana', ids[0] as string);
    expect(dana.spans.map((span) => [span.label, span.quote.exact])).toEqual([['ORG', 'Google'], ['date', 'September 4, 1998'], ['PERSON', 'Larry Page'], ['PERSON', 'Sergey Brin']]);
    expect(dana.relations.map((relation) => relation.type)).toEqual(['foundedAt', 'foundedBy', 'foundedBy']);
    const schema = await manifest();
    expect(schema.labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date', 'ORG', 'PERSON']);
    expect(new Set(schema.labels.map((label) => label.key)).size).toBe(schema.labels.length);
    expect(schema.relationTypes.slice(-2).map((type) => [type.id, type.from, type.to])).toEqual([['foundedAt', ['ORG'], ['date']], ['foundedBy', ['ORG'], ['PERSON']]]);
  });

  it('1.x annotations: label ids named by the label list beside the file, one layer per user', async () => {
    const text = 'SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .';
    const { service, write, layer, dir } = await project();
    const records = await write('export/1x.jsonl', `${JSON.stringify({ id: 2578, text, annotations: [{ label: 12, start_offset: 9, end_offset: 14, user: 1 }, { label: 13, start_offset: 31, end_offset: 36, user: 1 }, { label: 12, start_offset: 9, end_offset: 14, user: 2 }], meta: {}, annotation_approver: null })}\n`);
    const labels = await write('export/labels.json', [{ id: 12, text: 'LOC', prefix_key: null, suffix_key: 'l' }, { id: 13, text: 'PER', prefix_key: null, suffix_key: 'p' }]);
    const outcomes = await service.importAnnotationsAt([path.dirname(records)], { format: 'doccano', addLabels: true });
    expectCountsAddUp(outcomes);
    expect(outcomes.find((outcome) => outcome.file === labels)?.notes).toEqual(['doccano\'s label list: names 2 label ids of the other files']);
    const main = outcomes.find((outcome) => outcome.file === records);
    expect(main?.counts).toEqual({ records: 1, annotations: 3, placed: 3, leftOut: 0 });
    const [documentId] = main?.documentsAdded?.map((added) => added.documentId) ?? [];
    expect((await layer('user-1', documentId as string)).spans.map((span) => [span.label, span.quote.exact])).toEqual([['LOC', 'JAPAN'], ['PER', 'CHINA']]);
    expect((await layer('user-2', documentId as string)).spans.map((span) => [span.label, span.quote.exact])).toEqual([['LOC', 'JAPAN']]);
    const doc = JSON.parse(await readFile(path.join(dir, 'documents', `${documentId}.json`), 'utf8'));
    expect(doc.meta.source).toMatchObject({ file: '1x.jsonl', record: '2578' });

    // Given by option instead, the names win; without either, the ids are the names and the report says why.
    const bare = await write('bare.jsonl', `${JSON.stringify({ text: 'JAPAN won', annotations: [{ label: 12, start_offset: 0, end_offset: 5, user: 1 }] })}\n`);
    const named = await service.importAnnotationsAt([bare], { format: 'doccano', addLabels: true, doccanoLabels: { 12: 'LOC' } });
    expect((named[0]?.notes ?? []).join('\n')).not.toContain('numeric ids');
    const unnamed = await service.importAnnotationsAt([bare], { format: 'doccano', annotator: 'x', addLabels: true });
    expect(unnamed[0]?.notes?.join('\n')).toContain('labels are given by doccano\'s numeric ids');
  });

  it('entities after an emoji: UTF-16 offsets become code points; CoNLL columns under --format doccano', async () => {
    const text = 'Fire 🚒 crews reached Kirkuk.';
    const { service, write, layer } = await project();
    // doccano counts UTF-16 code units: the fire engine is two of them.
    const at = text.indexOf('Kirkuk');
    const outcomes = await service.importAnnotationsAt([await write('emoji.jsonl', `${JSON.stringify({ text, entities: [{ id: 1, start_offset: at, end_offset: at + 6, label: 'entity' }], relations: [] })}\n`)], { format: 'doccano', annotator: 'dora' });
    expectCountsAddUp(outcomes);
    const [documentId] = outcomes[0]?.documentsAdded?.map((added) => added.documentId) ?? [];
    const placed = (await layer('dora', documentId as string)).spans;
    expect(placed.map((span) => [span.start, span.end, span.quote.exact])).toEqual([[at - 1, at + 5, 'Kirkuk']]);

    // doccano's CoNLL import format (token TAB tag) is read under --format doccano too.
    const columns = await service.importAnnotationsAt([await write('doccano.conll', 'EU\tB-entity\nrejects\tO\nGerman\tB-entity\ncall\tO\n')], { format: 'doccano', annotator: 'dora' });
    expectCountsAddUp(columns);
    expect(columns[0]?.counts).toEqual({ records: 1, annotations: 2, placed: 2, leftOut: 0 });
  });

  it('text classification labels are no spans: reported, never "nothing"', async () => {
    const { service, write } = await project();
    const file = await write('classes.jsonl', `${JSON.stringify({ text: 'Terrible customer service.', label: ['negative'] })}\n${JSON.stringify({ text: 'x', cats: [1] })}\n`);
    const outcomes = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dora' });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 2, annotations: 2, placed: 0, leftOut: 2 });
    expect(outcomes[0]?.failed.map((failure) => failure.reason)).toEqual(['"negative" is a class of the whole text (text classification), not a span', 'no "label", "labels", "entities" or "annotations"; its lists "cats" are no doccano shape Factmark knows']);
  });
});

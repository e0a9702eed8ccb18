/**
 * The cases of issue 15, one test each: files shaped as other tools write them that lost
 * data, imported without loss or refused loudly, with a report whose counts add up.
 */
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationImportOutcome } from '../../../shared/api.js';
import { FactmarkService } from '../../../main/service.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const ARTICLE = 'Google was founded on September 4, 1998, by Larry Page and Sergey Brin.\n';

async function project(articles: Record<string, string> = {}) {
  const root = await tempDir();
  const dir = path.join(root, 'p');
  const service = new FactmarkService({ now: () => NOW });
  await service.createProject({ dir });
  const files: string[] = [];
  for (const [name, text] of Object.entries(articles)) {
    const file = path.join(root, name);
    await writeFile(file, text);
    files.push(file);
  }
  const ids = files.length ? (await service.importFilesAt(files, { importedBy: 'ann' })).map((outcome) => (outcome.status === 'imported' ? outcome.documentId : '')) : [];
  const write = async (name: string, content: string | object) => {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const layer = async (annotator: string, documentId: string) => JSON.parse(await readFile(path.join(dir, 'annotations', annotator, `${documentId}.json`), 'utf8')) as { spans: { label: string; start: number; end: number; quote: { exact: string }; note?: string }[]; relations: { type: string }[]; status: string };
  const manifest = async () => JSON.parse(await readFile(path.join(dir, 'factmark.json'), 'utf8')) as { labels: { id: string; key: string }[]; relationTypes: { id: string; from: string[]; to: string[]; rules?: unknown[] }[]; interchange?: unknown };
  return { root, dir, service, ids, write, layer, manifest };
}

/** The report's promise: what was read is what was placed plus what was left out, each listed. */
function expectCountsAddUp(outcomes: readonly AnnotationImportOutcome[]) {
  for (const outcome of outcomes) {
    if (outcome.error) continue;
    const counts = outcome.counts;
    expect(counts, outcome.file).toBeDefined();
    if (!counts) continue;
    expect(counts.placed + counts.leftOut, outcome.file).toBe(counts.annotations);
    expect(outcome.failed.reduce((total, failure) => total + (failure.count ?? 1), 0), outcome.file).toBe(counts.leftOut);
    const relations = counts.placed - Object.values(outcome.added).reduce((total, n) => total + n, 0);
    expect(relations, outcome.file).toBeGreaterThanOrEqual(0);
    // The safety net in withCounts never had to catch anything.
    expect(outcome.failed.filter((failure) => failure.reason.includes('neither placed nor reported')), outcome.file).toEqual([]);
  }
}

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

describe('Label Studio', () => {
  const task = {
    id: 7,
    data: { text: ARTICLE },
    annotations: [
      { completed_by: { id: 1, email: 'ana.lopez@example.org' }, result: [{ id: 'a1', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 0, end: 6, text: 'Google', labels: ['ORG'] } }, { id: 'a2', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 44, end: 54, text: 'Larry Page', labels: ['PER'] } }, { from_id: 'a2', to_id: 'a1', type: 'relation', direction: 'right', labels: ['founded'] }] },
      { completed_by: 2, result: [{ id: 'b1', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 59, end: 70, text: 'Sergey Brin', labels: ['PER'] } }, { id: 'b2', from_name: 'sentiment', to_name: 'doc', type: 'choices', value: { choices: ['neutral'] } }] },
    ],
    predictions: [{ model_version: 'v1', result: [{ type: 'labels', value: { start: 0, end: 6, labels: ['ORG'] } }] }],
  };

  it('keeps each annotation\'s annotator apart, with relations, and gives their names back on export', async () => {
    const { service, ids, write, layer, manifest, root } = await project({ 'google.txt': ARTICLE });
    const file = await write('tasks.json', [task]);
    const outcomes = await service.importAnnotationsAt([file], { format: 'label-studio', addLabels: true });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 1, annotations: 6, placed: 4, leftOut: 2 });
    expect(outcomes[0]?.failed.map((failure) => failure.reason)).toEqual(['a "choices" result is no text span', 'a model\'s prediction, not an annotation: import it from an export of accepted annotations']);
    const ana = await layer('ana.lopez', ids[0] as string);
    expect(ana.spans.map((span) => span.quote.exact)).toEqual(['Google', 'Larry Page']);
    expect(ana.relations.map((relation) => relation.type)).toEqual(['founded']);
    expect((await layer('user-2', ids[0] as string)).spans.map((span) => span.quote.exact)).toEqual(['Sergey Brin']);
    expect((await manifest()).interchange).toEqual({ labelStudio: { fromName: 'ner', toName: 'doc', dataKey: 'text' } });

    const out = path.join(root, 'back.json');
    await service.exportToFile(out, { format: 'label-studio' });
    const [exported] = JSON.parse(await readFile(out, 'utf8')) as { annotations: { completed_by: string; result: { from_name?: string; to_name?: string; type: string }[] }[] }[];
    expect(exported?.annotations.map((annotation) => annotation.completed_by)).toEqual(['ana.lopez', 'user-2']);
    expect(exported?.annotations[0]?.result.map((result) => [result.type, result.from_name, result.to_name])).toEqual([['labels', 'ner', 'doc'], ['labels', 'ner', 'doc'], ['relation', undefined, undefined]]);
  });

  it('puts every annotation into --annotator when given', async () => {
    const { service, ids, write, layer } = await project({ 'google.txt': ARTICLE });
    const outcomes = await service.importAnnotationsAt([await write('tasks.json', [task])], { format: 'label-studio', annotator: 'lead', addLabels: true });
    expectCountsAddUp(outcomes);
    expect((await layer('lead', ids[0] as string)).spans.map((span) => span.quote.exact)).toEqual(['Google', 'Larry Page', 'Sergey Brin']);
  });
});

describe('Hypothesis and other W3C producers', () => {
  const URL = 'https://example.org/google';
  const row = (fields: object) => ({ id: 'h1', created: '2026-01-02T03:04:05.000000+00:00', updated: '2026-01-02T03:04:05.000000+00:00', user: 'acct:ana@hypothes.is', uri: URL, text: '', tags: [], group: '__world__', target: [{ source: URL, selector: [{ type: 'RangeSelector', startContainer: '/div[1]/p[1]', startOffset: 0, endContainer: '/div[1]/p[1]', endOffset: 6 }, { type: 'TextPositionSelector', start: 0, end: 6 }, { type: 'TextQuoteSelector', exact: 'Google', prefix: '', suffix: ' was founded' }] }], document: { title: ['Google'] }, ...fields });

  it('reads API rows and search results: tags to labels, text to notes, documents by address or by quote', async () => {
    const { service, ids, write, layer, dir } = await project({ 'google.txt': ARTICLE, 'other.txt': 'Something else entirely.\n' });
    await service.updateDocumentMeta({ documentId: ids[0] as string, meta: { title: 'Google', outlet: null, author: null, url: URL, published: null, language: null, notes: null } });
    expect(dir).toBeTruthy();
    const search = {
      total: 5,
      rows: [
        row({ tags: ['entity'], text: 'The company.' }),
        row({ id: 'h2', tags: ['entity', 'Important'], target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'Larry Page', prefix: 'by ', suffix: ' and' }] }] }),
        row({ id: 'h3', tags: [], text: 'just a comment' }),
        row({ id: 'h4', tags: ['date'], target: [{ source: URL, selector: [{ type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 4 }] }] }),
        { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', value: 'no purpose, a comment' }, { type: 'TextualBody', purpose: 'tagging', value: 'Date' }], target: { source: 'https://elsewhere.example/x', selector: { type: 'TextQuoteSelector', exact: 'September 4, 1998' } } },
      ],
    };
    const outcomes = await service.importAnnotationsAt([await write('search.json', search)], { format: 'w3c', annotator: 'hypo' });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 5, annotations: 6, placed: 3, leftOut: 3 });
    const hypo = await layer('hypo', ids[0] as string);
    expect(hypo.spans.map((span) => [span.label, span.quote.exact, span.note])).toEqual([
      ['entity', 'Google', 'The company.'],
      ['date', 'September 4, 1998', 'no purpose, a comment'],
      ['entity', 'Larry Page', undefined],
    ]);
    const reasons = outcomes[0]?.failed.map((failure) => `${failure.where}: ${failure.reason}`).join('\n') ?? '';
    expect(reasons).toContain('label "Important"');
    expect(reasons).toContain('annotation 3: no tag and no body with purpose "tagging" names a label');
    expect(reasons).toContain('annotation 4: only RangeSelector locates it (a place in a page\'s markup): Factmark needs a TextQuoteSelector or TextPositionSelector');
    expect(outcomes[0]?.notes).toEqual(['labels matched regardless of case: Date → date']);
  });

  it('says which selector alone locates a target it cannot place: XPath, CSS, or none', async () => {
    const { service, write } = await project({ 'google.txt': ARTICLE });
    const tagged = (selector: object | undefined) => ({ type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'entity' }, target: { source: 'https://example.org/google', ...(selector ? { selector } : {}) } });
    const outcomes = await service.importAnnotationsAt([await write('w3c.json', [tagged({ type: 'XPathSelector', value: '/html/body/p[1]' }), tagged({ type: 'CssSelector', value: 'p:first-child' }), tagged(undefined)])], { format: 'w3c', annotator: 'hypo' });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 3, annotations: 3, placed: 0, leftOut: 3 });
    expect(outcomes[0]?.failed.map((failure) => failure.reason)).toEqual([
      'only XPathSelector locates it (a place in a page\'s markup): Factmark needs a TextQuoteSelector or TextPositionSelector',
      'only CssSelector locates it (a place in a page\'s markup): Factmark needs a TextQuoteSelector or TextPositionSelector',
      'it has no selector: a note on the whole page, not on a stretch of its text',
    ]);
  });

  it('reads one API row on its own', async () => {
    const { service, ids, write, layer } = await project({ 'google.txt': ARTICLE });
    const outcomes = await service.importAnnotationsAt([await write('row.json', row({ tags: ['entity'], uri: 'https://not.known/page', target: [{ source: 'https://not.known/page', selector: [{ type: 'TextQuoteSelector', exact: 'Sergey Brin' }] }] }))], { format: 'w3c', annotator: 'hypo' });
    expectCountsAddUp(outcomes);
    expect((await layer('hypo', ids[0] as string)).spans.map((span) => span.quote.exact)).toEqual(['Sergey Brin']);
  });
});

describe('brat', () => {
  const TEXT = 'Larry Page founded Google.\n';
  const ANN = 'T1\tPerson 0 10\tLarry Page\nT2\tOrganization 19 25\tGoogle\nR1\tFounder Arg1:T1 Arg2:T2\nN1\tT1 Wikipedia:Larry_Page\n';
  const CONF = '[entities]\nperson\nOrganization\n[relations]\n<ORG>=Organization\nFounder\tArg1:person, Arg2:<ORG>\nFounder\tArg1:Organization, Arg2:<ANY>\nAlias\tArg1:<ENTITY>, Arg2:<ENTITY>\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n[events]\n[attributes]\nNegated\tArg:<ANY>\n';

  it('macros, a conf up the tree, types matched regardless of case, rules kept as written, files named as they were', async () => {
    const { service, write, manifest, root } = await project();
    await write('corpus/annotation.conf', CONF);
    await write('corpus/sub/PMID-1.txt', TEXT);
    const ann = await write('corpus/sub/PMID-1.ann', ANN);
    const outcomes = await service.importAnnotationsAt([path.join(root, 'corpus')], { format: 'brat', annotator: 'bea' });
    expectCountsAddUp(outcomes);
    const result = outcomes.find((outcome) => outcome.file === ann);
    expect(result?.counts).toEqual({ records: 1, annotations: 4, placed: 3, leftOut: 1 });
    expect(result?.notes).toEqual(expect.arrayContaining([`types from ${path.join(root, 'corpus', 'annotation.conf')}`, 'labels matched regardless of case: Person → person']));
    // A normalization line not in brat's form says what brat's form is.
    expect(result?.failed.map((failure) => failure.reason)).toEqual(['a normalization needs "Reference T<n> RESOURCE:ID" after its id; this one has "T1 Wikipedia:Larry_Page": N1\tT1 Wikipedia:Larry_Page']);
    const schema = await manifest();
    const founder = schema.relationTypes.find((type) => type.id === 'Founder');
    expect(founder?.rules).toEqual([{ from: ['person'], to: ['Organization'] }, { from: ['Organization'], to: ['person', 'Organization'] }]);
    expect(schema.relationTypes.find((type) => type.id === 'Alias')).toMatchObject({ from: ['person', 'Organization'], to: ['person', 'Organization'] });

    // Exported to a folder: the conf keeps both Founder lines, the files their names.
    const out = path.join(root, 'out');
    await service.exportToFile(`${out}/`, { format: 'brat' });
    expect((await readdir(path.join(out, 'bea'))).sort()).toEqual(['PMID-1.ann', 'PMID-1.txt']);
    const conf = await readFile(path.join(out, 'annotation.conf'), 'utf8');
    expect(conf).toContain('Founder\tArg1:person, Arg2:Organization\nFounder\tArg1:Organization, Arg2:person|Organization\n');
    expect(await readFile(path.join(out, 'bea', 'PMID-1.ann'), 'utf8')).toBe('T1\tperson 0 10\tLarry Page\nT2\tOrganization 19 25\tGoogle\nR1\tFounder Arg1:T1 Arg2:T2\n');
    // A folder that exists gets the files too; anything else a zip.
    await service.exportToFile(out, { format: 'brat' });
    await service.exportToFile(path.join(root, 'out.zip'), { format: 'brat' });
    expect((await readFile(path.join(root, 'out.zip'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('a relation that fits neither rule is refused by the rules, not by their union', async () => {
    const { service, write, root } = await project();
    await write('c/annotation.conf', '[entities]\nA\nB\n[relations]\nR\tArg1:A, Arg2:B\nR\tArg1:B, Arg2:A\n[events]\n[attributes]\n');
    await write('c/x.txt', 'a b\n');
    await write('c/x.ann', 'T1\tA 0 1\ta\nT2\tA 2 3\tb\nR1\tR Arg1:T1 Arg2:T2\n');
    const outcomes = await service.importAnnotationsAt([path.join(root, 'c')], { format: 'brat', annotator: 'bea' });
    expectCountsAddUp(outcomes);
    expect(outcomes.flatMap((outcome) => outcome.failed.map((failure) => failure.reason))).toEqual(['"R" cannot go from a A span to a A span']);
  });

  it('a conf with more types than free keys adds the types the files use, and names the others', async () => {
    const { service, write, manifest, root } = await project();
    const types = Array.from({ length: 40 }, (_, i) => `T${i + 1}`);
    await write('big/annotation.conf', `[entities]\n${types.join('\n')}\n[relations]\nR\tArg1:T1|T39, Arg2:T2|T40\n[events]\n[attributes]\nNeg\tArg:T1|T40\n`);
    await write('big/docs/x.txt', 'a b\n');
    await write('big/docs/x.ann', 'T1\tT1 0 1\ta\nT2\tt2 2 3\tb\nR1\tR Arg1:T1 Arg2:T2\nA1\tNeg T1\n');
    const outcomes = await service.importAnnotationsAt([path.join(root, 'big')], { format: 'brat', annotator: 'bea' });
    expectCountsAddUp(outcomes);
    expect(outcomes.map((outcome) => outcome.error)).toEqual([undefined, undefined]);
    expect(outcomes[0]?.notes?.[0]).toBe(`annotation.conf declares more types than there are free label keys (0-9, a-z): only the 2 the files use were added; not added: ${types.slice(2).join(', ')}`);
    expect(outcomes[1]?.counts).toEqual({ records: 1, annotations: 3, placed: 3, leftOut: 0 });
    const schema = await manifest();
    expect(schema.labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date', 'T1', 'T2']);
    expect(schema.relationTypes.find((type) => type.id === 'R')).toMatchObject({ from: ['T1'], to: ['T2'] });
  });
});

describe('records whose text the project lacks, and texts ending in a line break', () => {
  it('spaCy: a record matches the article that ends in a line break; another becomes a document, listed', async () => {
    const { service, ids, write, layer } = await project({ 'google.txt': ARTICLE });
    const file = await write('spans.jsonl', [
      JSON.stringify({ text: ARTICLE.trimEnd(), spans: [{ start: 0, end: 6, label: 'entity' }] }),
      JSON.stringify({ text: 'Brin met Page.', spans: [{ start: 0, end: 4, label: 'entity' }] }),
    ].join('\n'));
    const outcomes = await service.importAnnotationsAt([file], { format: 'spacy', annotator: 'sam' });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 2, annotations: 2, placed: 2, leftOut: 0 });
    expect((await layer('sam', ids[0] as string)).spans.map((span) => span.quote.exact)).toEqual(['Google']);
    expect(outcomes[0]?.documentsAdded).toEqual([{ documentId: expect.stringMatching(/^d_/), from: 'record 2' }]);
    const made = outcomes[0]?.documentsAdded?.[0]?.documentId as string;
    expect((await layer('sam', made)).spans.map((span) => span.quote.exact)).toEqual(['Brin']);
    expect((await service.listDocuments({})).map((doc) => doc.meta.title)).toContain('spans.jsonl #2');
  });
});

describe('a Factmark corpus with an empty layer', () => {
  it('imports the empty layer, and agreement counts the document', async () => {
    const source = await project({ 'google.txt': ARTICLE });
    const [documentId] = source.ids;
    await source.service.saveLayer({ documentId: documentId as string, annotator: 'alice', baseStamp: null, status: 'done', spans: [] });
    const file = path.join(source.root, 'corpus.json');
    await source.service.exportToFile(file, { format: 'factmark-json' });
    const corpus = JSON.parse(await readFile(file, 'utf8'));
    expect(corpus.documents[0].annotations.map((layer: { annotator: string }) => layer.annotator)).toEqual(['alice']);
    const target = await project();
    const outcomes = await target.service.importAnnotationsAt([file], { format: 'factmark-json' });
    expectCountsAddUp(outcomes);
    expect((await target.layer('alice', documentId as string)).status).toBe('done');
    await target.service.saveLayer({ documentId: documentId as string, annotator: 'bob', baseStamp: null, spans: [] });
    const agreement = await target.service.getAgreement({ annotators: ['alice', 'bob'] });
    expect(agreement.documents.map((doc) => doc.document)).toEqual([documentId]);
  });
});

describe('CoNLL', () => {
  it('the two-column variant loads in doccano\'s reader: token TAB tag, no -DOCSTART-; both read back', async () => {
    const { service, write, root } = await project({ 'google.txt': ARTICLE });
    await service.importAnnotationsAt([await write('s.jsonl', JSON.stringify({ text: ARTICLE, spans: [{ start: 44, end: 54, label: 'entity' }] }))], { format: 'spacy', annotator: 'sam' });
    const two = path.join(root, 'two.conll');
    await service.exportToFile(two, { format: 'conll-2col' });
    const text = await readFile(two, 'utf8');
    expect(text).not.toContain('DOCSTART');
    expect(text).toContain('by\tO\nLarry\tB-entity\nPage\tI-entity\nand\tO\n');
    expect(text.split('\n').filter((line) => line !== '').every((line) => line.split('\t').length === 2)).toBe(true);
    const four = path.join(root, 'four.conll');
    await service.exportToFile(four, { format: 'conll' });
    expect(await readFile(four, 'utf8')).toMatch(/^-DOCSTART- -X- -X- O\n/);

    const fresh = await project();
    for (const [file, who] of [[two, 'two'], [four, 'four']] as const) {
      const outcomes = await fresh.service.importAnnotationsAt([file], { format: 'conll', annotator: who });
      expectCountsAddUp(outcomes);
      expect(outcomes[0]?.counts).toEqual({ records: 1, annotations: 1, placed: 1, leftOut: 0 });
      const added = Object.keys(outcomes[0]?.added ?? {})[0];
      expect((await fresh.layer(who, added as string)).spans.map((span) => [span.label, span.quote.exact])).toEqual([['entity', 'Larry Page']]);
    }
  });

  it('reads IOB1, BIOES and -DOCSTART- blocks as documents', async () => {
    const { service, write, layer } = await project();
    const file = await write('mixed.conll', '-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n\n-DOCSTART- -X- -X- O\n\nPeter\tS-PER\nand\tO\nNew\tB-LOC\nYork\tE-LOC\n');
    const outcomes = await service.importAnnotationsAt([file], { format: 'conll', annotator: 'cony', addLabels: true });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 2, annotations: 4, placed: 4, leftOut: 0 });
    expect(outcomes[0]?.notes).toContain('the 2 columns between the token and the tag (part of speech, chunks) are not kept');
    const [first, second] = outcomes[0]?.documentsAdded?.map((added) => added.documentId) ?? [];
    expect((await layer('cony', first as string)).spans.map((span) => [span.label, span.quote.exact])).toEqual([['ORG', 'EU'], ['MISC', 'German']]);
    expect((await layer('cony', second as string)).spans.map((span) => [span.label, span.quote.exact])).toEqual([['PER', 'Peter'], ['LOC', 'New York']]);
  });
});

describe('labels the schema lacks', () => {
  it('--map renames on the way in; the rest are refused once per label with their count', async () => {
    const { service, ids, write, layer, manifest } = await project({ 'google.txt': ARTICLE });
    const file = await write('labels.jsonl', JSON.stringify({ text: ARTICLE, label: [[0, 6, 'ORG'], [44, 54, 'PER'], [59, 70, 'PER'], [22, 39, 'TIME']] }));
    const outcomes = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dora', labelMap: { ORG: 'entity', PER: 'entity' } });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 1, annotations: 4, placed: 3, leftOut: 1 });
    expect(outcomes[0]?.notes).toEqual(['labels renamed as asked: ORG → entity, PER → entity']);
    expect(outcomes[0]?.failed).toEqual([{ where: 'label "TIME" (first at record 1, label 4)', reason: 'the project\'s schema has no label "TIME": --add-labels adds it, --map TIME=LABEL puts it under a label you have', count: 1 }]);
    expect((await layer('dora', ids[0] as string)).spans.map((span) => span.label)).toEqual(['entity', 'entity', 'entity']);
    expect((await manifest()).labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date']);
    // --map to a label that does not exist says so.
    const wrong = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dora', labelMap: { TIME: 'when' } });
    expect(wrong[0]?.failed.find((failure) => failure.where.startsWith('label "TIME"'))?.reason).toBe('--map TIME=when names no label of the project (--add-labels adds it)');
  });

  it('refuses a whole file whose records say no annotator when none is given', async () => {
    const { service, write } = await project({ 'google.txt': ARTICLE });
    const outcomes = await service.importAnnotationsAt([await write('t.json', [{ data: { text: ARTICLE }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 6, labels: ['entity'] } }] }] }])], { format: 'label-studio' });
    expect(outcomes[0]?.error?.message).toBe('These annotations do not say whose they are: say whose layers they go into (an annotator name)');
  });
});

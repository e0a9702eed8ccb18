/**
 * Issue 15's cases. Records whose text the project lacks, a corpus's empty layer, and CoNLL's two variants.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, project, expectCountsAddUp } from './cases-helpers.js';

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

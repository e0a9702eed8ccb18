/**
 * Issue 15's cases. Hypothesis and other W3C producers: API rows and search results, tags, notes, documents by address or quote.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE, project, expectCountsAddUp } from './cases-helpers.js';

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

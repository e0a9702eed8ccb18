import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusHeader, encodeCorpusDocument, encodeCorpusHead, encodeCorpusTail } from './encode.js';
import { CorpusExport, type CorpusDocument } from '../../model/corpus.js';
import { trickyText } from '../../../tests/helpers/arbitraries.js';
import { exampleFiles, readExample } from '../../../tests/helpers/example.js';

const { format: _f, version: _v, ...project } = readExample(exampleFiles.manifest);
const header = corpusHeader({ exportedAt: '2026-11-22T10:00:00.000Z', project: project as CorpusExport['project'], entities: [] });

function encode(documents: CorpusDocument[]): string {
  return encodeCorpusHead(header) + documents.map((doc, i) => encodeCorpusDocument(doc, i === 0)).join('') + encodeCorpusTail(documents.length === 0);
}

const documentOf = (id: string, text: string): CorpusDocument => ({
  id,
  sha256: '0'.repeat(64),
  meta: { title: text.slice(0, 10), outlet: null, author: null, url: null, published: null, language: null, source: null },
  text,
  annotations: [],
});

describe('streamed corpus JSON', () => {
  it('is exactly JSON.stringify of the whole corpus, for any texts', () => {
    fc.assert(
      fc.property(fc.array(trickyText(), { maxLength: 4 }), (texts) => {
        const docs = texts.map((text, i) => documentOf(`d_${i}`, text || 'x'));
        const streamed = encode(docs);
        expect(streamed).toBe(`${JSON.stringify({ ...header, documents: docs }, null, 2)}\n`);
        expect(CorpusExport.safeParse(JSON.parse(streamed)).success).toBe(true);
      }),
    );
  });
});

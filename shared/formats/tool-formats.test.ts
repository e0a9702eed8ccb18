import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDoccano } from './doccano/decode.js';
import { toDoccanoLine } from './doccano/encode.js';
import { fromLabelStudio } from './label-studio/decode.js';
import { toLabelStudioTask } from './label-studio/encode.js';
import { toSpacyLines } from './spacy/encode.js';
import type { Span } from '../model/annotations.js';
import type { CorpusDocument } from '../model/corpus.js';
import { createOffsetIndex } from '../text/offsets.js';
import { makeQuote } from '../text/quote.js';
import { trickyText } from '../../tests/helpers/arbitraries.js';

// The example from doccano issue #2290: "firetrucks" is at 19-29 in code points, 22-32 in UTF-16.
const TEXT = '👨🏻‍🚒 firemen drive firetrucks';
const stamp = '2026-11-22T00:00:00.000Z';

function corpusDocument(text: string, spans: Span[]): CorpusDocument {
  return {
    id: 'd_1',
    sha256: '0'.repeat(64),
    meta: { title: 'T', outlet: null, author: null, url: null, published: null, language: null, source: null },
    text,
    annotations: [{ documentSha256: '0'.repeat(64), annotator: 'alice', status: 'in-progress', updatedAt: stamp, spans, relations: [] }],
  };
}
const spanOf = (text: string, start: number, end: number, label = 'entity', id = 's_1'): Span => ({ id, label, start, end, quote: makeQuote(text, start, end), attributes: {}, createdAt: stamp, updatedAt: stamp });

describe('offsets in other tools\' formats', () => {
  const doc = corpusDocument(TEXT, [spanOf(TEXT, 19, 29)]);

  it('doccano counts UTF-16 code units', () => {
    const line = JSON.parse(toDoccanoLine(doc, 'alice')!);
    expect(line.label).toEqual([[22, 32, 'entity']]);
    expect(line.text.slice(22, 32)).toBe('firetrucks');
    expect(fromDoccano(line)).toMatchObject({ ok: true, value: { text: TEXT, spans: [{ start: 19, end: 29, label: 'entity' }], problems: [] } });
    expect(fromDoccano({ text: TEXT, label: [[22, 99, 'x']] })).toMatchObject({ ok: true, value: { spans: [], problems: [{ where: 'label 1', reason: 'offsets 22-99 are outside the text (32 UTF-16 code units)', annotations: 1 }] } });
    // Code points where doccano wants UTF-16: the offset splits the emoji, and says so.
    expect(fromDoccano({ text: TEXT, label: [[1, 5, 'x']] })).toMatchObject({ ok: true, value: { problems: [{ reason: 'offsets 1-5 split a character in two: they are not UTF-16 code units' }] } });
  });

  it('Label Studio and spaCy count code points, as Python does', () => {
    const task = toLabelStudioTask(doc) as { annotations: { result: { value: { start: number; end: number; text: string } }[] }[] };
    expect(task.annotations[0]!.result[0]!.value).toMatchObject({ start: 19, end: 29, text: 'firetrucks' });
    expect(fromLabelStudio(task)).toMatchObject({ ok: true, value: { text: TEXT, spans: [{ start: 19, end: 29, label: 'entity', annotator: 'alice' }], problems: [] } });
    expect(fromLabelStudio({ data: { text: TEXT }, annotations: [{ result: [{ type: 'labels', value: { start: 20, end: 29, text: 'firetrucks', labels: ['entity'] } }] }] })).toMatchObject({ ok: true, value: { spans: [], problems: [{ where: 'annotation 1, result 1', reason: 'the text at 20-29 is not "firetrucks"', annotations: 1 }] } });
    expect(JSON.parse(toSpacyLines(doc)).spans).toEqual([{ start: 19, end: 29, label: 'entity' }]);
  });

  it('round-trip random spans on text with astral characters and CRLF', () => {
    fc.assert(
      fc.property(trickyText(40), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (raw, picks) => {
        const text = `${raw}x`;
        const length = createOffsetIndex(text).length;
        const spans = picks.map(([a, b], i) => {
          const start = Math.min(a, b) % length;
          return spanOf(text, start, Math.max(start + 1, Math.max(a, b) % (length + 1)), i % 2 ? 'claim' : 'date', `s_${i}`);
        });
        const expected = spans.map(({ start, end, label }) => ({ start, end, label }));
        const source = corpusDocument(text, spans);
        expect(fromDoccano(JSON.parse(toDoccanoLine(source, 'alice')!))).toMatchObject({ ok: true, value: { spans: expected } });
        expect(fromLabelStudio(JSON.parse(JSON.stringify(toLabelStudioTask(source))))).toMatchObject({ ok: true, value: { spans: expected } });
      }),
    );
  });
});

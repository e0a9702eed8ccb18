import { describe, expect, it } from 'vitest';
import { CONLL_2003, leftOutNote, tagTokens, toConll, tokenize } from './encode.js';
import type { Span } from '../../model/annotations.js';
import type { CorpusDocument } from '../../model/corpus.js';
import { makeQuote } from '../../text/quote.js';

const stamp = '2026-11-22T00:00:00.000Z';
const span = (text: string, exact: string, label: string, id: string): Span => {
  const start = [...text.slice(0, text.indexOf(exact))].length;
  const end = start + [...exact].length;
  return { id, label, start, end, quote: makeQuote(text, start, end), attributes: {}, createdAt: stamp, updatedAt: stamp };
};

describe('token-level export', () => {
  it('tokenizes words, numbers, hyphenated names and punctuation, ending sentences at . ! ? and line breaks', () => {
    const tokens = tokenize('Col. Dana Reed said 1,200 people left K-1 Air Base 👩‍🚒.\n“About 300”');
    expect(tokens.map((token) => token.text)).toEqual(['Col', '.', 'Dana', 'Reed', 'said', '1,200', 'people', 'left', 'K-1', 'Air', 'Base', '👩', '\u200d', '🚒', '.', '“', 'About', '300', '”']);
    expect(tokens.filter((token) => token.sentenceEnd).map((token) => token.text)).toEqual(['.', '.', '”']);
    expect(tokens.find((token) => token.text === '1,200')).toMatchObject({ start: 20, end: 25 });
  });

  it('keeps the first (then longer) of overlapping spans, and counts the rest', () => {
    const text = 'The coalition handed K-1 Air Base to Iraqi forces.';
    const spans = [span(text, 'handed K-1 Air Base', 'claim', 'a'), span(text, 'K-1 Air Base', 'entity', 'b'), span(text, 'Iraqi forces', 'entity', 'c')];
    const tokens = tokenize(text);
    expect(tagTokens(tokens, spans, 'iob2').leftOut).toBe(1);
    expect(tagTokens(tokens, spans, 'iob2').tags).toEqual(['O', 'O', 'B-claim', 'I-claim', 'I-claim', 'I-claim', 'O', 'B-entity', 'I-entity', 'O']);
    expect(tagTokens(tokens, spans, 'bioes').tags).toEqual(['O', 'O', 'B-claim', 'I-claim', 'I-claim', 'E-claim', 'O', 'B-entity', 'E-entity', 'O']);
    expect(tagTokens(tokens, [span(text, 'forces', 'entity', 'd')], 'bioes').tags.at(-2)).toBe('S-entity');
  });

  it('treats spans that share a token as overlapping, and counts a span over white space alone', () => {
    const text = 'Q-West fell';
    // "Q" and "West" do not overlap as text, but both are in the token "Q-West".
    const spans = [span(text, 'Q', 'entity', 'a'), span(text, 'West', 'entity', 'b'), span(text, ' ', 'claim', 'c')];
    expect(tagTokens(tokenize(text), spans, 'iob2')).toEqual({ tags: ['B-entity', 'O'], leftOut: 2, why: { overlapping: 1, noToken: 1 } });
    expect(leftOutNote({ overlapping: 1, noToken: 1 })).toEqual([
      '2 spans were left out: 1 span nested in or overlapping a span already tagged (a token carries one tag: of spans that share tokens, the one that starts first, then the longer one, is kept); 1 span over white space alone (no token to tag)',
    ]);
    expect(leftOutNote({ overlapping: 0, noToken: 0 })).toEqual([]);
  });

  it('writes CoNLL-2003 columns, one block per annotator, sentences separated by blank lines', () => {
    const text = 'Reed left. Q-West fell.';
    const doc: CorpusDocument = {
      id: 'd_1',
      sha256: '0'.repeat(64),
      meta: { title: null, outlet: null, author: null, url: null, published: null, language: null, source: null },
      text,
      annotations: [{ documentSha256: '0'.repeat(64), annotator: 'alice', status: 'done', updatedAt: stamp, spans: [span(text, 'Q-West', 'entity', 'x')], relations: [] }],
    };
    expect(toConll(doc, CONLL_2003)).toEqual({
      text: ['-DOCSTART- -X- -X- O', '', 'Reed -X- _ O', 'left -X- _ O', '. -X- _ O', '', 'Q-West -X- _ B-entity', 'fell -X- _ O', '. -X- _ O', '', ''].join('\n'),
      leftOut: { overlapping: 0, noToken: 0 },
    });
    // No comment lines: a "#" in the text is a token like any other.
    expect(toConll({ ...doc, text: '# 1', annotations: [{ ...doc.annotations[0]!, spans: [] }] }, CONLL_2003).text).toBe('-DOCSTART- -X- -X- O\n\n# -X- _ O\n1 -X- _ O\n\n');
  });
});

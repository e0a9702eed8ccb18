/**
 * Every export format, read back: random documents with astral characters, CRLF and
 * overlapping spans go out through the registry's encoders and come back with the same
 * spans — exactly where the format can hold them, and with what it cannot hold counted.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBrat } from './brat/decode.js';
import { tokenize } from './conll/encode.js';
import { corpusHeader } from './factmark-json/encode.js';
import { ENCODERS } from '../../main/formats/registry.js';
import type { ExportFormatId } from './catalog.js';
import { type CorpusEncoder } from './codec.js';
import { fromSpacy } from './spacy/decode.js';
import type { Span } from '../model/annotations.js';
import { CorpusDocument, CorpusExport } from '../model/corpus.js';
import { DEFAULT_LABELS } from '../model/default-labels.js';
import { createOffsetIndex } from '../text/offsets.js';
import { makeQuote } from '../text/quote.js';
import { trickyText } from '../../tests/helpers/arbitraries.js';

const stamp = '2026-11-22T00:00:00.000Z';
const LABELS = ['claim', 'entity', 'date'];

/** A document with one layer of random (often overlapping) spans. */
const randomDocument = fc
  .tuple(trickyText(30), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 2 })), { maxLength: 8 }))
  .map(([raw, picks]): CorpusDocument => {
    const text = `${raw}x y\r\nz`;
    const length = createOffsetIndex(text).length;
    const spans = picks.map(([a, b, label], i): Span => {
      const start = Math.min(a, b) % length;
      const end = Math.max(start + 1, Math.max(a, b) % (length + 1));
      return { id: `s_${i}`, label: LABELS[label] as string, start, end, quote: makeQuote(text, start, end), attributes: {}, createdAt: stamp, updatedAt: stamp };
    });
    return {
      id: 'd_0123456789ab',
      sha256: '0'.repeat(64),
      meta: { title: 'Random', outlet: null, author: null, url: 'https://example.org/a', published: '2026-11-20', language: null, source: null },
      text,
      annotations: [{ documentSha256: '0'.repeat(64), annotator: 'alice', status: 'in-progress', updatedAt: stamp, spans, relations: [] }],
    };
  });

function encode(format: ExportFormatId, doc: CorpusDocument): { bytes: Uint8Array; notes: string[] } {
  const encoder: CorpusEncoder = ENCODERS[format]();
  const header = corpusHeader({ exportedAt: stamp, project: { name: 'p', createdAt: stamp, labels: DEFAULT_LABELS, relationTypes: [] }, entities: [] });
  const pieces = [encoder.head(header), encoder.document(doc), encoder.tail()];
  const chunks = pieces.map((piece) => (typeof piece === 'string' ? new TextEncoder().encode(piece) : piece));
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
  return { bytes, notes: encoder.notes?.() ?? [] };
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const positions = (spans: readonly { start: number; end: number; label: string }[]) => spans.map(({ start, end, label }) => ({ start, end, label })).sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));

/** Reads IOB2 or BIOES tags back into token spans (the reader a CoNLL user would write). */
function spansFromTags(tags: readonly string[], tokens: readonly { start: number; end: number }[], scheme: 'iob2' | 'bioes') {
  const spans: { start: number; end: number; label: string }[] = [];
  tags.forEach((tag, i) => {
    const [prefix, label = ''] = [tag.slice(0, 1), tag.slice(2)];
    const token = tokens[i] as { start: number; end: number };
    const opens = prefix === 'B' || prefix === 'S';
    if (opens) spans.push({ start: token.start, end: token.end, label });
    else if (prefix === 'I' || prefix === 'E') (spans[spans.length - 1] as { end: number }).end = token.end;
    if (scheme === 'bioes' && prefix === 'I') expect(tags[i + 1]?.slice(1)).toMatch(/^-/);
  });
  return spans;
}

describe('every export format reads back to the same spans', () => {
  it('factmark-json and factmark-jsonl: the whole document, every field', () => {
    fc.assert(
      fc.property(randomDocument, (doc) => {
        expect(CorpusExport.parse(JSON.parse(text(encode('factmark-json', doc).bytes))).documents).toEqual([doc]);
        expect(CorpusDocument.parse(JSON.parse(text(encode('factmark-jsonl', doc).bytes)))).toEqual(doc);
      }),
    );
  });

  it('spaCy: code point spans, overlapping ones included', () => {
    fc.assert(
      fc.property(randomDocument, (doc) => {
        const read = fromSpacy(JSON.parse(text(encode('spacy', doc).bytes)));
        if (!read.ok) throw new Error(read.reason);
        const back = read.value;
        expect(back.text).toBe(doc.text);
        expect(positions(back.spans)).toEqual(positions(doc.annotations[0]?.spans ?? []));
      }),
    );
  });

  it.each(['conll', 'bioes'] as const)('%s: each span kept covers exactly its tokens; the rest are counted', (format) => {
    fc.assert(
      fc.property(randomDocument, (doc) => {
        const { bytes, notes } = encode(format, doc);
        const lines = text(bytes).split('\n').filter((line) => line && !line.startsWith('-DOCSTART-'));
        const tags = lines.map((line) => (format === 'conll' ? (line.split(' ').pop() as string) : (line.split('\t')[1] as string)));
        const tokens = tokenize(doc.text);
        expect(lines.map((line) => (format === 'conll' ? line.split(' ')[0] : line.split('\t')[0]))).toEqual(tokens.map((token) => token.text));
        const spans = doc.annotations[0]?.spans ?? [];
        // Read back independently of how the encoder chose: every span read is the token
        // hull of a span of that label, none share a token, and each one missing is counted.
        const hull = (span: Span) => {
          const covered = tokens.filter((token) => token.start < span.end && span.start < token.end);
          return covered.length ? `${(covered[0] as { start: number }).start}-${(covered[covered.length - 1] as { end: number }).end} ${span.label}` : null;
        };
        const hulls = new Set(spans.map(hull));
        const read = spansFromTags(tags, tokens, format === 'conll' ? 'iob2' : 'bioes');
        for (const span of read) expect(hulls.has(`${span.start}-${span.end} ${span.label}`)).toBe(true);
        read.forEach((span, i) => expect(span.start).toBeGreaterThanOrEqual(read[i - 1]?.end ?? 0));
        const leftOut = spans.length - read.length;
        expect(notes).toEqual(leftOut ? [expect.stringContaining(`${leftOut} ${leftOut === 1 ? 'span was' : 'spans were'} left out`)] : []);
        // A span that shares no token with another is never left out.
        const tokensOf = (span: Span) => tokens.flatMap((token, i) => (token.start < span.end && span.start < token.end ? [i] : []));
        const lone = spans.filter((span) => hull(span) && !spans.some((other) => other !== span && tokensOf(other).some((i) => tokensOf(span).includes(i))));
        for (const span of lone) expect(read.some((back) => `${back.start}-${back.end} ${back.label}` === hull(span))).toBe(true);
      }),
    );
  });

  it('brat: the zip holds the text and an .ann that reads back to the same spans', () => {
    fc.assert(
      fc.property(randomDocument, (doc) => {
        const files = unzipSync(encode('brat', doc).bytes);
        expect(strFromU8(files['alice/d_0123456789ab.txt'] as Uint8Array)).toBe(doc.text);
        const back = parseBrat(strFromU8(files['alice/d_0123456789ab.ann'] as Uint8Array), doc.text, new Date(stamp));
        expect(back.skipped).toEqual([]);
        expect(positions(back.spans)).toEqual(positions(doc.annotations[0]?.spans ?? []));
      }),
    );
  });

  it('ClaimReview: one review per claim, with the claim\'s exact text and the article it appeared in', () => {
    fc.assert(
      fc.property(randomDocument, (doc) => {
        const reviews = JSON.parse(text(encode('claimreview', doc).bytes)) as { claimReviewed: string; itemReviewed: { appearance: { url: string }[] } }[];
        const claims = (doc.annotations[0]?.spans ?? []).filter((span) => span.label === 'claim');
        expect(reviews.map((review) => review.claimReviewed)).toEqual(claims.map((claim) => claim.quote.exact));
        // `appearance` is a list since canonical claims gather every article that carries one.
        for (const review of reviews) expect(review.itemReviewed.appearance.map((item) => item.url)).toEqual([doc.meta.url]);
      }),
    );
  });
});

describe('malformed spaCy records are refused, and bad spans named, the others kept', () => {
  it.each([
    [{ spans: [] }, 'no "text"'],
    [{ text: 'abc', spans: {} }, '"spans" is not a list'],
  ])('%j', (value, message) => {
    expect(fromSpacy(value)).toEqual({ ok: false, reason: message, annotations: 0 });
  });

  it('names a bad span, keeping the good ones', () => {
    const read = fromSpacy({ text: '😀bc', spans: [{ start: 0, end: 1, label: 'x' }, { start: 1, end: 4, label: 'x' }, { start: 0, end: 1 }] });
    expect(read.ok && read.value.spans).toEqual([{ start: 0, end: 1, label: 'x', where: 'span 1', id: '0-1' }]);
    expect(read.ok && read.value.problems).toEqual([
      { where: 'span 2', reason: 'offsets 1-4 are outside the text (3 code points)', annotations: 1 },
      { where: 'span 3', reason: 'not {"start", "end", "label"}', annotations: 1 },
    ]);
  });
});

/**
 * Deterministic benchmark documents: news-like text of a given size with a given number
 * of spans, a share of them overlapping others, written as a real project folder.
 */
import path from 'node:path';
import { ANNOTATIONS_FORMAT, type Span } from '../shared/model/annotations.js';
import { DOCUMENT_FORMAT, documentIdFor } from '../shared/model/document.js';
import { createOffsetIndex } from '../shared/text/offsets.js';
import { makeQuote } from '../shared/text/quote.js';
import { sha256Text } from '../main/store/hash.js';
import { ProjectStore } from '../main/store/project-store.js';

// Seeded (mulberry32), so every run measures the same documents and spans.
import { random } from '../tests/helpers/random.js';

export { random };

const WORDS = 'the coalition said on Sunday that forces had left the base near Kirkuk after rocket attacks officials reported about 300 personnel departed and equipment worth million stayed behind according to a statement by the spokesman who told reporters last week'.split(' ');

export function article(bytes: number, seed: number): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(next() * 4);
    for (let s = 0; s < count; s++) {
      const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => WORDS[Math.floor(next() * WORDS.length)] as string);
      const sentence = words.join(' ');
      sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${paragraphs.join('\n\n').slice(0, bytes - 1).replace(/\s+\S*$/, '')}\n`;
}

/** `count` spans on word boundaries; `overlapShare` of them overlap another span. */
export function spansFor(text: string, count: number, overlapShare: number, seed: number): Span[] {
  const next = random(seed);
  const index = createOffsetIndex(text);
  const words: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/\S+/g)) words.push({ start: match.index, end: match.index + match[0].length });
  const overlapping = Math.round(count * overlapShare);
  const plain = count - overlapping;
  const labels = ['claim', 'entity', 'date'];
  const stamp = '2026-11-22T00:00:00.000Z';
  const spans: Span[] = [];
  const stride = Math.floor(words.length / plain);
  const make = (first: number, last: number, i: number): Span => {
    const start = index.toCodePoint((words[first] as { start: number }).start);
    const end = index.toCodePoint((words[last] as { end: number }).end);
    return { id: `s_${i}`, label: labels[i % 3] as string, start, end, quote: makeQuote(index, start, end), attributes: {}, createdAt: stamp, updatedAt: stamp };
  };
  for (let i = 0; i < plain; i++) {
    const first = i * stride;
    spans.push(make(first, Math.min(first + Math.floor(next() * 3), words.length - 1), i));
  }
  for (let i = 0; i < overlapping; i++) {
    // Starts inside a plain span and runs past its end.
    const host = spans[Math.floor(next() * plain)] as Span;
    const first = words.findIndex((word) => index.toCodePoint(word.start) >= host.start);
    spans.push(make(first, Math.min(first + 3 + Math.floor(next() * 4), words.length - 1), plain + i));
  }
  return spans;
}

export interface BenchDocument {
  id: string;
  name: string;
  bytes: number;
  spans: number;
}

/** Creates a project with the documents and one annotator's layer on each. */
export async function writeBenchProject(dir: string, documents: { name: string; bytes: number; spans: number; seed: number }[], annotator: string): Promise<BenchDocument[]> {
  const store = await ProjectStore.create(dir, { name: 'Benchmark' });
  const out: BenchDocument[] = [];
  for (const spec of documents) {
    const text = article(spec.bytes, spec.seed);
    const sha256 = sha256Text(text);
    const id = documentIdFor(sha256);
    await store.addDocument({ format: DOCUMENT_FORMAT, version: 1, id, sha256, meta: { title: spec.name, outlet: 'Bench Wire', author: null, url: null, published: '2026-11-22', language: 'en', source: null }, text });
    const spans = spec.spans ? spansFor(text, spec.spans, 0.1, spec.seed + 1) : [];
    if (spans.length) {
      await store.writeLayer({ format: ANNOTATIONS_FORMAT, version: 1, document: id, documentSha256: sha256, annotator, status: 'in-progress', updatedAt: '2026-11-22T00:00:00.000Z', spans, relations: [] }, null);
    }
    out.push({ id, name: spec.name, bytes: Buffer.byteLength(text), spans: spans.length });
  }
  return out;
}

export const benchDir = path.dirname(new URL(import.meta.url).pathname);

/**
 * Factmark corpus JSON (shared/model/corpus.ts), written in pieces so that a project of
 * any size streams out in bounded memory: the head, then one document at a time, then
 * the tail. Concatenated, the pieces are one JSON document with 2-space indentation,
 * byte-for-byte what JSON.stringify(corpus, null, 2) would give.
 */
import { CORPUS_FORMAT, type CorpusDocument, type CorpusExport } from '../../model/corpus.js';
import type { CorpusEncoder } from '../codec.js';

// Pick, not Omit: Omit over a loose object's index signature would forget the known keys.
export type CorpusHeader = Pick<CorpusExport, 'format' | 'version' | 'exportedAt' | 'project' | 'entities' | 'claims'>;

export function corpusHeader(fields: Omit<CorpusHeader, 'format' | 'version'>): CorpusHeader {
  return { format: CORPUS_FORMAT, version: 1, ...fields };
}

/** Everything up to the opening of the documents array. */
export function encodeCorpusHead(header: CorpusHeader): string {
  const head = JSON.stringify({ ...header, documents: [] }, null, 2);
  // Cut the empty array's "[]" and the closing brace, so documents can follow.
  return `${head.slice(0, head.lastIndexOf('[]'))}[`;
}

/** One document, indented to sit in the documents array; `first` decides the comma. */
export function encodeCorpusDocument(doc: CorpusDocument, first: boolean): string {
  // Stringified inside the same wrapper as in the corpus, the document comes out already
  // indented to its place; cutting the wrapper off is cheaper than re-indenting a
  // document of many megabytes line by line.
  const wrapped = JSON.stringify({ documents: [doc] }, null, 2);
  return `${first ? '' : ','}\n    ${wrapped.slice(DOCUMENT_PREFIX.length, wrapped.length - DOCUMENT_SUFFIX.length)}`;
}
const DOCUMENT_PREFIX = '{\n  "documents": [\n    ';
const DOCUMENT_SUFFIX = '\n  ]\n}';

export function encodeCorpusTail(empty: boolean): string {
  return empty ? ']\n}\n' : '\n  ]\n}\n';
}

/** factmark-json: the corpus as one JSON document. */
export function factmarkJsonEncoder(): CorpusEncoder {
  let documents = 0;
  return { head: encodeCorpusHead, document: (doc) => encodeCorpusDocument(doc, documents++ === 0), tail: () => encodeCorpusTail(documents === 0) };
}

/** factmark-jsonl: one document with its layers per line. */
export function factmarkJsonlEncoder(): CorpusEncoder {
  return { head: () => '', document: (doc) => `${JSON.stringify(doc)}\n`, tail: () => '' };
}

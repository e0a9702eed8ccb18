/**
 * What every format folder provides. An export format encodes the corpus piece by piece
 * — a head, each document with its layers, a tail — so any project streams out in
 * bounded memory; an import format turns a file's records into text and spans, and says
 * what is wrong with a record as a typed error naming it, never by throwing a bare Error.
 */
import type { CorpusDocument } from '../model/corpus.js';
import type { CorpusHeader } from './factmark-json/encode.js';

/**
 * One export's encoder: it keeps what it needs between pieces (commas, counts). Text
 * formats give strings; archives (brat's folder of files, zipped) give bytes.
 */
export interface CorpusEncoder {
  head(header: CorpusHeader): string | Uint8Array;
  document(doc: CorpusDocument): string | Uint8Array;
  tail(): string | Uint8Array;
  /** What the person exporting should know (spans a format could not hold). */
  notes?(): string[];
}

/** A span as another tool gave it, in code points (converted from the tool's own unit). */
export interface ForeignSpan {
  start: number;
  end: number;
  /** The tool's own name for the type; the import maps it to a label. */
  label: string;
  /** The tool's id of the span, when relations refer to it. */
  id?: string;
  note?: string;
  /** Whose it is, when the file says (a Label Studio annotation's `completed_by`). */
  annotator?: string;
  /** Where it is in the record, for the report ("entity 3", "result 2"). */
  where?: string;
}

/** A relation between two spans of the same record, by their `id`s. */
export interface ForeignRelation {
  type: string;
  from: string;
  to: string;
  id?: string;
  annotator?: string;
  where?: string;
}

/**
 * Annotations of a record that cannot be taken in (a document-level class, a region
 * in an image, a bad offset), with how many annotations each stands for, so the report
 * can say what was read and what was left out, and the two add up.
 */
export interface ForeignProblem {
  where: string;
  reason: string;
  annotations: number;
}

/** A record of another tool: its text and spans, and what of it cannot be taken in. */
export interface ForeignDocument {
  text: string;
  spans: ForeignSpan[];
  relations: ForeignRelation[];
  problems: ForeignProblem[];
  /** The record's own name or id, kept with a document made from it. */
  name?: string;
  /** What else the person importing should know about this record. */
  notes?: string[];
}

/**
 * What reading one record of another tool gives: its text and spans, or why it is not a
 * record of that format (the caller says where in the file it is), with the number of
 * annotations it seemed to hold. A value, not a throw: one bad record is reported and
 * the others are still read.
 */
export type ForeignRecord = { ok: true; value: ForeignDocument } | { ok: false; reason: string; annotations: number };

export const badRecord = (reason: string, annotations = 0): ForeignRecord => ({ ok: false, reason, annotations });

/** A record with nothing wrong found yet. */
export const foreignDocument = (text: string, fields: Partial<Omit<ForeignDocument, 'text'>> = {}): ForeignDocument => ({ text, spans: [], relations: [], problems: [], ...fields });

/** How many annotations a record holds, taken in or not. */
export const annotationsIn = (doc: ForeignDocument): number => doc.spans.length + doc.relations.length + doc.problems.reduce((total, problem) => total + problem.annotations, 0);

/** Comma-separated pieces inside a JSON array, however many documents add nothing. */
export function jsonArrayItems(): (items: string[], indent: string) => string {
  let written = 0;
  return (items, indent) => {
    if (items.length === 0) return '';
    const text = `${written ? ',' : ''}\n${indent}${items.join(`,\n${indent}`)}`;
    written += items.length;
    return text;
  };
}

/** Items one per line, each ending in a newline. */
export const lines = (items: string[]): string => (items.length ? `${items.join('\n')}\n` : '');

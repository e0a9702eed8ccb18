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
  label: string;
}

/** A record of another tool: its text and spans. */
export interface ForeignDocument {
  text: string;
  spans: ForeignSpan[];
}

/**
 * What reading one record of another tool gives: its text and spans, or why it is not a
 * record of that format (the caller says where in the file it is). A value, not a throw:
 * one bad record is reported and the others are still read.
 */
export type ForeignRecord = { ok: true; value: ForeignDocument } | { ok: false; reason: string };

export const badRecord = (reason: string): ForeignRecord => ({ ok: false, reason });

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

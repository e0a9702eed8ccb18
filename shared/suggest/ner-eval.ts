/**
 * Measures entity suggestions against a CoNLL-style named-entity corpus (one token a
 * line with its tag, IO or BIO, PER/ORG/LOC/MISC; documents apart by -DOCSTART-): the
 * tokens of each document are joined by spaces into a text, sentences by line breaks,
 * and suggestions are compared with the gold names span by span. A match is the same
 * span exactly (CoNLL's rule); "typed" also asks for the kind that the class maps to.
 */
import type { Suggestion } from './suggestion.js';

export type NerClass = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerDocument {
  text: string;
  /** UTF-16 offsets. */
  entities: { start: number; end: number; type: NerClass }[];
}

/** Our kinds as CoNLL classes: facilities are places there, groups miscellaneous. */
export const KIND_TO_CLASS: Record<string, NerClass> = { person: 'PER', organization: 'ORG', location: 'LOC', facility: 'LOC', group: 'MISC', other: 'MISC' };

export function readConll(source: string): NerDocument[] {
  const documents: NerDocument[] = [];
  let text = '';
  let entities: NerDocument['entities'] = [];
  let open: { start: number; end: number; type: NerClass } | null = null;
  let lineStart = true;
  const close = () => {
    if (open) entities.push(open);
    open = null;
  };
  const finish = () => {
    close();
    if (text.trim()) documents.push({ text, entities });
    text = '';
    entities = [];
    lineStart = true;
  };
  for (const line of source.split(/\r?\n/)) {
    const [token, tag = 'O'] = line.trim().split(/\s+/);
    if (!token) {
      close();
      if (!lineStart) text += '\n';
      lineStart = true;
      continue;
    }
    if (token === '-DOCSTART-') {
      finish();
      continue;
    }
    if (!lineStart) text += ' ';
    lineStart = false;
    const start = text.length;
    text += token;
    const match = /^([BI])-(PER|ORG|LOC|MISC)$/.exec(tag);
    if (!match) close();
    else if (open && match[1] === 'I' && open.type === match[2]) open.end = text.length;
    else {
      close();
      open = { start, end: text.length, type: match[2] as NerClass };
    }
  }
  finish();
  return documents;
}

export interface NerCounts {
  gold: number;
  system: number;
  matched: number;
  typed: number;
}

/** Exact-span matches of suggestions (code point offsets into `document.text`) with the gold names of the classes asked for. */
export function countNer(document: NerDocument, suggestions: readonly Suggestion[], toUtf16: (codePoint: number) => number, classes: readonly NerClass[] = ['PER', 'ORG', 'LOC', 'MISC']): NerCounts {
  const gold = document.entities.filter((entity) => classes.includes(entity.type));
  const keyed = new Map(gold.map((entity) => [`${entity.start}:${entity.end}`, entity.type]));
  const system = suggestions.filter((s) => {
    const mapped = KIND_TO_CLASS[String(s.attributes.kind ?? 'other')] ?? 'MISC';
    return classes.includes(mapped) || keyed.has(`${toUtf16(s.start)}:${toUtf16(s.end)}`);
  });
  let matched = 0;
  let typed = 0;
  for (const s of system) {
    const type = keyed.get(`${toUtf16(s.start)}:${toUtf16(s.end)}`);
    if (!type) continue;
    matched++;
    if ((KIND_TO_CLASS[String(s.attributes.kind ?? 'other')] ?? 'MISC') === type) typed++;
  }
  return { gold: gold.length, system: system.length, matched, typed };
}

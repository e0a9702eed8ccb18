/**
 * brat standoff (`.txt` + `.ann`): T lines are spans (offsets in code points, as brat's
 * Python counts them), A lines attributes (a value, or true for binary ones), R lines and
 * `*` (Equiv) lines relations, N lines normalizations (the entity's id, kept as the
 * `entityId` attribute), `#` AnnotatorNotes the span's note. What Factmark does not model
 * (events, discontinuous spans, attributes of events) is reported by line, never dropped
 * silently.
 */
import type { Relation, Span } from '../../model/annotations.js';
import { createOffsetIndex } from '../../text/offsets.js';
import { makeQuote } from '../../text/quote.js';

export interface BratDocument {
  spans: Span[];
  relations: Relation[];
  /** Lines that were not taken in, with why: 1-based line numbers in the .ann file. */
  skipped: { line: number; text: string; reason: string }[];
}

/** The attribute that holds a brat normalization (N line): "RID:ID", e.g. "Wikipedia:534366". */
export const NORMALIZATION_ATTRIBUTE = 'entityId';

/** brat writes line breaks and tabs inside a span's covered text as spaces. */
export const flat = (text: string): string => text.replace(/[\r\n\t]/g, ' ');

export function parseBrat(ann: string, text: string, now: Date): BratDocument {
  const index = createOffsetIndex(text);
  const spans = new Map<string, Span>();
  const relations: Relation[] = [];
  const skipped: BratDocument['skipped'] = [];
  const stamp = now.toISOString();
  const lines = ann.split(/\r?\n/);
  const deferred: { line: number; raw: string }[] = [];

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    if (!raw.startsWith('T')) return deferred.push({ line, raw });
    const [id, middle, covered] = raw.split('\t');
    const match = /^(\S+) (\d+) (\d+)$/.exec(middle ?? '');
    if (!id || !match) {
      skipped.push({ line, text: raw, reason: (middle ?? '').includes(';') ? 'discontinuous span: Factmark spans are one stretch of text' : 'not a text-bound annotation line' });
      return;
    }
    const start = Number(match[2]);
    const end = Number(match[3]);
    if (end <= start || end > index.length) return skipped.push({ line, text: raw, reason: `offsets ${start}-${end} are outside the text` });
    // brat writes line breaks and tabs inside the covered text as spaces.
    if (covered !== undefined && flat(index.slice(start, end)) !== flat(covered)) return skipped.push({ line, text: raw, reason: `the text at ${start}-${end} is not "${covered}"` });
    spans.set(id, { id, label: match[1] as string, start, end, quote: makeQuote(index, start, end), attributes: {}, createdAt: stamp, updatedAt: stamp });
  });

  for (const { line, raw } of deferred) {
    const [id = '', middle = '', rest] = raw.split('\t');
    const parts = middle.split(' ');
    const kind = id.charAt(0);
    if (kind === 'A' || kind === 'M') {
      const [name, target, value] = parts;
      const span = target ? spans.get(target) : undefined;
      if (!name || !span) skipped.push({ line, text: raw, reason: `attribute of ${target ?? 'nothing'}, which is not a text span` });
      else span.attributes[name] = value ?? true;
    } else if (kind === 'R') {
      const [type, from, to] = parts;
      const fromId = from?.split(':')[1];
      const toId = to?.split(':')[1];
      if (!type || !fromId || !toId || !spans.has(fromId) || !spans.has(toId)) skipped.push({ line, text: raw, reason: 'relation between annotations that are not text spans' });
      else relations.push({ id, type, from: fromId, to: toId, ...(from?.split(':')[0] !== 'Arg1' || to?.split(':')[0] !== 'Arg2' ? { roles: [from?.split(':')[0], to?.split(':')[0]] } : {}) });
    } else if (kind === '*') {
      const [type, ...members] = parts;
      if (!type || members.length < 2 || members.some((member) => !spans.has(member))) skipped.push({ line, text: raw, reason: 'equivalence between annotations that are not text spans' });
      // An n-ary equivalence becomes a chain of pairs; it is written back as one line.
      else members.slice(1).forEach((member, k) => relations.push({ id: `*${line}-${k + 1}`, type, from: members[0] as string, to: member, equivalence: true }));
    } else if (kind === 'N') {
      // brat writes "N1<TAB>Reference T1 Wikipedia:534366<TAB>Name": a type, the
      // annotation, and the resource and id with a colon.
      const [, target, reference] = parts;
      const span = target ? spans.get(target) : undefined;
      if (parts.length < 3 || !target || !reference) skipped.push({ line, text: raw, reason: `a normalization needs "Reference T<n> RESOURCE:ID" after its id; this one has ${JSON.stringify(middle)}` });
      else if (!span) skipped.push({ line, text: raw, reason: `normalization of ${target}, which is not a text span of this file${target.startsWith('E') ? ' (an event)' : ''}` });
      else {
        span.attributes[NORMALIZATION_ATTRIBUTE] = reference;
        if (rest) span.attributes[`${NORMALIZATION_ATTRIBUTE}Name`] = rest;
      }
    } else if (kind === '#') {
      const target = parts[1];
      const span = target ? spans.get(target) : undefined;
      if (!span || rest === undefined) skipped.push({ line, text: raw, reason: 'note on something that is not a text span' });
      else span.note = span.note ? `${span.note}\n${rest}` : rest;
    } else {
      skipped.push({ line, text: raw, reason: kind === 'E' ? 'event: Factmark does not model events' : 'unknown line type' });
    }
  }
  return { spans: [...spans.values()], relations, skipped };
}


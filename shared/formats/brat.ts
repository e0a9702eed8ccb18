/**
 * brat standoff (`.txt` + `.ann`): T lines are spans (offsets in code points, as brat's
 * Python counts them), A lines attributes (a value, or true for binary ones), R lines and
 * `*` (Equiv) lines relations, N lines normalizations (the entity's id, kept as the
 * `entityId` attribute), `#` AnnotatorNotes the span's note. What Factmark does not model
 * (events, discontinuous spans, attributes of events) is reported by line, never dropped
 * silently.
 */
import type { AttributeValue, Relation, Span } from '../model/annotations.js';
import { createOffsetIndex } from '../text/offsets.js';
import { makeQuote } from '../text/quote.js';

export interface BratDocument {
  spans: Span[];
  relations: Relation[];
  /** Lines that were not taken in, with why: 1-based line numbers in the .ann file. */
  skipped: { line: number; text: string; reason: string }[];
}

/** The attribute that holds a brat normalization (N line): "RID:ID", e.g. "Wikipedia:534366". */
export const NORMALIZATION_ATTRIBUTE = 'entityId';

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
      const [, target, reference] = parts;
      const span = target ? spans.get(target) : undefined;
      if (!span || !reference) skipped.push({ line, text: raw, reason: 'normalization of something that is not a text span' });
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

/**
 * The .ann text for spans and relations (ids become T1..., R1..., A1... in order; an
 * attribute naming another span of the layer names its T id). `entityName` gives the
 * text of an N line for an entity reference the span itself does not name.
 */
export function writeBrat(spans: readonly Span[], relations: readonly Relation[], entityName: (id: string) => string | undefined = () => undefined): string {
  const out: string[] = [];
  const tid = new Map<string, string>();
  spans.forEach((span, i) => {
    const id = /^T\d+$/.test(span.id) && !tid.has(span.id) ? span.id : `T${i + 1}`;
    tid.set(span.id, id);
  });
  // Ids of spans that were not T-numbered may clash with ones that were: number afresh then.
  if (new Set(tid.values()).size !== tid.size) spans.forEach((span, i) => tid.set(span.id, `T${i + 1}`));
  for (const span of spans) out.push(`${tid.get(span.id)}\t${span.label} ${span.start} ${span.end}\t${flat(span.quote.exact)}`);
  let attributeCount = 0;
  let noteCount = 0;
  let normalizationCount = 0;
  for (const span of spans) {
    for (const [name, value] of Object.entries(span.attributes)) {
      if (name === NORMALIZATION_ATTRIBUTE && typeof value === 'string') {
        const named = span.attributes[`${NORMALIZATION_ATTRIBUTE}Name`];
        const label = typeof named === 'string' ? named : entityName(value);
        out.push(`N${++normalizationCount}\tReference ${tid.get(span.id)} ${value}${typeof label === 'string' ? `\t${label}` : ''}`);
      } else if (name === `${NORMALIZATION_ATTRIBUTE}Name` || value === null || value === false) {
        continue;
      } else {
        const target = typeof value === 'string' ? tid.get(value) : undefined;
        out.push(`A${++attributeCount}\t${name} ${tid.get(span.id)}${value === true ? '' : ` ${target ?? attributeText(value)}`}`);
      }
    }
    if (span.note) for (const note of span.note.split('\n')) out.push(`#${++noteCount}\tAnnotatorNotes ${tid.get(span.id)}\t${note}`);
  }
  let relationCount = 0;
  const equivalences = new Map<string, string[]>();
  for (const relation of relations) {
    if ((relation as { equivalence?: boolean }).equivalence) {
      const key = `${relation.type} ${relation.from}`;
      equivalences.set(key, [...(equivalences.get(key) ?? [tid.get(relation.from) as string]), tid.get(relation.to) as string]);
      continue;
    }
    const roles = (relation as { roles?: string[] }).roles ?? ['Arg1', 'Arg2'];
    out.push(`R${++relationCount}\t${relation.type} ${roles[0]}:${tid.get(relation.from)} ${roles[1]}:${tid.get(relation.to)}`);
  }
  for (const [key, members] of equivalences) out.push(`*\t${key.split(' ')[0]} ${members.join(' ')}`);
  return `${out.join('\n')}\n`;
}

const flat = (text: string) => text.replace(/[\r\n\t]/g, ' ');

function attributeText(value: AttributeValue): string {
  return Array.isArray(value) ? value.join(',') : String(value).replace(/\s+/g, '_');
}

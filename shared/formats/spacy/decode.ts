/**
 * spaCy / Prodigy JSONL records in: `{"text", "spans": [{"start", "end", "label"}]}`,
 * code point offsets (what Python's `text[start:end]` and spaCy's `doc.char_span` take).
 * Prodigy writes the same records with an `answer`: a rejected or ignored one says the
 * annotator turned the spans down, so they are reported, not taken in. Prodigy's
 * relations (`{"head_span", "child_span", "label"}`) join the spans at those offsets.
 */
import { z } from 'zod';
import { createOffsetIndex } from '../../text/offsets.js';
import { badRecord, foreignDocument, type ForeignRecord } from '../codec.js';

const SpacyRecord = z.looseObject({
  text: z.string({ error: 'no "text"' }),
  spans: z.array(z.unknown(), { error: '"spans" is not a list' }).optional(),
  relations: z.array(z.unknown(), { error: '"relations" is not a list' }).optional(),
  answer: z.string().optional(),
  _input_hash: z.number().optional(),
});
const SpacySpan = z.looseObject({ start: z.int().nonnegative(), end: z.int().nonnegative(), label: z.string().min(1) });
const Offsets = z.looseObject({ start: z.int().nonnegative(), end: z.int().nonnegative() });
const ProdigyRelation = z.looseObject({ head_span: Offsets, child_span: Offsets, label: z.string().min(1) });

/** One record back to text and code point spans, or what is wrong with it. */
export function fromSpacy(value: unknown): ForeignRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badRecord('not an object');
  const record = SpacyRecord.safeParse(value);
  if (!record.success) return badRecord(record.error.issues[0]?.message ?? 'not a spaCy record');
  const { text, answer } = record.data;
  const length = createOffsetIndex(text).length;
  const doc = foreignDocument(text, record.data._input_hash !== undefined ? { name: String(record.data._input_hash) } : {});
  const spans = record.data.spans ?? [];
  const relations = record.data.relations ?? [];
  if (answer !== undefined && answer !== 'accept') {
    if (spans.length + relations.length) doc.problems.push({ where: 'spans', reason: `the record's answer is "${answer}": its spans were not accepted`, annotations: spans.length + relations.length });
    return { ok: true, value: doc };
  }
  for (const [i, item] of spans.entries()) {
    const where = `span ${i + 1}`;
    const span = SpacySpan.safeParse(item);
    if (!span.success) {
      doc.problems.push({ where, reason: 'not {"start", "end", "label"}', annotations: 1 });
      continue;
    }
    const { start, end, label } = span.data;
    if (end <= start || end > length) doc.problems.push({ where, reason: `offsets ${start}-${end} are outside the text (${length} code points)`, annotations: 1 });
    else doc.spans.push({ start, end, label, where, id: `${start}-${end}` });
  }
  for (const [i, item] of relations.entries()) {
    const where = `relation ${i + 1}`;
    const relation = ProdigyRelation.safeParse(item);
    if (!relation.success) {
      doc.problems.push({ where, reason: 'not {"head_span", "child_span", "label"}', annotations: 1 });
      continue;
    }
    const [from, to] = [relation.data.head_span, relation.data.child_span].map((span) => `${span.start}-${span.end}`) as [string, string];
    if (![from, to].every((id) => doc.spans.some((span) => span.id === id))) doc.problems.push({ where, reason: `it joins ${from} and ${to}, which are not both spans of this record`, annotations: 1 });
    else doc.relations.push({ type: relation.data.label, from, to, where });
  }
  return { ok: true, value: doc };
}

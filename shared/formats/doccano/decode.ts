/**
 * doccano records in, in every shape its exports take:
 * - sequence labelling: `{"text", "label": [[start, end, "LABEL"], ...]}` (or "labels");
 * - relation extraction: `{"text", "entities": [{"id", "start_offset", "end_offset",
 *   "label"}], "relations": [{"id", "from_id", "to_id", "type"}]}`;
 * - doccano 1.x: `{"text", "annotations": [{"label": 12, "start_offset", "end_offset",
 *   "user": 1}]}`, labels by numeric id (named by doccano's label export, when given)
 *   and one layer per user;
 * - text classification (`"label": ["positive"]`): classes of the whole text, which
 *   are no spans: reported, not taken in.
 * Offsets are UTF-16 code units, as doccano counts them in JavaScript (doccano issue
 * #2290), converted to code points here. The column (CoNLL) shape is read by
 * ../conll/decode.ts.
 */
import { z } from 'zod';
import { createOffsetIndex, type OffsetIndex } from '../../text/offsets.js';
import { badRecord, foreignDocument, type ForeignDocument, type ForeignRecord } from '../codec.js';

const DoccanoRecord = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string({ error: 'no "text"' }),
  label: z.array(z.unknown(), { error: '"label" is not a list' }).optional(),
  column_label: z.array(z.unknown(), { error: '"column_label" is not a list' }).optional(),
  labels: z.array(z.unknown(), { error: '"labels" is not a list' }).optional(),
  entities: z.array(z.unknown(), { error: '"entities" is not a list' }).optional(),
  relations: z.array(z.unknown(), { error: '"relations" is not a list' }).optional(),
  annotations: z.array(z.unknown(), { error: '"annotations" is not a list' }).optional(),
});
const LabelTuple = z.tuple([z.int().nonnegative(), z.int().nonnegative(), z.union([z.string().min(1), z.int()])]).rest(z.unknown());
const LabelName = z.union([z.string().min(1), z.int()]);
const Entity = z.looseObject({ id: z.union([z.int(), z.string()]).optional(), start_offset: z.int().nonnegative(), end_offset: z.int().nonnegative(), label: LabelName });
const DoccanoRelation = z.looseObject({ id: z.union([z.int(), z.string()]).optional(), from_id: z.union([z.int(), z.string()]), to_id: z.union([z.int(), z.string()]), type: LabelName });
const Annotation1x = z.looseObject({ label: LabelName, start_offset: z.int().nonnegative().optional(), end_offset: z.int().nonnegative().optional(), user: z.union([z.int(), z.string()]).optional() });

/** doccano's label export (`[{"id": 12, "text": "LOC", ...}]`): id → name. */
export const DoccanoLabelList = z.array(z.looseObject({ id: z.union([z.int(), z.string()]), text: z.string().min(1) }));

export interface DoccanoOptions {
  /** Label id → name, for records that give labels by id (doccano 1.x). */
  labelNames?: ReadonlyMap<string, string>;
}

const MEANINGFUL = ['label', 'labels', 'column_label', 'entities', 'annotations'] as const;

/** One record back to text and code point spans, or what is wrong with it. */
export function fromDoccano(value: unknown, options: DoccanoOptions = {}): ForeignRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badRecord('not an object');
  // doccano's import lets the columns be named: its own example names them
  // "column_data" and "column_label".
  const fields = value as Record<string, unknown>;
  const renamed = fields.text === undefined && typeof fields.column_data === 'string' ? { ...fields, text: fields.column_data } : fields;
  const parsed = DoccanoRecord.safeParse(renamed);
  if (!parsed.success && renamed.text === undefined) {
    // No text, but annotations all the same: they are counted, never "nothing".
    const held = Object.values(renamed).reduce<number>((total, field) => total + (Array.isArray(field) ? field.length : 0), 0);
    return badRecord('no "text" (or "column_data"): its annotations have no text to sit on', held);
  }
  if (!parsed.success) return badRecord(parsed.error.issues[0]?.message ?? 'not a doccano record');
  const record = parsed.data;
  const { text } = record;
  const index = createOffsetIndex(text);
  const doc = foreignDocument(text, record.id !== undefined ? { name: String(record.id) } : {});
  const name = (label: string | number): string => (typeof label === 'number' ? (options.labelNames?.get(String(label)) ?? String(label)) : label);
  let byId = false;

  for (const [i, item] of [...(record.label ?? []), ...(record.labels ?? []), ...(record.column_label ?? [])].entries()) {
    const where = `label ${i + 1}`;
    if (typeof item === 'string') {
      doc.problems.push({ where, reason: `"${item}" is a class of the whole text (text classification), not a span`, annotations: 1 });
      continue;
    }
    const tuple = LabelTuple.safeParse(item);
    if (!tuple.success) {
      doc.problems.push({ where, reason: 'not [start, end, "LABEL"]', annotations: 1 });
      continue;
    }
    const [start, end, label] = tuple.data;
    byId ||= typeof label === 'number';
    addSpan(doc, index, { start, end, label: name(label), where });
  }

  for (const [i, item] of (record.entities ?? []).entries()) {
    const where = `entity ${i + 1}`;
    const entity = Entity.safeParse(item);
    if (!entity.success) {
      doc.problems.push({ where, reason: 'not {"start_offset", "end_offset", "label"}', annotations: 1 });
      continue;
    }
    byId ||= typeof entity.data.label === 'number';
    addSpan(doc, index, { start: entity.data.start_offset, end: entity.data.end_offset, label: name(entity.data.label), where, ...(entity.data.id !== undefined ? { id: String(entity.data.id) } : {}) });
  }
  for (const [i, item] of (record.relations ?? []).entries()) {
    const where = `relation ${i + 1}`;
    const relation = DoccanoRelation.safeParse(item);
    if (!relation.success) {
      doc.problems.push({ where, reason: 'not {"from_id", "to_id", "type"}', annotations: 1 });
      continue;
    }
    const { from_id: from, to_id: to, type } = relation.data;
    if (![from, to].every((id) => doc.spans.some((span) => span.id === String(id)))) {
      doc.problems.push({ where, reason: `it joins entity ids ${from} and ${to}, which are not both spans of this record`, annotations: 1 });
      continue;
    }
    doc.relations.push({ type: name(type), from: String(from), to: String(to), where, ...(relation.data.id !== undefined ? { id: String(relation.data.id) } : {}) });
  }

  for (const [i, item] of (record.annotations ?? []).entries()) {
    const where = `annotation ${i + 1}`;
    const annotation = Annotation1x.safeParse(item);
    if (!annotation.success) {
      doc.problems.push({ where, reason: 'not {"label", "start_offset", "end_offset"}', annotations: 1 });
      continue;
    }
    const { label, start_offset: start, end_offset: end, user } = annotation.data;
    byId ||= typeof label === 'number';
    if (start === undefined || end === undefined) {
      doc.problems.push({ where, reason: `label ${name(label)} is a class of the whole text, not a span`, annotations: 1 });
      continue;
    }
    // doccano 1.x keeps each user's annotations apart: so do we, one layer each.
    addSpan(doc, index, { start, end, label: name(label), where, ...(user !== undefined ? { annotator: `user-${user}` } : {}) });
  }

  if (byId && !options.labelNames) doc.notes = ['labels are given by doccano\'s numeric ids and named by them: give doccano\'s label export (labels.json beside the file, or --doccano-labels FILE) to have their names'];
  if (annotationsCount(doc) === 0 && !MEANINGFUL.some((key) => key in record)) {
    const lists = Object.entries(record).filter(([, field]) => Array.isArray(field)).map(([key]) => key);
    if (lists.length) return badRecord(`no "label", "labels", "entities" or "annotations"; its lists ${lists.map((key) => `"${key}"`).join(', ')} are no doccano shape Factmark knows`, 1);
  }
  return { ok: true, value: doc };
}

const annotationsCount = (doc: ForeignDocument) => doc.spans.length + doc.relations.length + doc.problems.length;

/** A span in UTF-16 offsets, checked and converted, or a problem of the record. */
function addSpan(doc: ForeignDocument, index: OffsetIndex, span: { start: number; end: number; label: string; where: string; id?: string; annotator?: string }): void {
  const { start, end } = span;
  if (end <= start || end > doc.text.length) {
    doc.problems.push({ where: span.where, reason: `offsets ${start}-${end} are outside the text (${doc.text.length} UTF-16 code units)`, annotations: 1 });
    return;
  }
  // An offset inside a surrogate pair would split a character: the file counted in
  // another unit (code points, or bytes).
  if (isLowSurrogate(doc.text.charCodeAt(start)) || isLowSurrogate(doc.text.charCodeAt(end))) {
    doc.problems.push({ where: span.where, reason: `offsets ${start}-${end} split a character in two: they are not UTF-16 code units`, annotations: 1 });
    return;
  }
  doc.spans.push({ ...span, start: index.toCodePoint(start), end: index.toCodePoint(end) });
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

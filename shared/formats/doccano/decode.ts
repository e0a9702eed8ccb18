/**
 * doccano sequence-labelling records in: `{"text", "label": [[start, end, "LABEL"], ...]}`
 * (or "labels"), offsets in UTF-16 code units, converted to code points here.
 */
import { z } from 'zod';
import { createOffsetIndex } from '../../text/offsets.js';
import { badRecord, type ForeignRecord, type ForeignSpan } from '../codec.js';

const DoccanoRecord = z.looseObject({
  text: z.string({ error: 'no "text"' }),
  label: z.array(z.unknown(), { error: '"label" is not a list' }).optional(),
  labels: z.array(z.unknown(), { error: '"labels" is not a list' }).optional(),
});
const DoccanoLabel = z.tuple([z.int().nonnegative(), z.int().nonnegative(), z.string().min(1)]).rest(z.unknown());

/** One record back to text and code point spans, or what is wrong with it. */
export function fromDoccano(value: unknown): ForeignRecord {
  if (typeof value !== 'object' || value === null) return badRecord('not an object');
  const record = DoccanoRecord.safeParse(value);
  if (!record.success) return badRecord(record.error.issues[0]?.message ?? 'not a doccano record');
  const { text } = record.data;
  const index = createOffsetIndex(text);
  const spans: ForeignSpan[] = [];
  for (const [i, item] of (record.data.label ?? record.data.labels ?? []).entries()) {
    const label = DoccanoLabel.safeParse(item);
    if (!label.success) return badRecord(`label ${i + 1} is not [start, end, "LABEL"]`);
    const [start, end, name] = label.data;
    if (end <= start || end > text.length) return badRecord(`label ${i + 1}: offsets ${start}-${end} are outside the text`);
    spans.push({ start: index.toCodePoint(start), end: index.toCodePoint(end), label: name });
  }
  return { ok: true, value: { text, spans } };
}

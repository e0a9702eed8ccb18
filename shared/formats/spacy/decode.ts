/** spaCy JSONL records in: `{"text", "spans": [{"start", "end", "label"}]}`, code point offsets. */
import { z } from 'zod';
import { createOffsetIndex } from '../../text/offsets.js';
import { badRecord, type ForeignRecord, type ForeignSpan } from '../codec.js';

const SpacyRecord = z.looseObject({ text: z.string({ error: 'no "text"' }), spans: z.array(z.unknown(), { error: '"spans" is not a list' }).optional() });
const SpacySpan = z.looseObject({ start: z.int().nonnegative(), end: z.int().nonnegative(), label: z.string().min(1) });

/** One record back to text and code point spans, or what is wrong with it. */
export function fromSpacy(value: unknown): ForeignRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badRecord('not an object');
  const record = SpacyRecord.safeParse(value);
  if (!record.success) return badRecord(record.error.issues[0]?.message ?? 'not a spaCy record');
  const { text } = record.data;
  const length = createOffsetIndex(text).length;
  const spans: ForeignSpan[] = [];
  for (const [i, item] of (record.data.spans ?? []).entries()) {
    const span = SpacySpan.safeParse(item);
    if (!span.success) return badRecord(`span ${i + 1} is not {"start", "end", "label"}`);
    const { start, end, label } = span.data;
    if (end <= start || end > length) return badRecord(`span ${i + 1}: offsets ${start}-${end} are outside the text`);
    spans.push({ start, end, label });
  }
  return { ok: true, value: { text, spans } };
}

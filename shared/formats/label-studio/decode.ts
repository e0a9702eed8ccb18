/**
 * Label Studio tasks in: `{"data": {"text"}, "annotations": [{"result": [{"type":
 * "labels", "value": {"start", "end", "text", "labels"}}]}]}`, code point offsets (Label
 * Studio stores code points since its PR #1559), each result's `text` checked against them.
 */
import { z } from 'zod';
import { createOffsetIndex } from '../../text/offsets.js';
import { badRecord, type ForeignRecord, type ForeignSpan } from '../codec.js';

const Result = z.looseObject({ type: z.string().optional(), value: z.unknown() });
const Task = z.looseObject({
  data: z.looseObject({ text: z.string() }, { error: 'no data.text' }),
  annotations: z.array(z.looseObject({ result: z.array(Result).default([]) })).optional(),
  completions: z.array(z.looseObject({ result: z.array(Result).default([]) })).optional(),
});
const LabelsValue = z.looseObject({ start: z.int().nonnegative(), end: z.int().nonnegative(), text: z.string().optional(), labels: z.array(z.string()).min(1) });

/** The tasks in a Label Studio export (a list, or one task). */
export function labelStudioTasks(json: unknown): unknown[] {
  return Array.isArray(json) ? json : [json];
}

/** A task's text and the spans of its first annotation, or what is wrong with it. */
export function fromLabelStudio(value: unknown): ForeignRecord {
  const task = Task.safeParse(value);
  if (!task.success) return badRecord('no data.text');
  const { text } = task.data.data;
  const index = createOffsetIndex(text);
  const results = (task.data.annotations ?? task.data.completions ?? [])[0]?.result ?? [];
  const spans: ForeignSpan[] = [];
  for (const [i, item] of results.entries()) {
    if (item.type !== 'labels') continue;
    const parsed = LabelsValue.safeParse(item.value);
    if (!parsed.success) return badRecord(`result ${i + 1} has no start, end and labels`);
    const { start, end, labels } = parsed.data;
    if (end <= start || end > index.length) return badRecord(`result ${i + 1}: offsets ${start}-${end} are outside the text`);
    if (parsed.data.text !== undefined && index.slice(start, end) !== parsed.data.text) return badRecord(`result ${i + 1}: the text at ${start}-${end} is not "${parsed.data.text}"`);
    spans.push({ start, end, label: labels[0] as string });
  }
  return { ok: true, value: { text, spans } };
}

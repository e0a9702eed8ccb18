/**
 * Label Studio tasks in: `{"data": {"text"}, "annotations": [{"completed_by", "result":
 * [{"id", "from_name", "to_name", "type": "labels", "value": {"start", "end", "text",
 * "labels"}}, {"type": "relation", "from_id", "to_id", "labels"}]}]}`. Each annotation
 * is one person's work: its spans keep a readable name of its `completed_by` (the
 * e-mail's name, or `user-<id>`), so the import can keep the annotators apart. Offsets
 * are code points (Label Studio stores them so since its PR #1559), and each result's
 * `text` is checked against them. Results of other kinds (choices, ratings, regions in
 * HTML by XPath) and model predictions are reported, not taken in.
 */
import { z } from 'zod';
import { toAnnotatorName } from '../../model/common.js';
import { createOffsetIndex } from '../../text/offsets.js';
import { badRecord, foreignDocument, type ForeignDocument, type ForeignRecord } from '../codec.js';

const Result = z.looseObject({ id: z.string().optional(), type: z.string().optional(), from_name: z.string().optional(), to_name: z.string().optional(), value: z.unknown().optional() });
const Annotation = z.looseObject({ id: z.union([z.int(), z.string()]).optional(), completed_by: z.unknown().optional(), was_cancelled: z.boolean().optional(), result: z.array(z.unknown()).default([]) });
const Task = z.looseObject({
  id: z.union([z.int(), z.string()]).optional(),
  data: z.record(z.string(), z.unknown(), { error: 'no "data"' }),
  annotations: z.array(z.unknown()).optional(),
  completions: z.array(z.unknown()).optional(),
  predictions: z.array(z.unknown()).optional(),
});
const LabelsValue = z.looseObject({ start: z.int().nonnegative(), end: z.int().nonnegative(), text: z.string().optional(), labels: z.array(z.string()).min(1) });
const RelationResult = z.looseObject({ from_id: z.string(), to_id: z.string(), direction: z.string().optional(), labels: z.array(z.string()).optional() });
const User = z.looseObject({ id: z.union([z.int(), z.string()]).optional(), email: z.string().optional(), username: z.string().optional() });

/** The tasks in a Label Studio export (a list, or one task). */
export function labelStudioTasks(json: unknown): unknown[] {
  return Array.isArray(json) ? json : [json];
}

/** What an export needs to give Label Studio back its own names. */
export interface LabelStudioNames {
  fromName: string;
  toName: string;
  dataKey: string;
}

/**
 * A readable annotator name for `completed_by`: a number (user id), an e-mail, or a
 * user object as Label Studio writes them. Null when it says nothing.
 */
export function labelStudioAnnotator(completedBy: unknown): string | null {
  if (typeof completedBy === 'number') return `user-${completedBy}`;
  if (typeof completedBy === 'string') return toAnnotatorName(completedBy.split('@')[0] ?? completedBy) ?? toAnnotatorName(completedBy);
  const user = User.safeParse(completedBy);
  if (!user.success) return null;
  if (user.data.email) return labelStudioAnnotator(user.data.email);
  if (user.data.username) return labelStudioAnnotator(user.data.username);
  return user.data.id !== undefined ? labelStudioAnnotator(user.data.id) : null;
}

/**
 * The field of `data` that holds the text: "text", or the one string field every
 * labelled result's text is found in.
 */
function textField(data: Record<string, unknown>, results: readonly { value?: unknown }[]): string | null {
  if (typeof data.text === 'string') return 'text';
  const strings = Object.entries(data).filter(([, value]) => typeof value === 'string') as [string, string][];
  const quotes = results.map((result) => LabelsValue.safeParse(result.value)).flatMap((value) => (value.success && value.data.text ? [value.data.text] : []));
  const fits = strings.filter(([, text]) => quotes.every((quote) => text.includes(quote)));
  if (fits.length === 1 || (fits.length && quotes.length)) return (fits[0] as [string, string])[0];
  // One text field whose results do not fit it: taken, so each result says what is wrong.
  return strings.length === 1 ? (strings[0] as [string, string])[0] : null;
}

/** A task's text with every annotation's spans and relations, or what is wrong with it. */
export function fromLabelStudio(value: unknown): ForeignRecord & { names?: LabelStudioNames } {
  const task = Task.safeParse(value);
  if (!task.success) return badRecord('not a Label Studio task (no "data")');
  const annotations = (task.data.annotations ?? task.data.completions ?? []).map((item) => Annotation.safeParse(item));
  const results = annotations.flatMap((annotation) => (annotation.success ? annotation.data.result : [])).map((result) => Result.safeParse(result)).flatMap((result) => (result.success ? [result.data] : []));
  const key = textField(task.data.data, results);
  if (!key) return badRecord('no field of "data" holds the text its results are in: Factmark imports text tasks', results.length);
  const text = task.data.data[key] as string;
  const index = createOffsetIndex(text);
  const doc: ForeignDocument = foreignDocument(text, task.data.id !== undefined ? { name: String(task.data.id) } : {});
  let names: LabelStudioNames | undefined;

  annotations.forEach((annotation, a) => {
    const at = `annotation ${a + 1}`;
    if (!annotation.success) {
      doc.problems.push({ where: at, reason: 'not an annotation with a "result" list', annotations: 1 });
      return;
    }
    const annotator = labelStudioAnnotator(annotation.data.completed_by) ?? undefined;
    const regions = new Map<string, string>();
    annotation.data.result.forEach((raw, r) => {
      const where = `${at}, result ${r + 1}`;
      const result = Result.safeParse(raw);
      if (!result.success) return doc.problems.push({ where, reason: 'not a result object', annotations: 1 });
      const { type } = result.data;
      if (type === 'relation') return;
      if (type !== 'labels' && type !== 'hypertextlabels') return doc.problems.push({ where, reason: `a "${type ?? 'untyped'}" result is no text span`, annotations: 1 });
      const parsed = LabelsValue.safeParse(result.data.value);
      if (!parsed.success) {
        const xpath = typeof (result.data.value as { start?: unknown } | null)?.start === 'string';
        return doc.problems.push({ where, reason: xpath ? 'its region is given by XPath in HTML, not by offsets in the text' : 'no start, end and labels', annotations: 1 });
      }
      const { start, end, labels } = parsed.data;
      if (end <= start || end > index.length) return doc.problems.push({ where, reason: `offsets ${start}-${end} are outside the text (${index.length} code points)`, annotations: labels.length });
      if (parsed.data.text !== undefined && index.slice(start, end) !== parsed.data.text) return doc.problems.push({ where, reason: `the text at ${start}-${end} is not "${parsed.data.text}"`, annotations: labels.length });
      names ??= { fromName: result.data.from_name ?? 'label', toName: result.data.to_name ?? 'text', dataKey: key };
      // A region with several labels is one span per label.
      labels.forEach((label, l) => {
        const id = result.data.id !== undefined ? `${a}:${result.data.id}${l ? `:${l}` : ''}` : `${a}:${r}:${l}`;
        if (result.data.id !== undefined && l === 0) regions.set(result.data.id, id);
        doc.spans.push({ start, end, label, id, where, ...(annotator ? { annotator } : {}) });
      });
    });
    annotation.data.result.forEach((raw, r) => {
      const result = Result.safeParse(raw);
      if (!result.success || result.data.type !== 'relation') return;
      const where = `${at}, result ${r + 1}`;
      const relation = RelationResult.safeParse(raw);
      if (!relation.success) return doc.problems.push({ where, reason: 'a relation without from_id and to_id', annotations: 1 });
      const from = regions.get(relation.data.direction === 'left' ? relation.data.to_id : relation.data.from_id);
      const to = regions.get(relation.data.direction === 'left' ? relation.data.from_id : relation.data.to_id);
      if (!from || !to) return doc.problems.push({ where, reason: `it joins regions ${relation.data.from_id} and ${relation.data.to_id}, which are not both text spans of this annotation`, annotations: 1 });
      // An unlabelled relation is Label Studio's plain link.
      for (const type of relation.data.labels?.length ? relation.data.labels : ['relation']) doc.relations.push({ type, from, to, where, ...(annotator ? { annotator } : {}) });
    });
  });
  // Predictions are a model's, not a person's: said, not taken in.
  (task.data.predictions ?? []).forEach((prediction, p) => {
    const count = Annotation.safeParse(prediction).data?.result.length ?? 1;
    if (count) doc.problems.push({ where: `prediction ${p + 1}`, reason: 'a model\'s prediction, not an annotation: import it from an export of accepted annotations', annotations: count });
  });
  return names ? { ok: true, value: doc, names } : { ok: true, value: doc };
}

/** factmark.json: the project manifest. */
import { z } from 'zod';
import { Timestamp, formatTag } from './common.js';
import { LabelDef, RelationTypeDef } from './labels.js';

export const PROJECT_FORMAT = 'factmark-project';

/**
 * What another tool's files named that Factmark's model has no place for, kept so an
 * export gives it back: Label Studio's control and object tag names (`from_name`,
 * `to_name`) and the task field the text came from. Optional: older files lack it.
 */
export const Interchange = z.looseObject({
  labelStudio: z
    .looseObject({
      fromName: z.string().min(1).describe('The Labels control\'s name (`from_name` in results)'),
      toName: z.string().min(1).describe('The Text object\'s name (`to_name` in results)'),
      dataKey: z.string().min(1).describe('The field of `data` that holds the text'),
    })
    .optional(),
});
export type Interchange = z.infer<typeof Interchange>;

/** The manifest's content, shared by factmark.json and the corpus export. */
export const projectFields = {
  name: z.string().min(1),
  createdAt: Timestamp,
  labels: z.array(LabelDef).min(1).describe('The label schema'),
  relationTypes: z.array(RelationTypeDef).default([]),
  interchange: Interchange.optional(),
};

/** Label ids and keys are unique; relation types name existing labels. */
export function checkLabelSchema(
  manifest: { labels: LabelDef[]; relationTypes: RelationTypeDef[] },
  ctx: z.RefinementCtx,
): void {
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  manifest.labels.forEach((label, i) => {
    const sameId = ids.get(label.id);
    if (sameId !== undefined) ctx.addIssue({ code: 'custom', path: ['labels', i, 'id'], message: `label id "${label.id}" is also used by labels[${sameId}]` });
    const sameKey = keys.get(label.key);
    if (sameKey !== undefined) ctx.addIssue({ code: 'custom', path: ['labels', i, 'key'], message: `key "${label.key}" is also used by labels[${sameKey}]` });
    ids.set(label.id, i);
    keys.set(label.key, i);
  });
  manifest.relationTypes.forEach((type, i) => {
    for (const side of ['from', 'to'] as const) {
      type[side].forEach((labelId, j) => {
        if (!ids.has(labelId)) ctx.addIssue({ code: 'custom', path: ['relationTypes', i, side, j], message: `no label "${labelId}"` });
      });
      type.rules?.forEach((rule, r) => {
        rule[side].forEach((labelId, j) => {
          if (!type[side].includes(labelId)) ctx.addIssue({ code: 'custom', path: ['relationTypes', i, 'rules', r, side, j], message: `"${labelId}" is not in the type's "${side}" list` });
        });
      });
    }
  });
}

export const ProjectManifest = z
  .looseObject({ format: formatTag(PROJECT_FORMAT), version: z.literal(1), ...projectFields })
  .superRefine(checkLabelSchema);
export type ProjectManifest = z.infer<typeof ProjectManifest>;

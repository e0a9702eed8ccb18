/** factmark.json: the project manifest. */
import { z } from 'zod';
import { Timestamp, formatTag } from './common.js';
import { LabelDef, RelationTypeDef } from './labels.js';

export const PROJECT_FORMAT = 'factmark-project';

/** The manifest's content, shared by factmark.json and the corpus export. */
export const projectFields = {
  name: z.string().min(1),
  createdAt: Timestamp,
  labels: z.array(LabelDef).min(1).describe('The label schema'),
  relationTypes: z.array(RelationTypeDef).default([]),
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
    }
  });
}

export const ProjectManifest = z
  .looseObject({ format: formatTag(PROJECT_FORMAT), version: z.literal(1), ...projectFields })
  .superRefine(checkLabelSchema);
export type ProjectManifest = z.infer<typeof ProjectManifest>;

/** entities.json: canonical real-world entities shared across documents. */
import { z } from 'zod';
import { OpaqueId, formatTag } from './common.js';

export const ENTITIES_FORMAT = 'factmark-entities';

export const CanonicalEntity = z.looseObject({
  id: OpaqueId,
  name: z.string().min(1),
  kind: z.string().min(1).describe('Usually one of the entity label\'s kinds'),
  aliases: z.array(z.string().min(1)).default([]).describe('Other names that refer to it, e.g. "K1", "K-1"'),
  note: z.string().optional(),
  links: z.array(z.url()).optional().describe('Reference pages, e.g. a Wikidata item'),
});
export type CanonicalEntity = z.infer<typeof CanonicalEntity>;

/** Entity ids are unique in the registry. */
export const CanonicalEntities = z.array(CanonicalEntity).superRefine((entities, ctx) => {
  const ids = new Set<string>();
  entities.forEach((entity, i) => {
    if (ids.has(entity.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `entity id "${entity.id}" is used twice` });
    ids.add(entity.id);
  });
});

export const EntityRegistry = z.looseObject({
  format: formatTag(ENTITIES_FORMAT),
  version: z.literal(1),
  entities: CanonicalEntities,
});
export type EntityRegistry = z.infer<typeof EntityRegistry>;

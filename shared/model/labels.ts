/**
 * The label schema: which labels a project tags with, their keys and colours, and the
 * typed attributes each label's spans carry. Lives in factmark.json.
 */
import { z } from 'zod';
import { OpaqueId } from './common.js';

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d4ed8');

const AttributeBase = {
  id: OpaqueId.describe('Key of the value in a span\'s `attributes`'),
  name: z.string().min(1).describe('Shown to the analyst'),
  description: z.string().optional(),
};

export const EnumAttribute = z.looseObject({
  ...AttributeBase,
  type: z.literal('enum'),
  values: z.array(z.string().min(1)).min(1),
  default: z.string().optional().describe('Filled in on new spans'),
});

/**
 * A reference to another span in the same layer (`span`, or `span:<label>` to allow only
 * spans of that label), to a canonical entity in entities.json (`entity`), to a canonical
 * claim in claims.json (`claim`), or, where
 * `text` is allowed, plain words when there is nothing to point at (a claimant the
 * article names only as "a Pentagon spokesman").
 */
export const RefTarget = z.union([z.literal('entity'), z.literal('claim'), z.literal('span'), z.literal('text'), z.string().regex(/^span:.+$/)]);

export const RefAttribute = z.looseObject({
  ...AttributeBase,
  type: z.literal('ref'),
  to: z.array(RefTarget).min(1),
});

/** A TIMEX3 value (2020-03-29, 2020-03, 2020, 2020-W13, P3D, ...) resolved against meta.published. */
export const TimexAttribute = z.looseObject({ ...AttributeBase, type: z.literal('timex') });
export const TextAttribute = z.looseObject({ ...AttributeBase, type: z.literal('text') });
export const BooleanAttribute = z.looseObject({ ...AttributeBase, type: z.literal('boolean'), default: z.boolean().optional() });

export const AttributeDef = z.discriminatedUnion('type', [
  EnumAttribute,
  RefAttribute,
  TimexAttribute,
  TextAttribute,
  BooleanAttribute,
]);
export type AttributeDef = z.infer<typeof AttributeDef>;

export const LabelDef = z
  .looseObject({
    id: OpaqueId.describe('Stored in each span\'s `label`'),
    name: z.string().min(1),
    key: z.string().regex(/^[0-9a-z]$/, 'must be one digit or lower-case letter').describe('Keyboard shortcut'),
    color: z.looseObject({ light: HexColor, dark: HexColor }).describe('Highlight colour per theme'),
    attributes: z.array(AttributeDef).default([]),
  })
  .superRefine((label, ctx) => {
    const seen = new Set<string>();
    label.attributes.forEach((attribute, i) => {
      if (seen.has(attribute.id)) {
        ctx.addIssue({ code: 'custom', path: ['attributes', i, 'id'], message: `attribute id "${attribute.id}" is used twice` });
      }
      seen.add(attribute.id);
      if (attribute.type === 'enum' && attribute.default !== undefined && !attribute.values.includes(attribute.default)) {
        ctx.addIssue({ code: 'custom', path: ['attributes', i, 'default'], message: `default "${attribute.default}" is not one of the values` });
      }
    });
  });
export type LabelDef = z.infer<typeof LabelDef>;

/** One pair of argument lists a relation type allows (brat writes one line per pair). */
export const RelationRule = z.looseObject({
  from: z.array(OpaqueId).min(1),
  to: z.array(OpaqueId).min(1),
});
export type RelationRule = z.infer<typeof RelationRule>;

export const RelationTypeDef = z.looseObject({
  id: OpaqueId,
  name: z.string().optional(),
  from: z.array(OpaqueId).min(1).describe('Label ids allowed at the start'),
  to: z.array(OpaqueId).min(1).describe('Label ids allowed at the end'),
  // Optional, so files written before it still read; `from` and `to` stay the union of
  // the rules, so a reader that knows nothing of rules allows no less than before.
  rules: z
    .array(RelationRule)
    .min(1)
    .optional()
    .describe('When given, a relation must fit one of these pairs (a from-label and a to-label of the same rule), as brat\'s annotation.conf states them line by line'),
});
export type RelationTypeDef = z.infer<typeof RelationTypeDef>;

/** annotations/<annotator>/<documentId>.json: one annotator's layer on one document. */
import { z } from 'zod';
import { codePointLength } from '../text/offsets.js';
import { AnnotatorName, DocumentId, OpaqueId, Sha256, Timestamp, formatTag } from './common.js';

export const ANNOTATIONS_FORMAT = 'factmark-annotations';

export const QuoteSelector = z.looseObject({
  exact: z.string().min(1).describe('The code point slice text[start:end]'),
  prefix: z.string().describe('Up to 32 code points before the span'),
  suffix: z.string().describe('Up to 32 code points after the span'),
});

/** Attribute values, keyed by the attribute id from the label schema. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/**
 * A rule JSON Schema cannot state, broken: where (a path below the checked value) and
 * why. The refinements below are plain functions so that a fast validator of the same
 * format (main/store/fast-accept.ts) applies exactly the same rules.
 */
export interface RuleProblem {
  path: (string | number)[];
  message: string;
}

/** A span ends after it starts, and its quote is as long as the text it covers. */
export function spanProblem(span: { start: number; end: number; quote: { exact: string } }): RuleProblem | null {
  if (span.end <= span.start) return { path: ['end'], message: `end (${span.end}) must be greater than start (${span.start})` };
  // Whether the quote equals the text is checked against the document (see
  // checkLayerAgainstText), which this file cannot see.
  const length = codePointLength(span.quote.exact);
  if (length !== span.end - span.start) return { path: ['quote', 'exact'], message: `is ${length} code points long but the span covers ${span.end - span.start}` };
  return null;
}

export const Span = z
  .looseObject({
    id: OpaqueId,
    label: OpaqueId.describe('A label id from factmark.json'),
    start: z.int().nonnegative().describe('Code point offset, inclusive'),
    end: z.int().nonnegative().describe('Code point offset, exclusive'),
    quote: QuoteSelector,
    attributes: z.record(z.string(), AttributeValue).default({}),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    note: z.string().optional().describe('Free-text note'),
  })
  .superRefine((span, ctx) => {
    const problem = spanProblem(span);
    if (problem) ctx.addIssue({ code: 'custom', ...problem });
  });
export type Span = z.infer<typeof Span>;

export const Relation = z.looseObject({
  id: OpaqueId,
  type: OpaqueId.describe('A relation type id from factmark.json'),
  from: OpaqueId.describe('Span id'),
  to: OpaqueId.describe('Span id'),
});
export type Relation = z.infer<typeof Relation>;

/**
 * What a reviewed layer remembers of its review: the two layers it adjudicates, and their
 * spans the reviewer turned down (a rejection leaves no span behind, so it is written
 * down here; accepted and edited spans are in the layer itself).
 */
export const ReviewRecord = z.looseObject({
  compared: z.array(AnnotatorName).length(2).describe('The annotators whose layers this one reviews'),
  rejected: z
    .array(z.looseObject({ annotator: AnnotatorName, label: OpaqueId, start: z.int().nonnegative(), end: z.int().nonnegative() }))
    .default([])
    .describe('Spans of theirs the reviewer turned down, by annotator, label and offsets'),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

export const LayerStatus = z.enum(['not-started', 'in-progress', 'done']);
export type LayerStatus = z.infer<typeof LayerStatus>;

/** The body of a layer, shared by the annotation file and the corpus export. */
export const layerFields = {
  documentSha256: Sha256.describe('sha256 of the document text these offsets were made against'),
  annotator: AnnotatorName,
  status: LayerStatus,
  updatedAt: Timestamp,
  spans: z.array(Span),
  relations: z.array(Relation).default([]),
  review: ReviewRecord.optional().describe('Only in a reviewed layer: what the review decided that the spans cannot show'),
  rejectedSuggestions: z
    .array(z.looseObject({ label: OpaqueId, start: z.int().nonnegative(), end: z.int().nonnegative() }))
    .optional()
    .describe('Suggestions this annotator turned down, so they are not offered again'),
};

/** Span and relation ids are unique in a layer; relations join spans of the same layer. */
export function layerIdProblems(layer: { spans: readonly Span[]; relations: readonly Relation[] }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const spanIds = new Set<string>();
  layer.spans.forEach((span, i) => {
    if (spanIds.has(span.id)) problems.push({ path: ['spans', i, 'id'], message: `span id "${span.id}" is used twice` });
    spanIds.add(span.id);
  });
  const relationIds = new Set<string>();
  layer.relations.forEach((relation, i) => {
    if (relationIds.has(relation.id)) problems.push({ path: ['relations', i, 'id'], message: `relation id "${relation.id}" is used twice` });
    relationIds.add(relation.id);
    for (const end of ['from', 'to'] as const) {
      if (!spanIds.has(relation[end])) problems.push({ path: ['relations', i, end], message: `no span "${relation[end]}" in this layer` });
    }
  });
  return problems;
}

export function checkLayerIds(layer: { spans: Span[]; relations: Relation[] }, ctx: z.RefinementCtx): void {
  for (const problem of layerIdProblems(layer)) ctx.addIssue({ code: 'custom', ...problem });
}

/** Every rule of a layer that its JSON Schema cannot state holds. */
export function layerRulesHold(layer: { spans: readonly Span[]; relations: readonly Relation[] }): boolean {
  return layer.spans.every((span) => spanProblem(span) === null) && layerIdProblems(layer).length === 0;
}

export const AnnotationLayer = z
  .looseObject({
    format: formatTag(ANNOTATIONS_FORMAT),
    version: z.literal(1),
    document: DocumentId,
    ...layerFields,
  })
  .superRefine(checkLayerIds);
export type AnnotationLayer = z.infer<typeof AnnotationLayer>;

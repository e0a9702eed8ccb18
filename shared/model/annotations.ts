/** annotations/<annotator>/<documentId>.json: one annotator's layer on one document. */
import { z } from 'zod';
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
    if (span.end <= span.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${span.end}) must be greater than start (${span.start})` });
    // The quote must be as long as the span; whether it equals the text is checked
    // against the document (see checkLayerAgainstText), which this file cannot see.
    else if ([...span.quote.exact].length !== span.end - span.start) {
      ctx.addIssue({ code: 'custom', path: ['quote', 'exact'], message: `is ${[...span.quote.exact].length} code points long but the span covers ${span.end - span.start}` });
    }
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
export function checkLayerIds(layer: { spans: Span[]; relations: Relation[] }, ctx: z.RefinementCtx): void {
  const spanIds = new Set<string>();
  layer.spans.forEach((span, i) => {
    if (spanIds.has(span.id)) ctx.addIssue({ code: 'custom', path: ['spans', i, 'id'], message: `span id "${span.id}" is used twice` });
    spanIds.add(span.id);
  });
  const relationIds = new Set<string>();
  layer.relations.forEach((relation, i) => {
    if (relationIds.has(relation.id)) ctx.addIssue({ code: 'custom', path: ['relations', i, 'id'], message: `relation id "${relation.id}" is used twice` });
    relationIds.add(relation.id);
    for (const end of ['from', 'to'] as const) {
      if (!spanIds.has(relation[end])) ctx.addIssue({ code: 'custom', path: ['relations', i, end], message: `no span "${relation[end]}" in this layer` });
    }
  });
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

/** A claim span linked to a canonical claim, as the match inbox, the CLI and the api send it. */
import { z } from 'zod';
import { CarriedAs, SpanRef } from '../model/claims.js';
import { DocumentId, OpaqueId } from '../model/common.js';

export const ClaimLink = z.strictObject({
  documentId: DocumentId,
  spanId: z.string().min(1),
  /** null unlinks. */
  claimId: z.string().min(1).nullable(),
  /** How the article carries it, when known. */
  carriedAs: CarriedAs.optional(),
});
export type ClaimLink = z.infer<typeof ClaimLink>;

/** A match proposal the analyst accepted, as the inbox and the CLI send it: a proposal as matchClaims gave it (its reasons are dropped here, not needed to accept). */
export const AcceptedMatchInput = z.object({
  span: SpanRef,
  target: z.union([z.strictObject({ claimId: OpaqueId }), z.strictObject({ span: SpanRef })]),
  score: z.number().min(0).max(1),
});

/** A claim span linked to a canonical claim, as the match inbox, the CLI and the api send it. */
import { z } from 'zod';
import { CarriedAs } from '../model/claims.js';
import { DocumentId } from '../model/common.js';

export const ClaimLink = z.strictObject({
  documentId: DocumentId,
  spanId: z.string().min(1),
  /** null unlinks. */
  claimId: z.string().min(1).nullable(),
  /** How the article carries it, when known. */
  carriedAs: CarriedAs.optional(),
});
export type ClaimLink = z.infer<typeof ClaimLink>;

/**
 * claims.json: canonical claims shared across documents, as entities.json holds canonical
 * entities. A claim span in any layer links to one (its `claimId` attribute) and says how
 * its article carries it (`carriedAs`); the canonical claim holds what is checked once for
 * every outlet that repeats it: the wording, who said it, the time it is about, the
 * checking workflow (status, verdict, sign-off) and the evidence.
 *
 * Everything here is keyed by id and changed field by field, so that two people's
 * versions merge by id (git sync) and a later write never silently drops another's.
 */
import { z } from 'zod';
import { AnnotatorName, DocumentId, OpaqueId, Timestamp, formatTag } from './common.js';

export const CLAIMS_FORMAT = 'factmark-claims';

/** The checking workflow, in order. */
export const CLAIM_STATUSES = ['unverified', 'researching', 'rated', 'reviewed'] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/**
 * Ratings, from true to false, then the ones off that scale. The same words as a claim
 * span's own `verdict` attribute (default-labels.ts), so a span's verdict and its canonical
 * claim's read alike.
 */
export const RATINGS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unprovable'] as const;
export const Rating = z.enum(RATINGS);
export type Rating = z.infer<typeof Rating>;

/** How an article carries a claim it reports. */
export const CARRIED_AS = ['direct-quote', 'reported-speech', 'assertion'] as const;
export const CarriedAs = z.enum(CARRIED_AS);
export type CarriedAs = z.infer<typeof CarriedAs>;

/** Who made the claim: a canonical entity, or words when there is none ("a Pentagon spokesman"). */
export const Claimant = z.union([
  z.strictObject({ entityId: OpaqueId.describe('An entity id in entities.json') }),
  z.strictObject({ text: z.string().trim().min(1).max(500) }),
]);
export type Claimant = z.infer<typeof Claimant>;

/** The time a claim is about, as TIMEX3 (2020-03-29, 2020-03, 2020-W13), with the words for it. */
export const ClaimTime = z.looseObject({
  value: z.string().min(1).max(100).describe('A TIMEX3 value'),
  text: z.string().max(200).optional().describe('As people said it, e.g. "on Sunday"'),
});
export type ClaimTime = z.infer<typeof ClaimTime>;

/** One step of the workflow: who moved the claim, from where to where, when. */
export const StatusChange = z.looseObject({
  from: ClaimStatus,
  to: ClaimStatus,
  by: AnnotatorName,
  at: Timestamp,
  note: z.string().max(2000).optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const Verdict = z.looseObject({
  rating: Rating,
  explanation: z.string().max(20_000).optional().describe('Why: the reviewBody of a ClaimReview'),
  by: AnnotatorName,
  at: Timestamp,
});
export type Verdict = z.infer<typeof Verdict>;

/** A span in some document of the project (any annotator's layer). */
export const SpanRef = z.strictObject({
  documentId: DocumentId,
  annotator: AnnotatorName,
  spanId: OpaqueId,
});
export type SpanRef = z.infer<typeof SpanRef>;

export const EVIDENCE_STANCES = ['supports', 'refutes', 'context'] as const;
export const EvidenceStance = z.enum(EVIDENCE_STANCES);
export type EvidenceStance = z.infer<typeof EvidenceStance>;

/** Evidence for or against a claim: a span of another document, or a page on the web. */
export const Evidence = z.looseObject({
  id: OpaqueId,
  stance: EvidenceStance,
  source: z.union([
    z.strictObject({ span: SpanRef, quote: z.string().max(5000).describe('The span\'s text when it was added, shown if the span is gone') }),
    z.strictObject({ url: z.url({ protocol: /^https?$/ }), title: z.string().max(500).optional() }),
  ]),
  note: z.string().max(20_000).optional(),
  addedBy: AnnotatorName,
  addedAt: Timestamp,
});
export type Evidence = z.infer<typeof Evidence>;

export const CanonicalClaim = z.looseObject({
  id: OpaqueId,
  wording: z.string().trim().min(1).max(5000).describe('The claim in one sentence, as it is checked'),
  claimant: Claimant.optional(),
  about: ClaimTime.optional(),
  status: ClaimStatus.default('unverified'),
  history: z.array(StatusChange).default([]).describe('Every move of the workflow, oldest first'),
  verdict: Verdict.optional(),
  signOff: z.looseObject({ by: AnnotatorName, at: Timestamp }).optional().describe('A second person\'s approval of the verdict: "reviewed"'),
  evidence: z.array(Evidence).default([]),
  note: z.string().max(20_000).optional(),
  mergedInto: OpaqueId.optional().describe('Found to be the same claim as this one: its mentions count there'),
  createdBy: AnnotatorName,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CanonicalClaim = z.infer<typeof CanonicalClaim>;

/** A proposal turned down: this span does not restate that claim (or that other span). */
export const DismissedMatch = z.looseObject({
  span: SpanRef,
  with: z.union([z.strictObject({ claimId: OpaqueId }), z.strictObject({ span: SpanRef })]),
  by: AnnotatorName,
  at: Timestamp,
});
export type DismissedMatch = z.infer<typeof DismissedMatch>;

/** Claim ids are unique, and a merged claim points at one that exists and is not merged itself. */
export const CanonicalClaims = z.array(CanonicalClaim).superRefine((claims, ctx) => {
  const ids = new Map<string, CanonicalClaim>();
  claims.forEach((claim, i) => {
    if (ids.has(claim.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `claim id "${claim.id}" is used twice` });
    ids.set(claim.id, claim);
  });
  claims.forEach((claim, i) => {
    if (claim.mergedInto === undefined) return;
    const into = ids.get(claim.mergedInto);
    if (!into) ctx.addIssue({ code: 'custom', path: [i, 'mergedInto'], message: `claim "${claim.mergedInto}" does not exist` });
    else if (into.mergedInto !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'mergedInto'], message: `claim "${into.id}" is itself merged into another` });
  });
});

export const ClaimRegistry = z.looseObject({
  format: formatTag(CLAIMS_FORMAT),
  version: z.literal(1),
  claims: CanonicalClaims,
  dismissed: z.array(DismissedMatch).default([]).describe('Match proposals turned down, so they are not offered again'),
});
export type ClaimRegistry = z.infer<typeof ClaimRegistry>;

export const EMPTY_CLAIMS: ClaimRegistry = { format: CLAIMS_FORMAT, version: 1, claims: [], dismissed: [] };

/** The key of a span anywhere in the project. */
export function spanKey(ref: SpanRef): string {
  return `${ref.documentId}/${ref.annotator}/${ref.spanId}`;
}

/** The claim a mention counts for: the one it links to, or the one that was merged into. */
export function resolveClaimId(claims: ReadonlyMap<string, CanonicalClaim>, id: string): string {
  return claims.get(id)?.mergedInto ?? id;
}

/** A canonical claim id from a random UUID (crypto.randomUUID(), in Node and the browser): `k_` and 12 hex digits. */
export function newClaimId(uuid: string): string {
  return `k_${uuid.replace(/-/g, '').slice(0, 12)}`;
}

/**
 * The match inbox over the project: proposals from the matcher (shared/claims/matching.ts)
 * over every claim span, and proposals accepted as canonical claims and links
 * (shared/claims/accept-matches.ts) written through the same paths as the board's own
 * changes, so claims.json and the layers change under their locks.
 */
import { randomUUID } from 'node:crypto';
import type { AcceptedMatches } from '../../shared/api.js';
import { planAcceptance, type AcceptedMatch } from '../../shared/claims/accept-matches.js';
import { DEFAULT_THRESHOLD, proposeMatches, type MatchProposal } from '../../shared/claims/matching.js';
import { newClaimId, spanKey } from '../../shared/model/claims.js';
import { allMentions, changeClaims, linkClaimSpans } from './claims.js';
import type { ServiceContext } from './context.js';

export async function matchClaims(context: ServiceContext, { annotator, threshold = DEFAULT_THRESHOLD }: { annotator?: string | undefined; threshold?: number | undefined }): Promise<{ proposals: MatchProposal[]; threshold: number }> {
  const [mentions, registry] = await Promise.all([allMentions(context), context.store.readClaims()]);
  const proposals = proposeMatches({ mentions, claims: registry.claims, dismissed: registry.dismissed, threshold, ...(annotator ? { for: annotator } : {}) });
  return { proposals, threshold };
}

export async function acceptMatches(context: ServiceContext, { annotator, proposals, onlyOwn }: { annotator: string; proposals: readonly AcceptedMatch[]; onlyOwn: boolean }): Promise<AcceptedMatches> {
  const { store } = context;
  const mentions = new Map((await allMentions(context)).map((mention) => [spanKey(mention.ref), mention]));
  const published = new Map<string, string | null>();
  for (const id of new Set(proposals.flatMap((proposal) => [proposal.span.documentId, ...('span' in proposal.target ? [proposal.target.span.documentId] : [])]))) {
    published.set(id, (await store.documentSummary(id).catch(() => null))?.meta.published ?? null);
  }
  // A proposal whose span, or target span, was deleted or linked since it was made is left out (and said).
  const stillUnlinked = (key: string) => mentions.get(key)?.claimId === null;
  const current = (proposal: AcceptedMatch) => stillUnlinked(spanKey(proposal.span)) && ('claimId' in proposal.target || stillUnlinked(spanKey(proposal.target.span)));
  const gone = proposals.filter((proposal) => !current(proposal));
  const plan = planAcceptance(
    proposals.filter(current),
    { mentions, published: (id) => published.get(id) ?? null, canLink: (ref) => !onlyOwn || ref.annotator === annotator, newId: () => newClaimId(randomUUID()) },
  );
  if (plan.create.length) await changeClaims(context, { annotator, changes: plan.create });
  let linked = 0;
  const leftOut = [...plan.leftOut, ...gone.map((proposal) => proposal.span)].map(spanKey);
  for (const [owner, links] of plan.links) {
    const result = await linkClaimSpans(context, { annotator: owner, links });
    linked += result.linked;
    leftOut.push(...result.missing);
  }
  return { created: plan.create.map((change) => change.id), linked, leftOut: [...new Set(leftOut)] };
}

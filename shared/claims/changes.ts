/**
 * Every change to claims.json, as data: the app, the CLI and the matcher send these, and
 * the service applies them to the registry as it is on disk at that moment (under the
 * file's lock), so two people's changes to different claims, or different fields of one,
 * both stay. An edit names the values it was made from (`base`): if someone changed the
 * same field meanwhile, the edit is refused as a conflict instead of overwriting theirs.
 *
 * The checking workflow's rules live here (moveTo, setVerdict): unverified → researching →
 * rated → reviewed, a verdict before "rated", and "reviewed" only by a second person.
 */
import { z } from 'zod';
import { FactmarkError } from '../errors.js';
import {
  CLAIM_STATUSES,
  CanonicalClaim,
  ClaimStatus,
  Claimant,
  ClaimTime,
  Evidence,
  EvidenceStance,
  Rating,
  SpanRef,
  spanKey,
  type ClaimRegistry,
  type DismissedMatch,
} from '../model/claims.js';
import { OpaqueId } from '../model/common.js';

const Editable = z.strictObject({
  wording: z.string().trim().min(1).max(5000).optional(),
  claimant: Claimant.nullable().optional(),
  about: ClaimTime.nullable().optional(),
  note: z.string().max(20_000).nullable().optional(),
});

export const ClaimChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('create'), id: OpaqueId, wording: z.string().trim().min(1).max(5000), claimant: Claimant.optional(), about: ClaimTime.optional() }),
  /** `set`: the new values (null clears); `base`: the same fields as they were when the edit began. */
  z.strictObject({ kind: z.literal('edit'), claimId: OpaqueId, set: Editable, base: Editable }),
  z.strictObject({ kind: z.literal('move'), claimId: OpaqueId, to: ClaimStatus, note: z.string().max(2000).optional() }),
  z.strictObject({ kind: z.literal('verdict'), claimId: OpaqueId, rating: Rating, explanation: z.string().max(20_000).optional() }),
  z.strictObject({
    kind: z.literal('add-evidence'),
    claimId: OpaqueId,
    id: OpaqueId,
    stance: EvidenceStance,
    source: Evidence.shape.source,
    note: z.string().max(20_000).optional(),
  }),
  z.strictObject({ kind: z.literal('remove-evidence'), claimId: OpaqueId, evidenceId: OpaqueId }),
  /** Found to be the same claim: `claimId`'s mentions count for `into` from now on. */
  z.strictObject({ kind: z.literal('merge'), claimId: OpaqueId, into: OpaqueId }),
  /** Only a claim no span links to (the service checks); its merged claims go with it. */
  z.strictObject({ kind: z.literal('delete'), claimId: OpaqueId }),
  /** A match proposal turned down: not offered again. */
  z.strictObject({ kind: z.literal('dismiss'), span: SpanRef, with: z.union([z.strictObject({ claimId: OpaqueId }), z.strictObject({ span: SpanRef })]) }),
]);
export type ClaimChange = z.infer<typeof ClaimChange>;

/** Who makes the changes, and when. */
export interface Actor {
  annotator: string;
  at: string;
}

export function applyClaimChanges(registry: ClaimRegistry, changes: readonly ClaimChange[], actor: Actor): ClaimRegistry {
  return changes.reduce((current, change) => applyOne(current, change, actor), registry);
}

function applyOne(registry: ClaimRegistry, change: ClaimChange, actor: Actor): ClaimRegistry {
  switch (change.kind) {
    case 'create': {
      if (registry.claims.some((claim) => claim.id === change.id)) throw new FactmarkError('CONFLICT', `A claim with id ${change.id} exists already`);
      const claim = CanonicalClaim.parse({
        id: change.id,
        wording: change.wording,
        ...(change.claimant ? { claimant: change.claimant } : {}),
        ...(change.about ? { about: change.about } : {}),
        createdBy: actor.annotator,
        createdAt: actor.at,
        updatedAt: actor.at,
      });
      return { ...registry, claims: [...registry.claims, claim] };
    }
    case 'edit':
      return update(registry, change.claimId, actor, (claim) => edit(claim, change.set, change.base));
    case 'move':
      return update(registry, change.claimId, actor, (claim) => moveTo(claim, change.to, actor, change.note));
    case 'verdict':
      return update(registry, change.claimId, actor, (claim) => setVerdict(claim, change.rating, change.explanation, actor));
    case 'add-evidence':
      return update(registry, change.claimId, actor, (claim) => {
        if (claim.evidence.some((item) => item.id === change.id)) throw new FactmarkError('CONFLICT', `Evidence ${change.id} exists already`);
        const item: Evidence = { id: change.id, stance: change.stance, source: change.source, ...(change.note ? { note: change.note } : {}), addedBy: actor.annotator, addedAt: actor.at };
        return { ...claim, evidence: [...claim.evidence, item] };
      });
    case 'remove-evidence':
      return update(registry, change.claimId, actor, (claim) => ({ ...claim, evidence: claim.evidence.filter((item) => item.id !== change.evidenceId) }));
    case 'merge':
      return merge(registry, change.claimId, change.into, actor);
    case 'delete': {
      found(registry, change.claimId);
      const gone = new Set([change.claimId, ...registry.claims.filter((claim) => claim.mergedInto === change.claimId).map((claim) => claim.id)]);
      return { ...registry, claims: registry.claims.filter((claim) => !gone.has(claim.id)) };
    }
    case 'dismiss': {
      const key = dismissalKey(change.span, change.with);
      if (registry.dismissed.some((item) => dismissalKey(item.span, item.with) === key)) return registry;
      const item: DismissedMatch = { span: change.span, with: change.with, by: actor.annotator, at: actor.at };
      return { ...registry, dismissed: [...registry.dismissed, item] };
    }
  }
}

/** One key for a dismissal, the same whichever of two spans came first. */
export function dismissalKey(span: SpanRef, target: DismissedMatch['with']): string {
  if ('claimId' in target) return `${spanKey(span)}→${target.claimId}`;
  return [spanKey(span), spanKey(target.span)].sort().join('↔');
}

function found(registry: ClaimRegistry, claimId: string): CanonicalClaim {
  const claim = registry.claims.find((item) => item.id === claimId);
  if (!claim) throw new FactmarkError('NOT_FOUND', `No claim ${claimId} in claims.json (it may have been deleted meanwhile)`);
  return claim;
}

function update(registry: ClaimRegistry, claimId: string, actor: Actor, change: (claim: CanonicalClaim) => CanonicalClaim): ClaimRegistry {
  const claim = found(registry, claimId);
  const next = { ...change(claim), updatedAt: actor.at };
  return { ...registry, claims: registry.claims.map((item) => (item.id === claimId ? next : item)) };
}

type EditableFields = z.infer<typeof Editable>;

function edit(claim: CanonicalClaim, set: EditableFields, base: EditableFields): CanonicalClaim {
  let next: CanonicalClaim = { ...claim };
  for (const field of Object.keys(set) as (keyof EditableFields)[]) {
    const now = claim[field] ?? null;
    const was = base[field] ?? null;
    if (JSON.stringify(now) !== JSON.stringify(was)) {
      throw new FactmarkError('CONFLICT', `The claim's ${field} was changed meanwhile (to ${JSON.stringify(now)}): look at it again before changing it`);
    }
    const value = set[field];
    if (value === null || value === undefined) {
      const { [field]: _dropped, ...rest } = next;
      next = rest as CanonicalClaim;
    } else next = { ...next, [field]: value };
  }
  return next;
}

const rank = (status: ClaimStatus) => CLAIM_STATUSES.indexOf(status);

/**
 * A move of the workflow. Forward one step at a time (a verdict takes a claim to "rated"
 * by itself); back to any earlier step. "rated" needs a verdict; "reviewed" is a second
 * person's sign-off on it, so whoever gave the verdict cannot give it.
 */
export function moveTo(claim: CanonicalClaim, to: ClaimStatus, actor: Actor, note?: string): CanonicalClaim {
  const from = claim.status;
  if (from === to) return claim;
  if (rank(to) > rank(from) + 1) throw new FactmarkError('BAD_INPUT', `A claim moves one step at a time: from "${from}" the next is "${CLAIM_STATUSES[rank(from) + 1]}"`);
  if (to === 'rated' && !claim.verdict) throw new FactmarkError('BAD_INPUT', 'Give the claim a verdict before rating it');
  if (to === 'reviewed') {
    if (!claim.verdict) throw new FactmarkError('BAD_INPUT', 'There is no verdict to review');
    if (claim.verdict.by === actor.annotator) throw new FactmarkError('BAD_INPUT', `A second person signs off a verdict: ${actor.annotator} gave this one`);
  }
  const { signOff: _signOff, ...rest } = claim;
  return {
    ...(to === 'reviewed' ? { ...rest, signOff: { by: actor.annotator, at: actor.at } } : rest),
    status: to,
    history: [...claim.history, { from, to, by: actor.annotator, at: actor.at, ...(note ? { note } : {}) }],
  };
}

/** A new verdict: the claim is "rated" (again: a reviewed verdict that changes needs a new sign-off). */
export function setVerdict(claim: CanonicalClaim, rating: Rating, explanation: string | undefined, actor: Actor): CanonicalClaim {
  const withVerdict: CanonicalClaim = { ...claim, verdict: { rating, ...(explanation ? { explanation } : {}), by: actor.annotator, at: actor.at } };
  if (claim.status === 'rated') return withVerdict;
  // Up from unverified or researching, or back from reviewed: either way the step is recorded.
  const { signOff: _signOff, ...rest } = withVerdict;
  return { ...rest, status: 'rated', history: [...claim.history, { from: claim.status, to: 'rated', by: actor.annotator, at: actor.at }] };
}

function merge(registry: ClaimRegistry, claimId: string, into: string, actor: Actor): ClaimRegistry {
  if (claimId === into) throw new FactmarkError('BAD_INPUT', 'A claim cannot be merged into itself');
  const target = found(registry, into);
  found(registry, claimId);
  // Merging into a merged claim means merging into the one it went to.
  const finalId = target.mergedInto ?? target.id;
  if (finalId === claimId) throw new FactmarkError('BAD_INPUT', `Claim ${into} is already merged into ${claimId}`);
  const claims = registry.claims.map((claim) =>
    claim.id === claimId || claim.mergedInto === claimId ? { ...claim, mergedInto: finalId, updatedAt: actor.at } : claim,
  );
  return { ...registry, claims };
}

/**
 * Accepting match proposals: which canonical claims to create and which spans to link to
 * which claim. Pure, so the inbox (one proposal) and `factmark claims --match --apply`
 * (every proposal above the threshold) accept the same way:
 *
 * - A proposal to an existing claim links the span to it (of several, the best score wins).
 * - Proposals between unlinked spans chain: if A restates B and B restates C, the three
 *   are one claim. The group joins the best-scoring existing claim one of its spans was
 *   proposed for; otherwise a new canonical claim is made, worded as the group's first
 *   appearance (earliest publication date, then the highest-scoring span) words it, with
 *   the claimant that article names.
 * - Spans the caller may not change (a colleague's layer, in the app) are left out, and a
 *   group none of whose spans can be linked creates nothing.
 */
import type { ClaimChange } from './changes.js';
import type { ClaimLink } from './links.js';
import type { MatchProposal } from './matching.js';
import type { Mention } from './mentions.js';
import { spanKey, type SpanRef } from '../model/claims.js';

export interface AcceptContext {
  /** Every mention the proposals name, by span key (the board's, or the matcher's input). */
  mentions: ReadonlyMap<string, Mention>;
  /** A document's publication date (ISO), for the first appearance. */
  published: (documentId: string) => string | null;
  /** Whether this span's layer may be changed. */
  canLink: (ref: SpanRef) => boolean;
  /** A fresh canonical claim id. */
  newId: () => string;
}

export interface AcceptPlan {
  /** Canonical claims to create first. */
  create: Extract<ClaimChange, { kind: 'create' }>[];
  /** Then the links, grouped by the annotator whose layer holds the span. */
  links: Map<string, ClaimLink[]>;
  /** Spans named by the proposals that were not linked, because their layer is not the caller's to change. */
  leftOut: SpanRef[];
}

/** What accepting needs of a proposal (the reasons are for the analyst). */
export type AcceptedMatch = Pick<MatchProposal, 'span' | 'target' | 'score'>;

export function planAcceptance(proposals: readonly AcceptedMatch[], context: AcceptContext): AcceptPlan {
  const groups = new UnionFind();
  const refs = new Map<string, SpanRef>();
  /** The best claim each span was proposed for, with its score. */
  const toClaim = new Map<string, { claimId: string; score: number }>();
  /** The best score each span took part in (for the wording of a new claim). */
  const best = new Map<string, number>();
  const note = (ref: SpanRef, score: number) => {
    const key = spanKey(ref);
    refs.set(key, ref);
    groups.add(key);
    best.set(key, Math.max(best.get(key) ?? 0, score));
    return key;
  };
  for (const proposal of proposals) {
    const key = note(proposal.span, proposal.score);
    if ('claimId' in proposal.target) {
      const held = toClaim.get(key);
      if (!held || held.score < proposal.score) toClaim.set(key, { claimId: proposal.target.claimId, score: proposal.score });
    } else {
      groups.join(key, note(proposal.target.span, proposal.score));
    }
  }

  const plan: AcceptPlan = { create: [], links: new Map(), leftOut: [] };
  for (const members of groups.sets()) {
    const linkable = members.filter((key) => context.canLink(refs.get(key) as SpanRef));
    for (const key of members) if (!linkable.includes(key)) plan.leftOut.push(refs.get(key) as SpanRef);
    if (linkable.length === 0) continue;
    const claimed = members.flatMap((key) => toClaim.get(key) ?? []).sort((a, b) => b.score - a.score)[0];
    let claimId = claimed?.claimId;
    if (!claimId) {
      const first = firstAppearance(members, context, best);
      if (!first) continue;
      claimId = context.newId();
      const claimant = first.claimant ? (first.claimant.entityId ? { entityId: first.claimant.entityId } : { text: first.claimant.text }) : undefined;
      plan.create.push({ kind: 'create', id: claimId, wording: first.text.trim(), ...(claimant ? { claimant } : {}) });
    }
    for (const key of linkable) {
      const ref = refs.get(key) as SpanRef;
      const list = plan.links.get(ref.annotator) ?? [];
      list.push({ documentId: ref.documentId, spanId: ref.spanId, claimId });
      plan.links.set(ref.annotator, list);
    }
  }
  return plan;
}

/** The group's mention that appeared first: the earliest publication, then the best score, then the key. */
function firstAppearance(members: readonly string[], context: AcceptContext, best: ReadonlyMap<string, number>): Mention | null {
  const known = members.flatMap((key) => {
    const mention = context.mentions.get(key);
    return mention ? [{ key, mention, published: context.published(mention.ref.documentId) ?? '9999' }] : [];
  });
  known.sort((a, b) => a.published.localeCompare(b.published) || (best.get(b.key) ?? 0) - (best.get(a.key) ?? 0) || a.key.localeCompare(b.key));
  return known[0]?.mention ?? null;
}

/** Groups of span keys joined by proposals (union by size, with path halving). */
class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(key: string): void {
    if (this.parent.has(key)) return;
    this.parent.set(key, key);
    this.size.set(key, 1);
  }

  private root(key: string): string {
    let at = key;
    for (;;) {
      const up = this.parent.get(at) ?? at;
      if (up === at) return at;
      const grand = this.parent.get(up) ?? up;
      this.parent.set(at, grand);
      at = grand;
    }
  }

  join(a: string, b: string): void {
    let ra = this.root(a);
    let rb = this.root(b);
    if (ra === rb) return;
    if ((this.size.get(ra) ?? 1) < (this.size.get(rb) ?? 1)) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, (this.size.get(ra) ?? 1) + (this.size.get(rb) ?? 1));
  }

  /** Every group, in the order its first key was added. */
  sets(): string[][] {
    const out = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.root(key);
      const group = out.get(root);
      if (group) group.push(key);
      else out.set(root, [key]);
    }
    return [...out.values()];
  }
}

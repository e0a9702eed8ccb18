/**
 * Claim matching: which claim spans not yet linked restate a canonical claim, or each
 * other across documents — the inbox of issue 17, each proposal with a score and its
 * reasons. Offline and with nothing to set up: BM25 over the words (bm25.ts) plus the
 * agreement of numbers, entities, dates and claimant (match-features.ts), combined as
 * match-score.ts explains.
 *
 * What is compared:
 * - A candidate is a mention with no claimId (limited by `for` to one annotator's, or
 *   those a predicate picks). Targets may be anyone's.
 * - A canonical claim is compared through its wording and the text of every mention
 *   linked to it (merged claims count for the claim they were merged into); the best of
 *   those texts gives the score, as any one outlet's wording may be the one restated.
 * - An unlinked mention of another document; a pair is proposed once, from the side of
 *   the candidate (of two candidates, the one whose span key sorts first).
 * - Never a text of the candidate's own document: within an article the same sentence
 *   tagged by two annotators would match itself, and the inbox is for claims travelling
 *   between articles.
 * - Never a pair turned down before (claims.json `dismissed`), in either direction.
 *
 * The words are compared both ways and the larger share taken: a short statement inside
 * a longer quote ("Today's transfer was coordinated…" within a whole paragraph of
 * Barker's) restates it even though the quote holds much more.
 */
import { resolveClaimId, spanKey, type CanonicalClaim, type DismissedMatch, type SpanRef } from '../model/claims.js';
import { compareText } from '../review/pairing.js';
import { Bm25Index } from './bm25.js';
import { claimFeatures, evidenceOf, mentionFeatures, reasonsOf, type Features, type Rarity } from './match-features.js';
import { DEFAULT_THRESHOLD, lexicalFloor, matchScore } from './match-score.js';
import type { Mention } from './mentions.js';
import { termsOf, type Term } from './terms.js';

export { DEFAULT_THRESHOLD } from './match-score.js';

export interface MatchReasons {
  /** The candidate's words (as written, lower case) that the target shares, rarest first. */
  words: string[];
  numbers: { agree: string[]; differ: string[] };
  /** Entities both name, as the candidate names them. */
  entities: string[];
  /** TIMEX3 values both give ("2020-03-29", or "2020-03-29 in 2020-03"); `differ` as "a vs b". */
  dates: { agree: string[]; differ: string[] };
  /** The claimant both name, as the candidate names them. */
  claimant: string | null;
}

export type MatchTarget = { claimId: string } | { span: SpanRef };

export interface MatchProposal {
  span: SpanRef;
  target: MatchTarget;
  /** 0..1. */
  score: number;
  reasons: MatchReasons;
}

export interface MatchRequest {
  mentions: readonly Mention[];
  claims: readonly CanonicalClaim[];
  dismissed: readonly DismissedMatch[];
  /** Proposals from this score up (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Whose unlinked spans get proposals: an annotator's name, or a test (default: everyone's). */
  for?: string | ((mention: Mention) => boolean);
}

/** A text in the index: an unlinked mention, or one text of a canonical claim. */
interface Passage {
  /** The mention, or null for a claim's wording. */
  mention: Mention | null;
  /** The span key of an unlinked mention; null for a claim's text. */
  key: string | null;
  /** The canonical claim this text is part of (resolved through mergedInto), or null for an unlinked mention. */
  claimId: string | null;
  /** Where the text is, or null for a claim's wording. */
  documentId: string | null;
  terms: Term[];
  features: Features;
}

/** Reasons list at most this many words. */
const MAX_WORDS = 12;

/** The best pair found so far for one proposal: the candidate's text, the target's, the score. */
interface Found {
  span: number;
  target: number;
  score: number;
}

export function proposeMatches(request: MatchRequest): MatchProposal[] {
  const threshold = request.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be from 0 to 1, not ${threshold}`);
  const claims = new Map(request.claims.map((claim) => [claim.id, claim]));
  const { passages, candidates } = collectPassages(request.mentions, request.claims, claims, candidateTest(request.for));

  const index = new Bm25Index();
  for (const passage of passages) index.add(passage.terms.map((term) => term.stem));
  index.build();
  const floor = lexicalFloor(threshold);
  const rarity = rarityOver(passages);
  const dismissed = dismissedKeys(request.dismissed, claims);

  // Per proposal (span>claim, or span|span), the best of the target's texts.
  const found = new Map<string, Found>();
  for (let a = 0; a < candidates; a++) {
    const passage = passages[a] as Passage;
    // Candidates come first, so a pair of two candidates is met once, from the first of them.
    index.pairs(a, floor, a, (b, forward, reverse) => {
      const other = passages[b] as Passage;
      if (other.documentId === passage.documentId) return;
      // A pair of two candidates is proposed from the side whose span key sorts first.
      const [span, target] = other.key !== null && b < candidates && compareText(other.key, passage.key as string) < 0 ? [b, a] : [a, b];
      const mine = passages[span] as Passage;
      const theirs = passages[target] as Passage;
      const score = Math.round(matchScore(Math.max(forward, reverse), evidenceOf(mine.features, theirs.features, rarity)) * 1e6) / 1e6;
      if (score < threshold) return;
      const key = theirs.key === null ? `${mine.key}>${theirs.claimId}` : `${mine.key}|${theirs.key}`;
      if (dismissed.has(key)) return;
      const best = found.get(key);
      if (!best || score > best.score) found.set(key, { span, target, score });
    });
  }
  return [...found.values()].map((pair) => proposal(index, passages, pair)).sort(compareProposals);
}

/** A found pair as the analyst sees it: the target, the score and the reasons. */
function proposal(index: Bm25Index, passages: readonly Passage[], { span, target, score }: Found): MatchProposal {
  const mine = passages[span] as Passage;
  const theirs = passages[target] as Passage;
  const { numbers, entities, dates, claimant } = reasonsOf(mine.features, theirs.features);
  return {
    span: (mine.mention as Mention).ref,
    target: theirs.key !== null ? { span: (theirs.mention as Mention).ref } : { claimId: theirs.claimId as string },
    score,
    reasons: { words: sharedWords(index, span, target, mine.terms), numbers, entities, dates, claimant },
  };
}

function candidateTest(selector: MatchRequest['for']): (mention: Mention) => boolean {
  if (selector === undefined) return () => true;
  if (typeof selector === 'string') return (mention) => mention.ref.annotator === selector;
  return selector;
}

/**
 * The texts to compare: the candidates first (unlinked mentions `wanted` picks), then the
 * other unlinked mentions, then every text of every canonical claim (its wording, then
 * the mentions linked to it).
 */
function collectPassages(mentions: readonly Mention[], claimList: readonly CanonicalClaim[], claims: ReadonlyMap<string, CanonicalClaim>, wanted: (mention: Mention) => boolean): { passages: Passage[]; candidates: number } {
  const unlinked = (mention: Mention): Passage => ({ mention, key: spanKey(mention.ref), claimId: null, documentId: mention.ref.documentId, terms: termsOf(mention.text), features: mentionFeatures(mention) });
  const passages = mentions.filter((mention) => mention.claimId === null && wanted(mention)).map(unlinked);
  const candidates = passages.length;
  for (const mention of mentions) if (mention.claimId === null && !wanted(mention)) passages.push(unlinked(mention));
  for (const claim of claimList) {
    const claimId = resolveClaimId(claims, claim.id);
    if (!claims.has(claimId)) continue;
    passages.push({ mention: null, key: null, claimId, documentId: null, terms: termsOf(claim.wording), features: claimFeatures(claim) });
  }
  for (const mention of mentions) {
    if (mention.claimId === null) continue;
    const claimId = resolveClaimId(claims, mention.claimId);
    // A link to a claim that is not in claims.json (yet) has nothing to propose.
    if (!claims.has(claimId)) continue;
    passages.push({ mention, key: null, claimId, documentId: mention.ref.documentId, terms: termsOf(mention.text), features: mentionFeatures(mention) });
  }
  return { passages, candidates };
}

/**
 * How telling a shared entity or quantity is: its IDF over the texts, scaled to 0..1
 * (1 for one that a single text names, less the more texts name it).
 */
function rarityOver(passages: readonly Passage[]): Rarity {
  const df = new Map<string, number>();
  for (const { features } of passages) {
    for (const key of new Set([...features.entityKeys, ...features.quantityKeys])) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const n = passages.length;
  const top = Math.log(1 + n);
  const weight = new Map<string, number>();
  for (const [key, count] of df) weight.set(key, Math.log(1 + n / count) / top);
  return (key) => weight.get(key) ?? 1;
}

/** The keys of turned-down proposals, as the matcher looks them up: span>claim, and span|span both ways. */
function dismissedKeys(dismissed: readonly DismissedMatch[], claims: ReadonlyMap<string, CanonicalClaim>): Set<string> {
  const keys = new Set<string>();
  for (const item of dismissed) {
    const key = spanKey(item.span);
    if ('claimId' in item.with) {
      keys.add(`${key}>${resolveClaimId(claims, item.with.claimId)}`);
      keys.add(`${key}>${item.with.claimId}`);
    } else {
      const other = spanKey(item.with.span);
      keys.add(`${key}|${other}`);
      keys.add(`${other}|${key}`);
    }
  }
  return keys;
}

/** The words of `a` whose stems `b` holds, as first written in `a`, rarest first. */
function sharedWords(index: Bm25Index, a: number, b: number, terms: readonly Term[]): string[] {
  const written = new Map<number, string>();
  for (const term of terms) {
    const id = index.termId(term.stem);
    if (id !== undefined && !written.has(id)) written.set(id, term.word);
  }
  return index
    .sharedTerms(a, b)
    .slice(0, MAX_WORDS)
    .map((id) => written.get(id) as string);
}

const targetKey = (target: MatchTarget) => ('claimId' in target ? `claim:${target.claimId}` : `span:${spanKey(target.span)}`);

/** Best first; ties by span, then target, so the order is the same on every run. */
function compareProposals(x: MatchProposal, y: MatchProposal): number {
  if (x.score !== y.score) return y.score - x.score;
  return compareText(spanKey(x.span), spanKey(y.span)) || compareText(targetKey(x.target), targetKey(y.target));
}

/**
 * How two annotators agree on linking claim spans to canonical claims (issue 17, item 8),
 * over the mentions both tagged: each one's claim spans on a document are paired as the
 * agreement report pairs spans (shared/review/pairing.ts: the same offsets first, then
 * the largest overlap), whatever claim label each used. A pair is one item; each
 * annotator puts it in a cluster: the canonical claim they linked it to (merged claims
 * resolved to the claim they were merged into), or a cluster of its own when they left
 * it unlinked. Linking is then a clustering, scored two ways (docs/agreement.md):
 *
 * - Pairwise link precision, recall and F1: the pairs of items the response put in one
 *   claim, against the pairs the reference did. Only links count: two unlinked items are
 *   not a pair. Undefined (null) when neither side linked two items to one claim.
 * - B-cubed (Bagga & Baldwin 1998): per item, the share of its response cluster that is
 *   in its reference cluster (precision) and the share of its reference cluster that is
 *   in its response cluster (recall), averaged over items; unlinked items are
 *   singletons, so leaving an item unlinked where the other linked it costs recall or
 *   precision. Undefined when no item is shared.
 *
 * Which claim ids the two chose does not matter, only which items they put together: two
 * annotators who each created their own canonical claim for the same statement agree.
 */
import { resolveClaimId, type CanonicalClaim } from '../model/claims.js';
import { compareText, pairSpans } from '../review/pairing.js';
import type { Mention } from './mentions.js';

export interface PrecisionRecallF1 {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface LinkAgreement {
  reference: string;
  response: string;
  /** Claim spans both tagged (paired), and how many of them each linked to a canonical claim. */
  mentions: number;
  linked: { reference: number; response: number };
  pairwise: PrecisionRecallF1 & { referencePairs: number; responsePairs: number; sharedPairs: number };
  bcubed: PrecisionRecallF1;
  /** Why a number is null, when one is. */
  reason: string | null;
}

/** One claim span both tagged: the cluster each annotator put it in. */
interface Item {
  reference: string;
  response: string;
}

/**
 * Link agreement of `response` against `reference` over `mentions` (anyone's: those of
 * other annotators are ignored). `claims` resolves merged claims.
 */
export function linkAgreement(reference: string, response: string, mentions: readonly Mention[], claims: readonly CanonicalClaim[]): LinkAgreement {
  const items = pairedItems(reference, response, mentions, claims);
  const linked = (side: keyof Item) => items.filter((item) => !item[side].startsWith(UNLINKED)).length;
  const pairwise = pairwiseLinks(items);
  const bcubed = bCubed(items);
  return { reference, response, mentions: items.length, linked: { reference: linked('reference'), response: linked('response') }, pairwise, bcubed, reason: whyUndefined(reference, response, items.length, pairwise) };
}

/** Why some number is null: nothing shared, or one side (or both) linked no two of the shared spans to one claim. */
function whyUndefined(reference: string, response: string, items: number, pairwise: LinkAgreement['pairwise']): string | null {
  if (items === 0) return 'no claim span tagged by both';
  if (pairwise.referencePairs === 0 && pairwise.responsePairs === 0) return 'neither linked two of the claim spans both tagged to one claim';
  if (pairwise.responsePairs === 0) return `${response} linked no two of the claim spans both tagged to one claim`;
  if (pairwise.referencePairs === 0) return `${reference} linked no two of the claim spans both tagged to one claim`;
  return null;
}


/** The cluster of an unlinked item: its own, so it is alone in it. */
const UNLINKED = '\u0000unlinked:';

/** The claim spans both annotators tagged, paired per document, with each one's cluster. */
function pairedItems(reference: string, response: string, mentions: readonly Mention[], claims: readonly CanonicalClaim[]): Item[] {
  const registry = new Map(claims.map((claim) => [claim.id, claim]));
  const byDocument = new Map<string, { reference: Mention[]; response: Mention[] }>();
  for (const mention of mentions) {
    const side = mention.ref.annotator === reference ? 'reference' : mention.ref.annotator === response ? 'response' : null;
    if (side === null) continue;
    let document = byDocument.get(mention.ref.documentId);
    if (!document) byDocument.set(mention.ref.documentId, (document = { reference: [], response: [] }));
    document[side].push(mention);
  }
  const cluster = (mention: Mention, item: number) => (mention.claimId === null ? `${UNLINKED}${item}` : resolveClaimId(registry, mention.claimId));
  const items: Item[] = [];
  for (const documentId of [...byDocument.keys()].sort(compareText)) {
    const { reference: ours, response: theirs } = byDocument.get(documentId) as { reference: Mention[]; response: Mention[] };
    // Every claim label is one for pairing: a span tagged "claim" by one and "quote" by the other is the same mention.
    const extent = (mention: Mention) => ({ start: mention.start, end: mention.end, label: 'claim' });
    const { pairs } = pairSpans(ours.map(extent), theirs.map(extent), { sameOffsets: false });
    for (const pair of pairs.sort((x, y) => x.a - y.a)) {
      items.push({ reference: cluster(ours[pair.a] as Mention, items.length), response: cluster(theirs[pair.b] as Mention, items.length) });
    }
  }
  return items;
}

const choose2 = (n: number) => (n * (n - 1)) / 2;

function counts(keys: Iterable<string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const key of keys) found.set(key, (found.get(key) ?? 0) + 1);
  return found;
}

function pairwiseLinks(items: readonly Item[]): LinkAgreement['pairwise'] {
  const pairsIn = (sizes: Map<string, number>) => [...sizes.values()].reduce((sum, n) => sum + choose2(n), 0);
  const referencePairs = pairsIn(counts(items.map((item) => item.reference)));
  const responsePairs = pairsIn(counts(items.map((item) => item.response)));
  // Two items are together on both sides when they share both clusters.
  const sharedPairs = pairsIn(counts(items.map((item) => `${item.reference}\u0000${item.response}`)));
  const precision = responsePairs > 0 ? sharedPairs / responsePairs : null;
  const recall = referencePairs > 0 ? sharedPairs / referencePairs : null;
  return { precision, recall, f1: f1(precision, recall), referencePairs, responsePairs, sharedPairs };
}

function bCubed(items: readonly Item[]): PrecisionRecallF1 {
  if (items.length === 0) return { precision: null, recall: null, f1: null };
  const reference = counts(items.map((item) => item.reference));
  const response = counts(items.map((item) => item.response));
  const both = counts(items.map((item) => `${item.reference}\u0000${item.response}`));
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = both.get(`${item.reference}\u0000${item.response}`) as number;
    precision += shared / (response.get(item.response) as number);
    recall += shared / (reference.get(item.reference) as number);
  }
  precision /= items.length;
  recall /= items.length;
  return { precision, recall, f1: f1(precision, recall) };
}

function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

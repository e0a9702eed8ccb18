/**
 * schema.org ClaimReview, as Google's Fact Check markup documents it: one per canonical
 * claim (claims.json), with every article that carries it as an `appearance` and the
 * earliest as `firstAppearance`, the claimant as the Claim's `author`, and the verdict as
 * `reviewRating` once the claim is rated. Claim spans not linked to a canonical claim
 * still get a review each, with their one article, so nothing tagged is left out.
 *
 * The encoder collects mentions document by document and writes the canonical claims at
 * the end: it holds the claim spans (not the texts) of the whole corpus.
 */
import { collectMentions, type Mention } from '../../claims/mentions.js';
import { resolveClaimId, type CanonicalClaim, type Claimant } from '../../model/claims.js';
import type { CorpusDocument } from '../../model/corpus.js';
import type { CanonicalEntity } from '../../model/entities.js';
import type { LabelDef } from '../../model/labels.js';
import { jsonArrayItems, type CorpusEncoder } from '../codec.js';
import type { CorpusHeader } from '../factmark-json/encode.js';

/** Ratings on a 1-5 scale, as ClaimReview's ratingValue expects; "unprovable" has no place on it. */
const RATING_VALUES: Record<string, number> = { false: 1, 'mostly-false': 2, mixed: 3, 'mostly-true': 4, true: 5 };

type Json = Record<string, unknown>;
type DocumentMeta = CorpusDocument['meta'];

interface Context {
  labels: readonly LabelDef[];
  entities: ReadonlyMap<string, CanonicalEntity>;
  /** The reviewing organization: the project. */
  reviewer: string;
}

/** An article as a CreativeWork: where a claim appeared. */
function appearance(meta: DocumentMeta): Json {
  return {
    '@type': 'CreativeWork',
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.title ? { headline: meta.title } : {}),
    ...(meta.author ? { author: { '@type': 'Person', name: meta.author } } : {}),
    ...(meta.outlet ? { publisher: { '@type': 'Organization', name: meta.outlet } } : {}),
    ...(meta.published ? { datePublished: meta.published } : {}),
  };
}

function person(name: string, kind: string | undefined, links?: readonly string[]): Json {
  return { '@type': kind === 'person' || kind === undefined ? 'Person' : 'Organization', name, ...(links?.length ? { sameAs: links.length === 1 ? links[0] : links } : {}) };
}

/** The claimant: the canonical claim's own, else the one most mentions name. */
function author(claimant: Claimant | undefined, mentions: readonly Mention[], context: Context): Json | null {
  if (claimant && 'entityId' in claimant) {
    const entity = context.entities.get(claimant.entityId);
    return entity ? person(entity.name, entity.kind, entity.links) : null;
  }
  if (claimant) return person(claimant.text, undefined);
  const counts = new Map<string, { count: number; mention: Mention }>();
  for (const mention of mentions) {
    if (!mention.claimant) continue;
    const key = mention.claimant.entityId ?? mention.claimant.text;
    counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, mention });
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count)[0]?.mention.claimant;
  if (!top) return null;
  const entity = top.entityId ? context.entities.get(top.entityId) : undefined;
  return entity ? person(entity.name, entity.kind, entity.links) : person(top.text, undefined);
}

function rating(value: string, explanation?: string): Json {
  const scale = RATING_VALUES[value];
  return {
    reviewRating: { '@type': 'Rating', alternateName: value, ...(scale ? { ratingValue: scale, bestRating: 5, worstRating: 1 } : {}) },
    ...(explanation ? { reviewBody: explanation } : {}),
  };
}

interface Seen {
  mention: Mention;
  meta: DocumentMeta;
}

/** The review of one canonical claim and the articles that carry it (oldest first). */
export function canonicalClaimReview(claim: CanonicalClaim, seen: readonly Seen[], context: Context): Json {
  // One appearance per article: two mentions in one article (two passages, or two
  // annotators' spans of the same words) would be the same CreativeWork twice.
  const unique = [...new Map(seen.map((item) => [item.mention.ref.documentId, item])).values()];
  const ordered = unique.sort((a, b) => (a.meta.published ?? '9999').localeCompare(b.meta.published ?? '9999'));
  const first = ordered.find((item) => item.meta.published) ?? ordered[0];
  const claimant = author(claim.claimant, ordered.map((item) => item.mention), context);
  const rated = claim.verdict && (claim.status === 'rated' || claim.status === 'reviewed');
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: claim.id,
    claimReviewed: claim.wording,
    itemReviewed: {
      '@type': 'Claim',
      ...(claimant ? { author: claimant } : {}),
      ...(first?.meta.published ? { datePublished: first.meta.published } : {}),
      ...(ordered.length ? { appearance: ordered.map((item) => appearance(item.meta)) } : {}),
      ...(first ? { firstAppearance: appearance(first.meta) } : {}),
    },
    ...(rated && claim.verdict ? { ...rating(claim.verdict.rating, claim.verdict.explanation), datePublished: claim.verdict.at.slice(0, 10) } : {}),
    author: { '@type': 'Organization', name: context.reviewer },
  };
}

/** The review of a claim span linked to no canonical claim: its words, its one article. */
function spanClaimReview(item: Seen, verdict: string | null, context: Context): Json {
  const claimant = author(undefined, [item.mention], context);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: item.mention.text,
    itemReviewed: {
      '@type': 'Claim',
      ...(claimant ? { author: claimant } : {}),
      ...(item.meta.published ? { datePublished: item.meta.published } : {}),
      appearance: [appearance(item.meta)],
      firstAppearance: appearance(item.meta),
    },
    ...(verdict && verdict !== 'unverified' ? rating(verdict, item.mention.note ?? undefined) : {}),
    author: { '@type': 'Organization', name: context.reviewer },
  };
}

export function claimReviewEncoder(): CorpusEncoder {
  const items = jsonArrayItems();
  let context: Context = { labels: [], entities: new Map(), reviewer: 'Factmark' };
  let claims = new Map<string, CanonicalClaim>();
  const byClaim = new Map<string, Seen[]>();
  let unrated = 0;
  return {
    head: (header: CorpusHeader) => {
      context = { labels: header.project.labels, entities: new Map(header.entities.map((entity) => [entity.id, entity])), reviewer: header.project.name };
      claims = new Map((header.claims ?? []).map((claim) => [claim.id, claim]));
      return '[';
    },
    document: (doc) => {
      const layers = doc.annotations.map((layer) => ({ document: doc.id, annotator: layer.annotator, spans: layer.spans, relations: layer.relations }));
      const loose: string[] = [];
      for (const mention of collectMentions(layers, context.labels, [...context.entities.values()])) {
        const seen = { mention, meta: doc.meta };
        if (mention.claimId && claims.has(mention.claimId)) {
          const id = resolveClaimId(claims, mention.claimId);
          byClaim.set(id, [...(byClaim.get(id) ?? []), seen]);
          continue;
        }
        const span = doc.annotations.find((layer) => layer.annotator === mention.ref.annotator)?.spans.find((candidate) => candidate.id === mention.ref.spanId);
        const verdict = typeof span?.attributes.verdict === 'string' ? span.attributes.verdict : null;
        loose.push(JSON.stringify(spanClaimReview(seen, verdict, context)));
      }
      return items(loose, '  ');
    },
    tail: () => {
      const reviews: string[] = [];
      for (const claim of claims.values()) {
        if (claim.mergedInto !== undefined) continue;
        if (!(claim.verdict && (claim.status === 'rated' || claim.status === 'reviewed'))) unrated++;
        reviews.push(JSON.stringify(canonicalClaimReview(claim, byClaim.get(claim.id) ?? [], context)));
      }
      return `${items(reviews, '  ')}\n]\n`;
    },
    notes: () => [
      ...(unrated ? [`${unrated} canonical claim${unrated === 1 ? ' has' : 's have'} no verdict yet: their reviews have no reviewRating, which Google's Fact Check markup requires`] : []),
      'Each review needs the address of the page that publishes your fact check ("url"): add it where you publish them',
    ],
  };
}

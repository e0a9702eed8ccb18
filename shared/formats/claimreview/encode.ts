/**
 * schema.org ClaimReview skeletons, one per claim span, for fact-checkers to complete:
 * claimReviewed is the claim's text; itemReviewed a Claim that appeared in the article
 * (its URL, author and date) and was made by the claimant when one is tagged; the
 * reviewRating carries the verdict once it is not "unverified".
 */
import type { CorpusDocument } from '../../model/corpus.js';
import { jsonArrayItems, type CorpusEncoder } from '../codec.js';

/** Verdicts on a 1-5 scale, as ClaimReview's ratingValue expects. */
const RATINGS: Record<string, number> = { false: 1, 'mostly-false': 2, mixed: 3, 'mostly-true': 4, true: 5 };

export function toClaimReviews(doc: CorpusDocument): object[] {
  return doc.annotations.flatMap((layer) => {
    const byId = new Map(layer.spans.map((span) => [span.id, span]));
    return layer.spans
      .filter((span) => span.label === 'claim')
      .map((claim) => {
        const claimantId = claim.attributes.claimant;
        const claimant = typeof claimantId === 'string' ? byId.get(claimantId) : undefined;
        const kind = claimant?.attributes.kind;
        const verdict = typeof claim.attributes.verdict === 'string' ? claim.attributes.verdict : null;
        const rating = verdict && verdict !== 'unverified' ? RATINGS[verdict] : undefined;
        return {
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          claimReviewed: claim.quote.exact,
          itemReviewed: {
            '@type': 'Claim',
            ...(claimant ? { author: { '@type': kind === 'person' ? 'Person' : 'Organization', name: claimant.quote.exact } } : {}),
            appearance: {
              '@type': 'CreativeWork',
              ...(doc.meta.url ? { url: doc.meta.url } : {}),
              ...(doc.meta.title ? { headline: doc.meta.title } : {}),
              ...(doc.meta.author ? { author: { '@type': 'Person', name: doc.meta.author } } : {}),
              ...(doc.meta.outlet ? { publisher: { '@type': 'Organization', name: doc.meta.outlet } } : {}),
              ...(doc.meta.published ? { datePublished: doc.meta.published } : {}),
            },
          },
          ...(verdict && verdict !== 'unverified'
            ? { reviewRating: { '@type': 'Rating', alternateName: verdict, ...(rating ? { ratingValue: rating, bestRating: 5, worstRating: 1 } : {}) } }
            : {}),
          ...(claim.note ? { reviewBody: claim.note } : {}),
          author: { '@type': 'Person', name: layer.annotator },
        };
      });
  });
}

export function claimReviewEncoder(): CorpusEncoder {
  const items = jsonArrayItems();
  return { head: () => '[', document: (doc) => items(toClaimReviews(doc).map((review) => JSON.stringify(review)), '  '), tail: () => '\n]\n' };
}

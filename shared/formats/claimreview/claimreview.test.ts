import { describe, expect, it } from 'vitest';
import { toClaimReviews } from './encode.js';
import { AnnotationLayer } from '../../model/annotations.js';
import { SourceDocument } from '../../model/document.js';
import { exampleFiles, readExample } from '../../../tests/helpers/example.js';

describe('ClaimReview', () => {
  const source = SourceDocument.parse(readExample(exampleFiles.document));
  const alice = AnnotationLayer.parse(readExample(exampleFiles.alice));
  const { format: _f, version: _v, ...doc } = source;
  const { format: _lf, version: _lv, document: _d, ...layer } = alice;

  it('gives a skeleton per claim, with the claimant and the article it appeared in', () => {
    const reviews = toClaimReviews({ ...doc, annotations: [layer] });
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'About 300 personnel have departed',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Col. Dana Reed' },
        appearance: { '@type': 'CreativeWork', url: 'https://example.org/k1', headline: 'Coalition leaves K-1 Air Base', publisher: { '@type': 'Organization', name: 'Example Wire' }, datePublished: '2020-03-30' },
      },
      author: { '@type': 'Person', name: 'alice' },
    });
  });

  it('rates the claim once it has a verdict', () => {
    const judged = { ...layer, spans: layer.spans.map((s) => (s.id === 's_a6' ? { ...s, attributes: { ...s.attributes, verdict: 'mostly-false' } } : s)) };
    const review = toClaimReviews({ ...doc, annotations: [judged] })[1] as { reviewRating: object; reviewBody: string };
    expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'mostly-false', ratingValue: 2, bestRating: 5, worstRating: 1 });
    expect(review.reviewBody).toBe("Other outlets say 'at least $1.1m'.");
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { claimReviewEncoder } from './encode.js';
import { AnnotationLayer } from '../../model/annotations.js';
import { CanonicalClaim } from '../../model/claims.js';
import type { CorpusDocument } from '../../model/corpus.js';
import { SourceDocument } from '../../model/document.js';
import { EntityRegistry } from '../../model/entities.js';
import { ProjectManifest } from '../../model/project.js';
import { corpusHeader } from '../factmark-json/encode.js';
import { exampleFiles, readExample } from '../../../tests/helpers/example.js';

/**
 * The shape Google's Fact Check markup documents (developers.google.com/search/docs/
 * appearance/structured-data/factcheck): claimReviewed and a reviewRating with its
 * alternateName required; the Claim reviewed with its author, appearances (URL or
 * CreativeWork) and first appearance recommended. `url` is the fact check's own page,
 * which Factmark cannot know: the export's notes ask for it.
 */
const CreativeWork = z.union([z.url(), z.looseObject({ '@type': z.string(), url: z.url().optional(), datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional() })]);
const GoogleClaimReview = z.looseObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  claimReviewed: z.string().min(1),
  reviewRating: z.looseObject({ '@type': z.literal('Rating'), alternateName: z.string().min(1), ratingValue: z.number().optional(), bestRating: z.number().optional(), worstRating: z.number().optional() }).optional(),
  author: z.looseObject({ '@type': z.enum(['Organization', 'Person']), name: z.string().min(1) }),
  itemReviewed: z.looseObject({
    '@type': z.literal('Claim'),
    author: z.looseObject({ '@type': z.enum(['Organization', 'Person']), name: z.string().min(1) }).optional(),
    appearance: z.array(CreativeWork).min(1),
    firstAppearance: CreativeWork,
  }),
});

const manifest = ProjectManifest.parse(readExample(exampleFiles.manifest));
const source = SourceDocument.parse(readExample(exampleFiles.document));
const alice = AnnotationLayer.parse(readExample(exampleFiles.alice));
const entities = EntityRegistry.parse(readExample(exampleFiles.entities)).entities;
const { format: _mf, version: _mv, ...project } = manifest;

function corpusDocument(id: string, meta: Partial<CorpusDocument['meta']>, link: Record<string, string>): CorpusDocument {
  const { format: _f, version: _v, ...doc } = source;
  const { format: _lf, version: _lv, document: _d, ...layer } = alice;
  const spans = layer.spans.map((span) => (link[span.id] ? { ...span, attributes: { ...span.attributes, claimId: link[span.id] as string } } : span));
  return { ...doc, id, meta: { ...doc.meta, ...meta }, annotations: [{ ...layer, spans }] };
}

function exportReviews(documents: CorpusDocument[], claims: CanonicalClaim[]): { reviews: Record<string, unknown>[]; notes: string[] } {
  const encoder = claimReviewEncoder();
  const text = [encoder.head(corpusHeader({ exportedAt: '2026-12-06T10:00:00.000Z', project, entities, ...(claims.length ? { claims } : {}) })), ...documents.map((doc) => encoder.document(doc)), encoder.tail()].join('');
  return { reviews: JSON.parse(text) as Record<string, unknown>[], notes: encoder.notes?.() ?? [] };
}

const claim = (fields: Partial<CanonicalClaim>): CanonicalClaim =>
  CanonicalClaim.parse({ id: 'k_equipment', wording: 'Equipment worth $1.1 million was left behind at K-1', createdBy: 'alice', createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z', ...fields });

describe('ClaimReview', () => {
  it('gives a claim span linked to no canonical claim a review of its own, with the claimant and its article', () => {
    const { reviews } = exportReviews([corpusDocument(source.id, {}, {})], []);
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'About 300 personnel have departed',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Col. Dana Reed' },
        datePublished: '2020-03-30',
        appearance: [{ '@type': 'CreativeWork', url: 'https://example.org/k1', headline: 'Coalition leaves K-1 Air Base', publisher: { '@type': 'Organization', name: 'Example Wire' }, datePublished: '2020-03-30' }],
        firstAppearance: { '@type': 'CreativeWork', url: 'https://example.org/k1', headline: 'Coalition leaves K-1 Air Base', publisher: { '@type': 'Organization', name: 'Example Wire' }, datePublished: '2020-03-30' },
      },
      author: { '@type': 'Organization', name: 'Example: K-1 hand-over' },
    });
    for (const review of reviews) expect(GoogleClaimReview.safeParse(review).error).toBeUndefined();
  });

  it('gives one review per canonical claim: every article that carries it, the first, the claimant and the verdict', () => {
    const rated = claim({
      status: 'reviewed',
      verdict: { rating: 'mostly-false', explanation: "Other outlets say 'at least $1.1m'.", by: 'alice', at: '2026-12-02T10:00:00.000Z' },
      signOff: { by: 'bob', at: '2026-12-03T10:00:00.000Z' },
      claimant: { entityId: 'e_k1' },
    });
    const documents = [
      corpusDocument('d_wire', {}, { s_a6: 'k_equipment' }),
      corpusDocument('d_daily', { outlet: 'Example Daily', url: 'https://example.org/daily', published: '2020-03-29' }, { s_a6: 'k_equipment' }),
    ];
    const { reviews, notes } = exportReviews(documents, [rated]);
    const canonical = reviews.filter((review) => review.identifier === 'k_equipment');
    expect(canonical).toHaveLength(1);
    const review = canonical[0] as { claimReviewed: string; itemReviewed: { author: unknown; appearance: { url: string }[]; firstAppearance: { url: string } }; reviewRating: unknown; reviewBody: string; datePublished: string };
    expect(review.claimReviewed).toBe('Equipment worth $1.1 million was left behind at K-1');
    expect(review.itemReviewed.appearance.map((item) => item.url)).toEqual(['https://example.org/daily', 'https://example.org/k1']);
    expect(review.itemReviewed.firstAppearance.url).toBe('https://example.org/daily');
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'K-1 Air Base' });
    expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'mostly-false', ratingValue: 2, bestRating: 5, worstRating: 1 });
    expect(review.reviewBody).toBe("Other outlets say 'at least $1.1m'.");
    expect(review.datePublished).toBe('2026-12-02');
    // The two linked spans are one claim; the unlinked ones keep their own reviews.
    expect(reviews).toHaveLength(3);
    for (const item of reviews) expect(GoogleClaimReview.safeParse(item).error).toBeUndefined();
    expect(notes.join(' ')).toContain('"url"');
    expect(notes.join(' ')).not.toContain('no verdict');
  });

  it('leaves the rating out until the claim is rated, says so, and names the claimant most mentions give', () => {
    const researching = claim({ status: 'researching', verdict: { rating: 'false', by: 'alice', at: '2026-12-02T10:00:00.000Z' } });
    const { reviews, notes } = exportReviews([corpusDocument('d_wire', {}, { s_a6: 'k_equipment' })], [researching]);
    const review = reviews.find((item) => item.identifier === 'k_equipment') as { reviewRating?: unknown; itemReviewed: { author: unknown } };
    expect(review.reviewRating).toBeUndefined();
    expect(review.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Col. Dana Reed' });
    expect(notes[0]).toContain('1 canonical claim has no verdict yet');
  });

  it('counts the mentions of a merged claim for the one it was merged into', () => {
    const into = claim({ id: 'k_into' });
    const merged = claim({ id: 'k_merged', mergedInto: 'k_into' });
    const { reviews } = exportReviews([corpusDocument('d_wire', {}, { s_a6: 'k_merged', s_a4: 'k_into' })], [into, merged]);
    expect(reviews.map((review) => review.identifier).filter(Boolean)).toEqual(['k_into']);
    const review = reviews.find((item) => item.identifier === 'k_into') as { itemReviewed: { appearance: unknown[] } };
    // Two passages of one article: it appears once.
    expect(review.itemReviewed.appearance).toHaveLength(1);
  });
});

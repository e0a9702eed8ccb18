/** Claim mentions made by hand, for tests of what reads them (matching, link agreement). */
import type { Mention } from '../../shared/claims/mentions.js';
import type { CanonicalClaim } from '../../shared/model/claims.js';

export function mention(documentId: string, annotator: string, spanId: string, text: string, more: Partial<Omit<Mention, 'ref' | 'text'>> = {}): Mention {
  return { ref: { documentId, annotator, spanId }, label: 'claim', claimId: null, text, start: 0, end: [...text].length, carriedAs: null, claimant: null, entities: [], dates: [], note: null, ...more };
}

const STAMP = '2026-12-01T00:00:00.000Z';

export function claim(id: string, wording: string, more: Partial<CanonicalClaim> = {}): CanonicalClaim {
  return { id, wording, status: 'unverified', history: [], evidence: [], createdBy: 'ana', createdAt: STAMP, updatedAt: STAMP, ...more };
}

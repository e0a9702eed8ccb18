import { describe, expect, it } from 'vitest';
import { CanonicalClaim } from '../model/claims.js';
import type { BoardDocument, ClaimCard } from './board.js';
import { drawTimeline, timexRange } from './timeline.js';

const at = '2026-12-06T10:00:00.000Z';
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function card(id: string, wording: string, about: string | null, documents: string[]): ClaimCard {
  return {
    claim: CanonicalClaim.parse({ id, wording, createdBy: 'alice', createdAt: at, updatedAt: at, ...(about ? { about: { value: about } } : {}) }),
    mentions: documents.map((documentId, i) => ({ ref: { documentId, annotator: 'alice', spanId: `s_${i}` }, label: 'claim', claimId: id, text: wording, start: 0, end: 1, carriedAs: null, claimant: null, entities: [], dates: [], note: null })),
    firstAppearance: documents[0] ? { documentId: documents[0], annotator: 'alice', spanId: 's_0' } : null,
    outlets: [],
    entities: [],
    disagreements: [],
  };
}

const documents: Record<string, BoardDocument> = {
  d_a: { id: 'd_a', title: 'A', outlet: 'Rudaw <Erbil>', published: '2020-03-29', url: null },
  d_b: { id: 'd_b', title: 'B', outlet: 'Jerusalem Post', published: '2020-03-30', url: null },
  d_x: { id: 'd_x', title: 'X', outlet: null, published: null, url: null },
};

describe('the timeline', () => {
  it('reads the TIMEX3 values that are on the calendar as spans of days', () => {
    expect(timexRange('2020-03-29')).toEqual([day('2020-03-29'), day('2020-03-30')]);
    expect(timexRange('2020-W13')).toEqual([day('2020-03-23'), day('2020-03-30')]);
    expect(timexRange('2020-03')).toEqual([day('2020-03-01'), day('2020-04-01')]);
    expect(timexRange('2020')).toEqual([day('2020-01-01'), day('2021-01-01')]);
    expect(timexRange('PRESENT_REF')).toBeNull();
    expect(timexRange('P3D')).toBeNull();
  });

  it('draws a row per dated claim, a dot per article, the first ringed, and escapes every text', () => {
    const { svg, undated } = drawTimeline([card('k_1', 'Transfer <coordinated> with "Iraq"', '2020-03-29', ['d_a', 'd_b']), card('k_2', 'Undated', null, ['d_x'])], documents);
    expect(undated).toBe(1);
    expect(svg.match(/<circle [^>]*><title>/g)).toHaveLength(2);
    expect(svg).toContain('Rudaw &#60;Erbil&#62;, 2020-03-29 (first appearance)');
    expect(svg).toContain('Transfer &#60;coordinated&#62; with &#34;Iraq&#34;');
    expect(svg).not.toMatch(/<coordinated>|<Erbil>/);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('About 2020-03-29');
  });

  it('says so when nothing is dated', () => {
    expect(drawTimeline([card('k_2', 'Undated', null, ['d_x'])], documents).svg).toContain('No claim has a date yet');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, proposeMatches, type MatchProposal } from '../../../../shared/claims/matching.js';
import type { Mention } from '../../../../shared/claims/mentions.js';
import type { DismissedMatch } from '../../../../shared/model/claims.js';
import { claim, mention } from '../../../helpers/mentions.js';

const BARKER = '“Today’s transfer was coordinated with the Government of Iraq and is possible thanks to the efforts and successes of our ISF partners,” he said.';
const BARKER_AGAIN = 'Today’s transfer was coordinated with the Government of Iraq and is possible thanks to the efforts and successes of our ISF partners.';
const EQUIPMENT = 'At least $1.1m of equipment was transferred to the Iraqis as 300 coalition personnel departed.';
const EQUIPMENT_AGAIN = 'At least $1.1 million dollars of equipment were also given to the Iraqis as 300 coalition personnel departed.';
const EQUIPMENT_OTHER_FIGURES = 'At least $2.5m of equipment was transferred to the Iraqis as 450 coalition personnel departed.';
const UNRELATED = 'Two American troops have been killed by rocket fire on an Iraqi base hosting US and British soldiers.';
const STAMP = '2026-12-01T00:00:00.000Z';

const target = (proposal: MatchProposal) => ('claimId' in proposal.target ? `claim:${proposal.target.claimId}` : `${proposal.target.span.documentId}/${proposal.target.span.spanId}`);
const summary = (proposals: readonly MatchProposal[]) => proposals.map((p) => `${p.span.documentId}/${p.span.spanId} -> ${target(p)}`);

describe('claim matching', () => {
  it('proposes a statement restated in another document, once per pair, with a score and reasons', () => {
    const mentions = [mention('d1', 'ana', 's1', BARKER, { claimant: { entityId: null, text: 'Brig. Gen. Vincent Barker' } }), mention('d2', 'ana', 's9', BARKER_AGAIN, { claimant: { entityId: null, text: 'Barker' } }), mention('d2', 'ana', 's8', UNRELATED)];
    const proposals = proposeMatches({ mentions, claims: [], dismissed: [] });
    expect(summary(proposals)).toEqual(['d1/s1 -> d2/s9']);
    const [only] = proposals;
    expect(only?.score).toBe(1);
    expect(only?.reasons).toEqual({
      words: expect.arrayContaining(['coordinated', 'government', 'isf', 'transfer']),
      numbers: { agree: [], differ: [] },
      entities: [],
      dates: { agree: [], differ: [] },
      claimant: 'Brig. Gen. Vincent Barker',
    });
    expect(only?.reasons.words).not.toContain('said');
  });

  it('never matches two mentions of one document, whoever tagged them', () => {
    const mentions = [mention('d1', 'ana', 's1', BARKER), mention('d1', 'ben', 's1', BARKER), mention('d1', 'ana', 's2', BARKER_AGAIN)];
    expect(proposeMatches({ mentions, claims: [], dismissed: [] })).toEqual([]);
  });

  it('proposes a canonical claim through its wording, or through a mention already linked to it', () => {
    const claims = [claim('c_barker', 'Barker: the transfer was coordinated with the Government of Iraq, thanks to the ISF'), claim('c_equipment', 'Equipment worth $1.1m was handed to Iraq at K-1')];
    const mentions = [mention('d1', 'ana', 's1', BARKER), mention('d3', 'ben', 's4', EQUIPMENT, { claimId: 'c_equipment' }), mention('d2', 'ana', 's2', EQUIPMENT_AGAIN)];
    const proposals = proposeMatches({ mentions, claims, dismissed: [] });
    expect(summary(proposals)).toEqual(['d2/s2 -> claim:c_equipment', 'd1/s1 -> claim:c_barker']);
    // The linked mention is the better text: its score and figures are the ones shown.
    expect(proposals[0]?.score).toBeGreaterThan(0.9);
    expect(proposals[0]?.reasons.numbers.agree).toEqual(['$1.1 million', '300']);
  });

  it('counts a merged claim\'s texts for the claim it was merged into', () => {
    const claims = [claim('c_old', 'The coalition says the transfer was coordinated with the Government of Iraq', { mergedInto: 'c_new' }), claim('c_new', 'Iraqi bases are handed over')];
    const proposals = proposeMatches({ mentions: [mention('d1', 'ana', 's1', BARKER), mention('d2', 'ana', 's2', BARKER_AGAIN, { claimId: 'c_old' })], claims, dismissed: [] });
    expect(summary(proposals)).toEqual(['d1/s1 -> claim:c_new']);
  });

  it('does not compare a candidate with a claim\'s mention in its own document, and ignores links to claims not in claims.json', () => {
    const claims = [claim('c1', 'Rocket fire hit a base')];
    const mentions = [mention('d1', 'ana', 's1', BARKER), mention('d1', 'ben', 's1', BARKER, { claimId: 'c1' }), mention('d2', 'ben', 's2', BARKER_AGAIN, { claimId: 'c_gone' })];
    expect(proposeMatches({ mentions, claims, dismissed: [] })).toEqual([]);
  });

  it('never proposes again what was turned down: a claim (merged or not), or a pair of spans either way round', () => {
    const claims = [claim('c_old', BARKER_AGAIN, { mergedInto: 'c_new' }), claim('c_new', BARKER_AGAIN)];
    const mentions = [mention('d1', 'ana', 's1', BARKER), mention('d2', 'ben', 's2', BARKER_AGAIN), mention('d3', 'cleo', 's3', BARKER)];
    const all = summary(proposeMatches({ mentions, claims, dismissed: [] }));
    expect(all).toEqual(expect.arrayContaining(['d1/s1 -> claim:c_new', 'd1/s1 -> d2/s2', 'd1/s1 -> d3/s3', 'd2/s2 -> d3/s3']));
    const no = (span: Mention, withWhat: DismissedMatch['with']): DismissedMatch => ({ span: span.ref, with: withWhat, by: 'ana', at: STAMP });
    const [s1, s2, s3] = mentions as [Mention, Mention, Mention];
    const dismissed = [no(s1, { claimId: 'c_old' }), no(s2, { span: s1.ref }), no(s3, { span: s2.ref })];
    const left = summary(proposeMatches({ mentions, claims, dismissed }));
    expect(left).not.toContain('d1/s1 -> claim:c_new');
    expect(left).not.toContain('d1/s1 -> d2/s2');
    expect(left).not.toContain('d2/s2 -> d3/s3');
    expect(left).toEqual(expect.arrayContaining(['d1/s1 -> d3/s3', 'd2/s2 -> claim:c_new', 'd3/s3 -> claim:c_new']));
  });

  it('gives proposals for one annotator\'s spans only, with anyone\'s as targets', () => {
    const mentions = [mention('d1', 'ana', 's1', BARKER), mention('d2', 'ben', 's2', BARKER_AGAIN), mention('d3', 'ben', 's3', BARKER)];
    // ben's two spans are proposed with ana's, and with each other once.
    expect(summary(proposeMatches({ mentions, claims: [], dismissed: [], for: 'ben' })).sort()).toEqual(['d2/s2 -> d1/s1', 'd2/s2 -> d3/s3', 'd3/s3 -> d1/s1']);
    expect(summary(proposeMatches({ mentions, claims: [], dismissed: [], for: (m) => m.ref.spanId === 's3' }))).toEqual(['d3/s3 -> d1/s1', 'd3/s3 -> d2/s2']);
  });

  it('lowers a restatement with other figures below the same words with the same figures, and says what differs', () => {
    const sameFigures = 'At least $1.1 million of equipment was transferred to the Iraqis as 300 coalition personnel departed.';
    const mentions = [mention('d1', 'ana', 's1', EQUIPMENT), mention('d2', 'ana', 's2', sameFigures), mention('d3', 'ana', 's3', EQUIPMENT_OTHER_FIGURES)];
    const proposals = proposeMatches({ mentions, claims: [], dismissed: [], threshold: 0 });
    const same = proposals.find((p) => target(p) === 'd2/s2' && p.span.spanId === 's1');
    const other = proposals.find((p) => target(p) === 'd3/s3' && p.span.spanId === 's1');
    expect(same?.reasons.numbers).toEqual({ agree: ['$1.1m', '300'], differ: [] });
    expect(other?.reasons.numbers).toEqual({ agree: [], differ: ['$1.1m vs $2.5m', '300 vs 450'] });
    // Two kinds of figure in conflict: 0.15 each off the same words' score, but still proposed.
    expect(same?.score).toBe(1);
    expect(other?.score).toBeCloseTo(0.7, 6);
  });

  it('sorts best first, ties by span and target; proposes nothing for an empty project; checks the threshold', () => {
    const mentions = [mention('d2', 'ana', 's2', BARKER_AGAIN), mention('d1', 'ana', 's1', BARKER), mention('d3', 'ana', 's3', EQUIPMENT), mention('d4', 'ana', 's4', EQUIPMENT_OTHER_FIGURES)];
    const proposals = proposeMatches({ mentions, claims: [], dismissed: [], threshold: 0.01 });
    for (let i = 1; i < proposals.length; i++) expect((proposals[i - 1] as MatchProposal).score).toBeGreaterThanOrEqual((proposals[i] as MatchProposal).score);
    expect(proposals[0]?.span.spanId).toBe('s1');
    expect(proposeMatches({ mentions: [], claims: [], dismissed: [] })).toEqual([]);
    expect(() => proposeMatches({ mentions, claims: [], dismissed: [], threshold: 1.5 })).toThrow(RangeError);
    expect(() => proposeMatches({ mentions, claims: [], dismissed: [], threshold: Number.NaN })).toThrow(RangeError);
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(0);
  });

  it('gives the same proposals whatever the order of the mentions and claims', () => {
    const claims = [claim('c1', EQUIPMENT), claim('c2', 'Rocket fire killed two American troops at Taji')];
    const mentions = [
      mention('d1', 'ana', 's1', BARKER),
      mention('d2', 'ben', 's2', BARKER_AGAIN),
      mention('d3', 'ana', 's3', EQUIPMENT_AGAIN),
      mention('d4', 'ben', 's4', EQUIPMENT_OTHER_FIGURES),
      mention('d5', 'ana', 's5', UNRELATED),
      mention('d6', 'cleo', 's6', EQUIPMENT, { claimId: 'c1' }),
      mention('d7', 'cleo', 's7', 'Rockets killed two American soldiers at Camp Taji on Wednesday.'),
    ];
    const expected = proposeMatches({ mentions, claims, dismissed: [], threshold: 0.2 }).map((p) => [summary([p])[0], p.score]);
    expect(expected.length).toBeGreaterThan(4);
    fc.assert(
      fc.property(fc.shuffledSubarray(mentions, { minLength: mentions.length }), fc.shuffledSubarray(claims, { minLength: claims.length }), (m, c) => {
        expect(proposeMatches({ mentions: m, claims: c, dismissed: [], threshold: 0.2 }).map((p) => [summary([p])[0], p.score])).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});

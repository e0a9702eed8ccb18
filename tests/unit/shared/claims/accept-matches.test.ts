import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAcceptance, type AcceptContext } from '../../../../shared/claims/accept-matches.js';
import type { MatchProposal } from '../../../../shared/claims/matching.js';
import type { Mention } from '../../../../shared/claims/mentions.js';
import { spanKey, type SpanRef } from '../../../../shared/model/claims.js';
import { mention } from '../../../helpers/mentions.js';

const REASONS = { words: [], numbers: { agree: [], differ: [] }, entities: [], dates: { agree: [], differ: [] }, claimant: null };
const toSpan = (from: Mention, to: Mention, score = 0.6): MatchProposal => ({ span: from.ref, target: { span: to.ref }, score, reasons: REASONS });
const toClaim = (from: Mention, claimId: string, score = 0.6): MatchProposal => ({ span: from.ref, target: { claimId }, score, reasons: REASONS });

function context(mentions: Mention[], published: Record<string, string> = {}, canLink: (ref: SpanRef) => boolean = () => true): AcceptContext {
  let next = 0;
  return { mentions: new Map(mentions.map((item) => [spanKey(item.ref), item])), published: (id: string) => published[id] ?? null, canLink, newId: () => `k_new${++next}` };
}

const wire = mention('wire', 'ana', 's1', 'Transfer coordinated with Iraq', { claimant: { entityId: 'e_barker', text: 'Barker' } });
const daily = mention('daily', 'ana', 's2', '"Today\'s transfer was coordinated with the Government of Iraq"', { claimant: { entityId: null, text: 'Brig. Gen. Barker' } });
const post = mention('post', 'bob', 's3', 'The transfer was coordinated');

describe('accepting match proposals', () => {
  it('two unlinked spans become one new claim, worded and attributed as the earlier article has it', () => {
    const plan = planAcceptance([toSpan(wire, daily)], context([wire, daily], { wire: '2020-03-30', daily: '2020-03-29' }));
    expect(plan.create).toEqual([{ kind: 'create', id: 'k_new1', wording: daily.text, claimant: { text: 'Brig. Gen. Barker' } }]);
    expect(plan.links.get('ana')).toEqual([
      { documentId: 'wire', spanId: 's1', claimId: 'k_new1' },
      { documentId: 'daily', spanId: 's2', claimId: 'k_new1' },
    ]);
  });

  it('a chain joins the claim one of its spans was proposed for, the best score winning', () => {
    const plan = planAcceptance([toSpan(wire, daily), toClaim(daily, 'k_low', 0.5), toClaim(wire, 'k_high', 0.9), toSpan(post, daily)], context([wire, daily, post]));
    expect(plan.create).toEqual([]);
    const linked = [...plan.links.values()].flat();
    expect(linked.map((link) => link.claimId)).toEqual(['k_high', 'k_high', 'k_high']);
    expect(plan.links.get('bob')).toEqual([{ documentId: 'post', spanId: 's3', claimId: 'k_high' }]);
  });

  it("leaves a colleague's span alone, and creates nothing for a group with none of the caller's spans", () => {
    const mine = (ref: SpanRef) => ref.annotator === 'ana';
    const plan = planAcceptance([toSpan(wire, post)], context([wire, post], {}, mine));
    expect(plan.leftOut).toEqual([post.ref]);
    expect([...plan.links.values()].flat()).toEqual([{ documentId: 'wire', spanId: 's1', claimId: 'k_new1' }]);
    const none = planAcceptance([toClaim(post, 'k_x')], context([post], {}, mine));
    expect(none).toEqual({ create: [], links: new Map(), leftOut: [post.ref] });
  });

  it('property: every span is linked once, and spans joined by proposals share one claim', () => {
    const spans = Array.from({ length: 8 }, (_, at) => mention(`d${at % 4}`, at % 2 ? 'ana' : 'bob', `s${at}`, `claim text ${at}`));
    const arbitraryProposal = fc.oneof(
      fc.record({ from: fc.nat(7), to: fc.nat(7), score: fc.double({ min: 0.4, max: 1, noNaN: true }) }).map(({ from, to, score }) => toSpan(spans[from] as Mention, spans[to] as Mention, score)),
      fc.record({ from: fc.nat(7), claim: fc.constantFrom('k_a', 'k_b'), score: fc.double({ min: 0.4, max: 1, noNaN: true }) }).map(({ from, claim, score }) => toClaim(spans[from] as Mention, claim, score)),
    );
    fc.assert(
      fc.property(fc.array(arbitraryProposal, { maxLength: 12 }), (proposals) => {
        const plan = planAcceptance(proposals, context(spans));
        const links = [...plan.links.values()].flat();
        const claimOf = new Map(links.map((link) => [`${link.documentId}/${link.spanId}`, link.claimId]));
        expect(claimOf.size).toBe(links.length);
        const named = new Set(proposals.flatMap((p) => [p.span, ...('span' in p.target ? [p.target.span] : [])]).map((ref) => `${ref.documentId}/${ref.spanId}`));
        expect(new Set(claimOf.keys())).toEqual(named);
        for (const p of proposals) if ('span' in p.target) expect(claimOf.get(`${p.target.span.documentId}/${p.target.span.spanId}`)).toBe(claimOf.get(`${p.span.documentId}/${p.span.spanId}`));
        const created = new Set(plan.create.map((change) => change.id));
        for (const id of claimOf.values()) expect(id !== null && (created.has(id) || id === 'k_a' || id === 'k_b')).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementReport, type AgreementInput } from '../../../../shared/review/agreement.js';
import { krippendorffAlpha } from '../../../../shared/review/alpha.js';
import { cohenKappa, fleissKappa } from '../../../../shared/review/kappa.js';
import type { SpanExtent } from '../../../../shared/review/pairing.js';
import { unitizingAlpha } from '../../../../shared/review/unitizing.js';
import { mention } from '../../../helpers/mentions.js';

const s = (label: string, start: number, end: number): SpanExtent => ({ label, start, end });

function input(byAnnotator: Record<string, Record<string, SpanExtent[]>>, lengths: Record<string, number>): AgreementInput {
  return {
    layers: new Map(Object.entries(byAnnotator).map(([name, documents]) => [name, new Map(Object.entries(documents))])),
    documentLengths: new Map(Object.entries(lengths)),
  };
}

// Two documents. Positions: d1 0-10 (claim, claim), 12-20 (entity, claim), 30-35 (date, —),
// 31-35 (—, date); d2 0-5 (entity, entity), 10-20 (claim, claim), 25-30 (—, entity).
const ann = { d1: [s('claim', 0, 10), s('entity', 12, 20), s('date', 30, 35)], d2: [s('entity', 0, 5), s('claim', 10, 20)] };
const bob = { d1: [s('claim', 0, 10), s('claim', 12, 20), s('date', 31, 35)], d2: [s('entity', 0, 5), s('claim', 10, 20), s('entity', 25, 30)] };
const lengths = { d1: 50, d2: 40 };
const NONE = 'none';

describe('the agreement report', () => {
  const report = agreementReport(input({ ann, bob }, lengths));

  it('list annotators, labels and documents, as plain JSON data', () => {
    expect(report).toMatchObject({ annotators: ['ann', 'bob'], labels: ['claim', 'date', 'entity'], skipped: [], warnings: [] });
    expect(report.documents.map((d) => [d.document, d.length])).toEqual([['d1', 50], ['d2', 40]]);
    expect(report.corpus).toMatchObject({ documents: 2, length: 90 });
    expect(report.corpus.all).toMatchObject({ spans: [5, 6], positions: 7 });
    expect(report.corpus.byLabel.map((row) => [row.label, row.spans, row.positions])).toEqual([['claim', [2, 3], 3], ['date', [1, 1], 2], ['entity', [2, 2], 3]]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("compute Cohen's kappa over tagged positions, with 'none' for a position an annotator left untagged", () => {
    // Pooled over both documents: N = 7, 3 agreements, S = Σ_c nA(c)·nB(c) = 2·3 + 2·2 + 1·1 + 2·1 = 13,
    // κ = (7·3 − 13)/(7² − 13) = 8/36.
    const a = ['claim', 'entity', 'date', NONE, 'entity', 'claim', NONE];
    const b = ['claim', 'claim', NONE, 'date', 'entity', 'claim', 'entity'];
    expect(report.corpus.all.kappa.value).toBeCloseTo(8 / 36, 12);
    expect(report.corpus.all.kappa.value).toBeCloseTo(cohenKappa(a, b).value!, 12);
  });

  it('pool the corpus rather than average the documents', () => {
    // d1: κ = (4·1 − 4)/(16 − 4) = 0; d2: κ = (3·2 − 3)/(9 − 3) = 0.5. Their mean, 0.25, is not the corpus value.
    expect(report.documents.map((d) => d.all.kappa.value)).toEqual([0, 0.5]);
    expect(report.corpus.all.kappa.value).not.toBeCloseTo(0.25, 3);
  });

  it('compute nominal alpha with untagged positions as missing data', () => {
    // Pairable: (claim, claim), (entity, claim), (entity, entity), (claim, claim); α = 1 − 7·2/(64 − 25 − 9) = 8/15.
    const matrix = [
      ['claim', 'entity', 'date', null, 'entity', 'claim', null],
      ['claim', 'claim', null, 'date', 'entity', 'claim', 'entity'],
    ];
    expect(report.corpus.all.alpha).toMatchObject({ pairableUnits: 4, pairableValues: 8 });
    expect(report.corpus.all.alpha.value).toBeCloseTo(8 / 15, 12);
    expect(report.corpus.all.alpha.value).toBeCloseTo(krippendorffAlpha(matrix).value!, 12);
  });

  it('compute per-label kappa and alpha as the label against all other values', () => {
    const claim = report.corpus.byLabel.find((row) => row.label === 'claim')!;
    const a = [true, false, false, false, false, true, false];
    const b = [true, true, false, false, false, true, false];
    expect(claim.kappa.value).toBeCloseTo(cohenKappa(a, b).value!, 12);
    expect(claim.kappa.value).toBeCloseTo(16 / 23, 12);
    const matrix = [
      [true, false, false, null, false, true, null],
      [true, true, null, false, false, true, false],
    ];
    expect(claim.alpha.value).toBeCloseTo(krippendorffAlpha(matrix).value!, 12);
  });

  it("compute unitizing alpha per label and over all labels from each document's continuum", () => {
    const d1 = report.documents[0]!;
    const date = d1.byLabel.find((row) => row.label === 'date')!;
    expect(date.unitizingAlpha).toEqual(unitizingAlpha([[{ start: 30, end: 35 }], [{ start: 31, end: 35 }]], 50));
    const all = d1.all.unitizingAlpha;
    const sums = d1.byLabel.reduce((total, row) => ({ o: total.o + row.unitizingAlpha.observedDisagreement!, e: total.e + row.unitizingAlpha.expectedDisagreement! }), { o: 0, e: 0 });
    expect(all.value).toBeCloseTo(1 - sums.o / sums.e, 12);
    expect(report.corpus.all.unitizingAlpha).toMatchObject({ length: 90, units: 11 });
  });

  it('compute span P/R/F1 of each pair, exact and partial, per label and in all', () => {
    const [pair] = report.corpus.all.spanF1;
    // 5 reference and 6 response spans; exact: claim 0-10, entity 0-5, claim 10-20; partial adds date 30-35 ~ 31-35.
    expect(pair).toMatchObject({ reference: 'ann', response: 'bob', exact: { truePositives: 3, precision: 3 / 6, recall: 3 / 5, f1: 6 / 11 }, partial: { truePositives: 4, f1: 8 / 11 } });
    const date = report.corpus.byLabel.find((row) => row.label === 'date')!.spanF1[0]!;
    expect(date.exact.truePositives).toBe(0);
    expect(date.partial.truePositives).toBe(1);
    const sum = report.corpus.byLabel.reduce((total, row) => total + row.spanF1[0]!.partial.truePositives, 0);
    expect(sum).toBe(4);
  });

  it("use Fleiss' kappa for three annotators", () => {
    const three = agreementReport(input({ ann, bob, cy: ann }, lengths));
    // Categories claim, entity, date, none; one row per position, as above.
    const table = [
      [3, 0, 0, 0],
      [1, 2, 0, 0],
      [0, 0, 2, 1],
      [0, 0, 1, 2],
      [0, 3, 0, 0],
      [3, 0, 0, 0],
      [0, 1, 0, 2],
    ];
    expect(three.corpus.all.kappa.method).toBe('fleiss');
    expect(three.corpus.all.kappa.value).toBeCloseTo(fleissKappa(table).value!, 12);
    expect(three.corpus.all.spanF1.map((pair) => [pair.reference, pair.response])).toEqual([['ann', 'bob'], ['ann', 'cy'], ['bob', 'cy']]);
    const fromBob = agreementReport(input({ ann, bob, cy: ann }, lengths), { reference: 'bob' });
    expect(fromBob.corpus.all.spanF1.map((pair) => [pair.reference, pair.response])).toEqual([['bob', 'ann'], ['bob', 'cy']]);
  });

  it('leave out the spans of other labels when given a label filter', () => {
    const filtered = agreementReport(input({ ann, bob }, lengths), { labels: ['date', 'quote'] });
    expect(filtered.labels).toEqual(['date', 'quote']);
    expect(filtered.corpus.all).toMatchObject({ spans: [1, 1], positions: 2 });
    const quote = filtered.corpus.byLabel[1]!;
    expect(quote.unitizingAlpha).toMatchObject({ value: null, reason: expect.stringContaining('nothing to unitize') });
    expect(quote.spanF1[0]!.exact).toMatchObject({ f1: null, reason: expect.stringContaining('neither has spans') });
  });

  it('skip documents an annotator has no layer for or whose length is unknown, and warn about spans past the end', () => {
    const partial = agreementReport(input({ ann: { ...ann, d3: [] }, bob: { ...bob, d4: [s('claim', 0, 99)] } }, { ...lengths, d3: 10, d5: 10 }));
    expect(partial.skipped).toEqual([
      { document: 'd3', reason: 'not annotated by bob' },
      { document: 'd4', reason: 'not annotated by ann' },
      { document: 'd5', reason: 'not annotated by ann, bob' },
    ]);
    expect(agreementReport(input({ ann, bob }, { d1: 50 })).skipped).toEqual([{ document: 'd2', reason: 'length of the text unknown' }]);
    expect(agreementReport(input({ ann, bob }, { d1: 50, d2: 12 })).warnings).toEqual(["d2: 3 span(s) end past the text's 12 code points; unitizing alpha clips them"]);
  });

  it('say why every number is null when there is only one annotator', () => {
    const alone = agreementReport(input({ ann }, lengths));
    expect(alone.corpus.all.kappa).toMatchObject({ value: null, reason: 'needs two or more annotators' });
    expect(alone.corpus.all.alpha).toMatchObject({ value: null, reason: expect.stringContaining('no pairable units') });
    expect(alone.corpus.all.unitizingAlpha).toMatchObject({ value: null, reason: 'needs two or more annotators' });
    expect(alone.corpus.all.spanF1).toEqual([]);
  });

  it('give perfect agreement (or null, never NaN) when every annotator made the same spans', () => {
    const arbitrarySpans = fc.array(fc.record({ start: fc.nat(40), length: fc.integer({ min: 1, max: 8 }), label: fc.constantFrom('claim', 'entity', 'date') }), { maxLength: 20 });
    fc.assert(
      fc.property(arbitrarySpans, arbitrarySpans, fc.integer({ min: 2, max: 3 }), (first, second, annotators) => {
        const documents = { d1: first.map(({ start, length, label }) => s(label, start, start + length)), d2: second.map(({ start, length, label }) => s(label, start, start + length)) };
        const same = agreementReport(input(Object.fromEntries(Array.from({ length: annotators }, (_, i) => [`a${i}`, documents])), { d1: 50, d2: 50 }));
        const scopes = [same.corpus, ...same.documents].flatMap((scope) => [scope.all, ...scope.byLabel]);
        for (const numbers of scopes) {
          for (const value of [numbers.kappa.value, numbers.alpha.value, numbers.unitizingAlpha.value, ...numbers.spanF1.flatMap((pair) => [pair.exact.f1, pair.partial.f1])]) {
            expect(value === null || value === 1).toBe(true);
          }
          for (const result of [numbers.kappa, numbers.alpha, numbers.unitizingAlpha]) expect(result.value !== null || typeof result.reason === 'string').toBe(true);
        }
        expect(JSON.stringify(same)).not.toContain('NaN');
      }),
      { numRuns: 50 },
    );
  });

  it('report how the pairs\' claim links agree, over the documents compared and the labels asked for', () => {
    const link = (annotator: string, doc: string, start: number, claimId: string | null, label = 'claim') => ({ ...mention(doc, annotator, `${annotator}${doc}${start}`, 'x'.repeat(10), { claimId, label }), start, end: start + 10 });
    // Both link the claims of d1 and d2 together; on d3 (not annotated by bob) ana links one more.
    const mentions = [link('ann', 'd1', 0, 'c1'), link('ann', 'd2', 10, 'c1'), link('bob', 'd1', 0, 'k'), link('bob', 'd2', 10, 'k'), link('ann', 'd3', 0, 'c1')];
    const report = agreementReport({ ...input({ ann, bob, cy: ann }, lengths), claims: { mentions, registry: [] } });
    expect(report.claimLinks.map((pair) => [pair.reference, pair.response, pair.mentions])).toEqual([['ann', 'bob', 2], ['ann', 'cy', 0], ['bob', 'cy', 0]]);
    expect(report.claimLinks[0]).toMatchObject({ pairwise: { precision: 1, recall: 1, f1: 1 }, bcubed: { f1: 1 } });
    expect(report.claimLinks[1]?.reason).toBe('no claim span tagged by both');
    expect(agreementReport({ ...input({ ann, bob }, lengths), claims: { mentions, registry: [] } }, { reference: 'bob' }).claimLinks.map((pair) => pair.reference)).toEqual(['bob']);
    // A label filter without claim labels leaves no claim span to compare; no claims given, no claim links.
    expect(agreementReport({ ...input({ ann, bob }, lengths), claims: { mentions, registry: [] } }, { labels: ['date'] }).claimLinks[0]?.mentions).toBe(0);
    expect(agreementReport(input({ ann, bob }, lengths)).claimLinks).toEqual([]);
  });
});

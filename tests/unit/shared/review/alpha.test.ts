import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, NominalAlphaTally } from '../../../../shared/review/alpha.js';

const _ = null;

describe("Krippendorff's alpha, nominal", () => {
  it("reproduce Krippendorff's 4 coders × 12 units with missing data: α = 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C. Unit 12
    // has one value and drops out: 11 pairable units, n = 40 values.
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const result = krippendorffAlpha(data);
    expect(result).toMatchObject({ pairableUnits: 11, pairableValues: 40 });
    expect(result.value).toBeCloseTo(0.743, 3);
  });

  it('agree with a hand computation for two coders', () => {
    // Units (a,a), (a,b), (b,b), (b,b): o_ab = o_ba = 1, n_a = 3, n_b = 5, n = 8.
    // α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 7·2 / (2·3·5) = 8/15.
    const result = krippendorffAlpha([
      ['a', 'a', 'b', 'b'],
      ['a', 'b', 'b', 'b'],
    ]);
    expect(result.value).toBeCloseTo(8 / 15, 12);
    expect(result.observedDisagreement).toBeCloseTo(2 / 8, 12);
    expect(result.expectedDisagreement).toBeCloseTo(30 / 56, 12);
  });

  it('return null with a reason when alpha is undefined', () => {
    expect(krippendorffAlpha([['a', _], [_, 'b']])).toMatchObject({ value: null, pairableUnits: 0, reason: expect.stringContaining('no pairable units') });
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']])).toMatchObject({ value: null, expectedDisagreement: 0, reason: expect.stringContaining('expected disagreement is 0') });
  });

  it('add agreeing units in bulk as if added one by one', () => {
    const oneByOne = new NominalAlphaTally<string>();
    const bulk = new NominalAlphaTally<string>();
    for (const unit of [['x', 'y'], ['y', 'y', null]]) {
      oneByOne.add(unit);
      bulk.add(unit);
    }
    for (let i = 0; i < 4; i++) oneByOne.add(['x', 'x', 'x']);
    bulk.addAgreeing('x', 4, 12);
    expect(bulk.result()).toEqual(oneByOne.result());
  });

  it('be 1 for identical coders whenever it is defined', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }), { maxLength: 30 }), fc.integer({ min: 2, max: 5 }), (row, coders) => {
        const { value } = krippendorffAlpha(Array.from({ length: coders }, () => row));
        expect(value === null || value === 1).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, KappaTally } from '../../../../shared/review/kappa.js';

const repeat = <T>(value: T, times: number): T[] => new Array<T>(times).fill(value);

describe("Cohen's kappa", () => {
  it("reproduce the 50 grant proposals of Wikipedia's example: κ = 0.4", () => {
    // Both yes 20, A yes/B no 5, A no/B yes 10, both no 15: Po = 0.7, Pe = 0.5·0.6 + 0.5·0.4 = 0.5.
    const a = [...repeat('yes', 25), ...repeat('no', 25)];
    const b = [...repeat('yes', 20), ...repeat('no', 5), ...repeat('yes', 10), ...repeat('no', 15)];
    const result = cohenKappa(a, b);
    expect(result).toMatchObject({ method: 'cohen', units: 50 });
    expect(result.value).toBeCloseTo(0.4, 10);
    expect(result.observedAgreement).toBeCloseTo(0.7, 10);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 10);
  });

  it('give 1 for perfect agreement and 0 for agreement at chance', () => {
    expect(cohenKappa(['x', 'y', 'z'], ['x', 'y', 'z']).value).toBe(1);
    // Po = 0.5, and each annotator says x half the time: Pe = 0.5.
    expect(cohenKappa(['x', 'x', 'y', 'y'], ['x', 'y', 'x', 'y']).value).toBe(0);
  });

  it('return null with a reason when kappa is undefined', () => {
    expect(cohenKappa([], [])).toMatchObject({ value: null, reason: expect.stringContaining('no units') });
    // Both always say "x": Pe = 1 and (Po − Pe)/(1 − Pe) is 0/0.
    expect(cohenKappa(['x', 'x'], ['x', 'x'])).toMatchObject({ value: null, observedAgreement: 1, expectedAgreement: 1, reason: expect.stringContaining('chance agreement is 1') });
  });
});

describe("Fleiss' kappa", () => {
  it("reproduce Fleiss' worked example on Wikipedia (10 subjects, 14 raters, 5 categories): κ = 0.210", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const result = fleissKappa(table);
    expect(result.value).toBeCloseTo(0.21, 3);
    expect(result.observedAgreement).toBeCloseTo(0.378, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.213, 3);
  });

  it('agree with a hand computation for three raters', () => {
    // Units (x,x,x), (x,x,y), (y,y,y), (x,y,y). Agreeing ordered pairs per unit: 6, 2, 6, 2,
    // so P̄ = 16 / (4·3·2) = 2/3; x has 6 of 12 ratings, so P̄e = 0.25 + 0.25 = 0.5;
    // κ = (2/3 − 1/2) / (1 − 1/2) = 1/3.
    const tally = new KappaTally<string>(3);
    for (const unit of [['x', 'x', 'x'], ['x', 'x', 'y'], ['y', 'y', 'y'], ['x', 'y', 'y']]) tally.add(unit);
    expect(tally.result().method).toBe('fleiss');
    expect(tally.result().value).toBeCloseTo(1 / 3, 12);
    expect(fleissKappa([[3, 0], [2, 1], [0, 3], [1, 2]]).value).toBeCloseTo(1 / 3, 12);
  });

  it('add uniform units as if added one by one, and merge tallies as if filled together', () => {
    const oneByOne = new KappaTally<string>(3);
    const bulk = new KappaTally<string>(3);
    for (let i = 0; i < 5; i++) oneByOne.add(['none', 'none', 'none']);
    oneByOne.add(['x', 'y', 'x']);
    bulk.addUniform('none', 5);
    const other = new KappaTally<string>(3);
    other.add(['x', 'y', 'x']);
    bulk.merge(other);
    expect(bulk.result()).toEqual(oneByOne.result());
  });

  it('refuse subjects rated by different numbers of raters', () => {
    expect(fleissKappa([[1, 1], [3, 0]])).toMatchObject({ value: null, reason: expect.stringContaining('different numbers of raters') });
  });
});

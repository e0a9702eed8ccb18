import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineUnitizing, unitizingAlpha, UnitizingTally, type Extent } from '../../../../shared/review/unitizing.js';

const unit = (start: number, length: number): Extent => ({ start, end: start + length });

describe("Krippendorff's unitizing alpha (uα)", () => {
  it("reproduce Krippendorff's (2004) two-observer example: uα_c = 0.7286, uα_k = 1", () => {
    // Krippendorff, Content Analysis, 2nd ed. (2004), as reproduced in DKPro Agreement's
    // Krippendorff2004Test. The continuum runs from 150 to 450; here it starts at 0.
    const at = (begin: number, length: number) => unit(begin - 150, length);
    const c = new UnitizingTally(2);
    c.addContinuum([[at(225, 70), at(370, 30)], [at(220, 80), at(355, 20), at(400, 20)]], 300);
    const k = new UnitizingTally(2);
    k.addContinuum([[at(180, 60), at(300, 50)], [at(180, 60), at(300, 50)]], 300);
    const alphaC = c.result();
    expect(alphaC.observedDisagreement).toBeCloseTo(0.0144, 4);
    expect(alphaC.expectedDisagreement).toBeCloseTo(0.0532, 4);
    expect(alphaC.value).toBeCloseTo(0.7286, 4);
    expect(k.result()).toMatchObject({ value: 1, observedDisagreement: 0 });
    expect(k.result().expectedDisagreement).toBeCloseTo(0.049, 3);
    // Both categories: 1 − (Do_c + Do_k)/(De_c + De_k) = 1 − 0.014444/(0.053222 + 0.048979).
    expect(combineUnitizing([alphaC, k.result()]).value).toBeCloseTo(0.8587, 4);
  });

  it('agree with a hand computation', () => {
    // L = 10. A: unit [2,6); B: unit [3,6). Sections A: gap 0-2, unit 2-6, gap 6-10;
    // B: gap 0-3, unit 3-6, gap 6-10. The only non-zero distance is unit vs unit:
    // (2 − 3)² + (6 − 6)² = 1, both orders 2, so Do = 2/(2·1·10²) = 0.01.
    // De: units 4 and 3 (N = 2), gaps 2, 4 (A) and 3, 4 (B).
    //   (N − 1)/3 · Σ (2l³ − 3l² + l) = (84 + 30)/3 = 38
    //   Σ l² · Σ_{gaps ≥ l} (l_h − l + 1) = 16·(1 + 1) + 9·(2 + 1 + 2) = 77
    //   De = (2/10)·(38 + 77) / (2·10·19 − (4·3 + 3·2)) = 23/362
    // uα = 1 − 0.01 · 362/23 = 19.38/23 ≈ 0.842609.
    const result = unitizingAlpha([[unit(2, 4)], [unit(3, 3)]], 10);
    expect(result).toMatchObject({ length: 10, units: 2 });
    expect(result.observedDisagreement).toBeCloseTo(0.01, 12);
    expect(result.expectedDisagreement).toBeCloseTo(23 / 362, 12);
    expect(result.value).toBeCloseTo(19.38 / 23, 12);
  });

  it("match the observed disagreements of Krippendorff's (1995) example pairs, as DKPro Agreement computes them", () => {
    // Pair B has contiguous units (Jill cuts 0-10 into seven); pair D shows that different
    // cuts of the same stretch disagree even where both say "unit".
    const pairs: [Extent[][], number][] = [
      [[[unit(2, 8), unit(14, 6)], [unit(4, 4), unit(15, 2)]], 0.03125],
      [[[unit(0, 18)], [unit(0, 2), unit(2, 1), unit(3, 1), unit(4, 1), unit(5, 1), unit(6, 3), unit(9, 1)]], 2.26736],
      [[[unit(0, 2), unit(2, 8), unit(10, 4), unit(14, 6), unit(20, 4)], [unit(0, 4), unit(4, 4), unit(8, 7), unit(15, 2), unit(17, 7)]], 0.38715],
    ];
    for (const [layers, observed] of pairs) expect(unitizingAlpha(layers, 24).observedDisagreement).toBeCloseTo(observed, 5);
  });

  it('be 1 for identical segmentations, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.nat(60), length: fc.integer({ min: 1, max: 15 }) }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 4 }), (units, annotators) => {
        const extents = units.map(({ start, length }) => unit(start, length));
        expect(unitizingAlpha(Array.from({ length: annotators }, () => extents), 80).value).toBe(1);
      }),
    );
  });

  it("merge an annotator's overlapping units first, keep touching ones apart, and clip to the continuum", () => {
    const merged = unitizingAlpha([[unit(2, 5), unit(4, 6)], [unit(3, 7)]], 20);
    expect(merged).toEqual(unitizingAlpha([[unit(2, 8)], [unit(3, 7)]], 20));
    expect(merged.units).toBe(2);
    expect(unitizingAlpha([[unit(0, 5), unit(5, 5)], [unit(0, 10)]], 20).units).toBe(3);
    expect(unitizingAlpha([[unit(15, 10)], [unit(15, 5)]], 20)).toEqual(unitizingAlpha([[unit(15, 5)], [unit(15, 5)]], 20));
  });

  it('pool documents as one continuum in which no section crosses a document boundary', () => {
    // Both documents end and start with units, so their concatenation has the same sections.
    const first = [[unit(2, 8)], [unit(3, 7)]];
    const second = [[unit(0, 4), unit(9, 3)], [unit(0, 5), unit(10, 2)]];
    const pooled = new UnitizingTally(2);
    pooled.addContinuum(first, 10);
    const other = new UnitizingTally(2);
    other.addContinuum(second, 15);
    pooled.merge(other);
    const shift = (layers: Extent[][]) => layers.map((units) => units.map(({ start, end }) => ({ start: start + 10, end: end + 10 })));
    const joined = unitizingAlpha([[...first[0]!, ...shift(second)[0]!], [...first[1]!, ...shift(second)[1]!]], 25);
    expect(pooled.result().value).toBeCloseTo(joined.value!, 12);
  });

  it('return null with a reason when uα is undefined', () => {
    expect(unitizingAlpha([[], []], 50)).toMatchObject({ value: null, units: 0, reason: expect.stringContaining('nothing to unitize') });
    expect(unitizingAlpha([[unit(0, 5)]], 50)).toMatchObject({ value: null, reason: expect.stringContaining('two or more annotators') });
    expect(unitizingAlpha([[], []], 0)).toMatchObject({ value: null, reason: expect.stringContaining('empty') });
    expect(combineUnitizing([])).toMatchObject({ value: null, reason: 'no labels' });
  });
});

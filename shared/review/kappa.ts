/**
 * Cohen's kappa (two annotators) and Fleiss' kappa (three or more) over units that every
 * annotator coded: kappa has no notion of a missing value (alpha.ts has).
 *
 *   Cohen (1960):  κ = (Po − Pe) / (1 − Pe), Po = share of units both coded alike,
 *                  Pe = Σ_c pA(c)·pB(c) from each annotator's own category shares.
 *   Fleiss (1971): κ = (P̄ − P̄e) / (1 − P̄e), P̄ = Σ_u Σ_c n_uc(n_uc − 1) / (N·m·(m − 1)),
 *                  P̄e = Σ_c p_c², p_c = share of all N·m ratings in category c.
 */

export interface KappaResult {
  method: 'cohen' | 'fleiss';
  /** null when undefined for the data; `reason` says why. */
  value: number | null;
  reason?: string;
  units: number;
  observedAgreement: number | null;
  expectedAgreement: number | null;
}

/**
 * Counts for kappa, filled unit by unit and merged across documents (a corpus pools its
 * units). Categories are Map keys: strings, booleans or numbers.
 */
export class KappaTally<C> {
  units = 0;
  /** Σ_u Σ_c n_uc(n_uc − 1): ordered pairs of annotators that coded a unit alike. */
  agreeingPairs = 0;
  /** Per annotator: how many units they put in each category. */
  readonly marginals: Map<C, number>[];

  constructor(readonly raters: number) {
    this.marginals = Array.from({ length: raters }, () => new Map<C, number>());
  }

  /** One unit: every annotator's category, in annotator order. */
  add(categories: readonly C[]): void {
    this.units++;
    for (let i = 0; i < categories.length; i++) {
      const category = categories[i] as C;
      const marginal = this.marginals[i] as Map<C, number>;
      marginal.set(category, (marginal.get(category) ?? 0) + 1);
      for (let j = i + 1; j < categories.length; j++) if (categories[j] === category) this.agreeingPairs += 2;
    }
  }

  /** `count` units that every annotator put in `category`. */
  addUniform(category: C, count: number): void {
    if (count <= 0) return;
    this.units += count;
    this.agreeingPairs += count * this.raters * (this.raters - 1);
    for (const marginal of this.marginals) marginal.set(category, (marginal.get(category) ?? 0) + count);
  }

  merge(other: KappaTally<C>): void {
    this.units += other.units;
    this.agreeingPairs += other.agreeingPairs;
    other.marginals.forEach((marginal, i) => {
      const mine = this.marginals[i] as Map<C, number>;
      for (const [category, count] of marginal) mine.set(category, (mine.get(category) ?? 0) + count);
    });
  }

  result(): KappaResult {
    const m = this.raters;
    const N = this.units;
    const method = m === 2 ? 'cohen' : 'fleiss';
    if (m < 2) return undefinedKappa(method, N, 'needs two or more annotators');
    if (N === 0) return undefinedKappa(method, N, 'no units: no annotator tagged anything here');
    if (m === 2) {
      const [first, second] = this.marginals as [Map<C, number>, Map<C, number>];
      // Integer numerators, so "Pe is 1" is an exact test: κ = (N·A − S) / (N² − S).
      let S = 0;
      for (const [category, count] of first) S += count * (second.get(category) ?? 0);
      const agreements = this.agreeingPairs / 2;
      if (N * N === S) return undefinedKappa(method, N, 'both annotators used one and the same category throughout: chance agreement is 1', agreements / N, 1);
      return { method, value: (N * agreements - S) / (N * N - S), units: N, observedAgreement: agreements / N, expectedAgreement: S / (N * N) };
    }
    const totals = new Map<C, number>();
    for (const marginal of this.marginals) for (const [category, count] of marginal) totals.set(category, (totals.get(category) ?? 0) + count);
    return fleissFrom(N, m, this.agreeingPairs, totals.values());
  }
}

function undefinedKappa(method: KappaResult['method'], units: number, reason: string, observed: number | null = null, expected: number | null = null): KappaResult {
  return { method, value: null, reason, units, observedAgreement: observed, expectedAgreement: expected };
}

function fleissFrom(N: number, m: number, agreeingPairs: number, totals: Iterable<number>): KappaResult {
  let squares = 0;
  for (const total of totals) squares += total * total;
  const observed = agreeingPairs / (N * m * (m - 1));
  const expected = squares / (N * m * (N * m));
  if (squares === N * m * (N * m)) return undefinedKappa('fleiss', N, 'every rating is in one and the same category: chance agreement is 1', observed, 1);
  return { method: 'fleiss', value: (observed - expected) / (1 - expected), units: N, observedAgreement: observed, expectedAgreement: expected };
}

/** Cohen's kappa of two annotators' categories for the same units, in unit order. */
export function cohenKappa<C>(a: readonly C[], b: readonly C[]): KappaResult {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: ${a.length} and ${b.length} units`);
  const tally = new KappaTally<C>(2);
  for (let u = 0; u < a.length; u++) tally.add([a[u] as C, b[u] as C]);
  return tally.result();
}

/**
 * Fleiss' kappa from its classic table: one row per subject, one column per category,
 * each cell the number of raters who put the subject in the category. Every row must
 * sum to the same number of raters.
 */
export function fleissKappa(table: readonly (readonly number[])[]): KappaResult {
  const N = table.length;
  if (N === 0) return undefinedKappa('fleiss', 0, 'no units');
  const m = sum(table[0] as readonly number[]);
  const totals: number[] = [];
  let agreeingPairs = 0;
  for (const row of table) {
    if (sum(row) !== m) return undefinedKappa('fleiss', N, 'the subjects were rated by different numbers of raters');
    row.forEach((count, c) => {
      totals[c] = (totals[c] ?? 0) + count;
      agreeingPairs += count * (count - 1);
    });
  }
  if (m < 2) return undefinedKappa('fleiss', N, 'needs two or more raters per subject');
  return fleissFrom(N, m, agreeingPairs, totals);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Krippendorff's alpha for nominal data, with missing values (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"):
 *
 *   α = 1 − Do/De = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k
 *
 * where only pairable units count (m_u ≥ 2 values; the others drop out), o_ck is the
 * coincidence matrix (each ordered pair of values from different coders in unit u adds
 * 1/(m_u − 1)), n_c its marginals and n the number of pairable values. Per unit,
 * Σ_{c≠k} o_ck grows by (m_u² − Σ_c n_uc²)/(m_u − 1), so no matrix is kept.
 */

export interface AlphaResult {
  /** null when undefined for the data; `reason` says why. */
  value: number | null;
  reason?: string;
  /** Units with two or more values. */
  pairableUnits: number;
  /** n: the values in those units. */
  pairableValues: number;
  /** Do = Σ_{c≠k} o_ck / n */
  observedDisagreement: number | null;
  /** De = Σ_{c≠k} n_c·n_k / (n(n − 1)) */
  expectedDisagreement: number | null;
}

/** Counts for nominal alpha, filled unit by unit and merged across documents. */
export class NominalAlphaTally<V> {
  pairableUnits = 0;
  /** Σ_{c≠k} o_ck */
  disagreement = 0;
  /** n_c: pairable values per value. */
  readonly totals = new Map<V, number>();

  /** One unit: each coder's value, or null/undefined when the coder gave none. */
  add(values: readonly (V | null | undefined)[]): void {
    const distinct: V[] = [];
    const counts: number[] = [];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      const k = distinct.indexOf(value);
      if (k < 0) {
        distinct.push(value);
        counts.push(1);
      } else counts[k] = (counts[k] as number) + 1;
    }
    let m = 0;
    let squares = 0;
    for (const count of counts) {
      m += count;
      squares += count * count;
    }
    if (m < 2) return;
    this.pairableUnits++;
    this.disagreement += (m * m - squares) / (m - 1);
    distinct.forEach((value, k) => this.totals.set(value, (this.totals.get(value) ?? 0) + (counts[k] as number)));
  }

  /** `units` pairable units holding `values` values in all, every one of them `value`. */
  addAgreeing(value: V, units: number, values: number): void {
    if (units <= 0) return;
    this.pairableUnits += units;
    this.totals.set(value, (this.totals.get(value) ?? 0) + values);
  }

  merge(other: NominalAlphaTally<V>): void {
    this.pairableUnits += other.pairableUnits;
    this.disagreement += other.disagreement;
    for (const [value, count] of other.totals) this.totals.set(value, (this.totals.get(value) ?? 0) + count);
  }

  result(): AlphaResult {
    let n = 0;
    let squares = 0;
    for (const count of this.totals.values()) {
      n += count;
      squares += count * count;
    }
    const base = { pairableUnits: this.pairableUnits, pairableValues: n };
    if (n === 0) return { ...base, value: null, reason: 'no pairable units: no position was tagged by two or more annotators', observedDisagreement: null, expectedDisagreement: null };
    const expected = n * n - squares;
    const observedDisagreement = this.disagreement / n;
    if (expected === 0) {
      return { ...base, value: null, reason: 'every pairable value is the same: expected disagreement is 0', observedDisagreement, expectedDisagreement: 0 };
    }
    return { ...base, value: 1 - ((n - 1) * this.disagreement) / expected, observedDisagreement, expectedDisagreement: expected / (n * (n - 1)) };
  }
}

/**
 * Nominal alpha of a reliability data matrix: one row per coder, one column per unit,
 * null (or undefined) where a coder gave no value. Values compare with ===.
 */
export function krippendorffAlpha<V>(data: readonly (readonly (V | null | undefined)[])[]): AlphaResult {
  const tally = new NominalAlphaTally<V>();
  const units = Math.max(0, ...data.map((row) => row.length));
  const column: (V | null | undefined)[] = [];
  for (let u = 0; u < units; u++) {
    column.length = 0;
    for (const row of data) column.push(row[u]);
    tally.add(column);
  }
  return tally.result();
}

/**
 * Krippendorff's unitizing alpha, uα, in the form of Krippendorff (1995, "On the
 * reliability of unitizing continuous data") as corrected in Krippendorff (2004,
 * "Measuring the reliability of qualitative text analysis data", and Content Analysis,
 * 2nd ed.), for one category: each annotator cuts the continuum [0, L) into
 * units (sections in the category) and gaps (sections not in it). docs/agreement.md has
 * the derivation notes; in short, for m annotators, with b/e/l a section's begin, end
 * and length:
 *
 *   Do = Σ_{i≠j} Σ_g Σ_h δ²(ig, jh) / (m(m − 1)L²)
 *     δ² = (b_g − b_h)² + (e_g − e_h)²   both units, overlapping
 *        = l_g²                          unit g inside gap h (and the mirror case)
 *        = 0                             otherwise
 *   De = (2/L) · Σ_units g [ (N − 1)/3 · (2l_g³ − 3l_g² + l_g) + l_g² · Σ_{gaps h, l_h ≥ l_g} (l_h − l_g + 1) ]
 *        / ( mL(mL − 1) − Σ_units l_g(l_g − 1) )
 *   uα = 1 − Do/De
 *
 * N is the number of units of all annotators, and both sums over gaps and units run over
 * all annotators. Several categories combine as uα = 1 − Σ_c Do_c / Σ_c De_c.
 *
 * Do comes from a sweep over each pair of annotators' sections (only overlapping
 * sections have a distance); De from histograms of unit and gap lengths, so documents
 * pool by adding histograms: a corpus is its documents end to end, with no section
 * crossing from one document into the next.
 */

export interface Extent {
  readonly start: number;
  readonly end: number;
}

export interface UnitizingAlphaResult {
  /** null when undefined for the data; `reason` says why. */
  value: number | null;
  reason?: string;
  /** L: code points in the continuum. */
  length: number;
  /** N: units of all annotators, after merging each annotator's overlapping spans. */
  units: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
}

/** uα's sums for one category, filled document by document. */
export class UnitizingTally {
  length = 0;
  /** Σ_{i≠j} Σ_g Σ_h δ²: both orders of every pair of annotators. */
  distance = 0;
  /** Unit and gap lengths of all annotators: length -> how many. */
  readonly unitLengths = new Map<number, number>();
  readonly gapLengths = new Map<number, number>();

  constructor(readonly annotators: number) {}

  /**
   * One continuum of `length` code points: each annotator's units in the category, in
   * annotator order. Units are clipped to the continuum; an annotator's overlapping units
   * merge into one (touching ones stay two, with no gap between them).
   */
  addContinuum(layers: readonly (readonly Extent[])[], length: number): void {
    if (layers.length !== this.annotators) throw new RangeError(`uα: ${layers.length} layers for ${this.annotators} annotators`);
    if (length <= 0) return;
    this.length += length;
    const sections = layers.map((units) => sectionsOf(units, length));
    for (const { starts, ends, isUnit } of sections) {
      for (let s = 0; s < starts.length; s++) {
        const lengths = isUnit[s] ? this.unitLengths : this.gapLengths;
        const l = (ends[s] as number) - (starts[s] as number);
        lengths.set(l, (lengths.get(l) ?? 0) + 1);
      }
    }
    for (let i = 0; i < sections.length; i++) {
      for (let j = i + 1; j < sections.length; j++) this.distance += 2 * pairDistance(sections[i] as Sections, sections[j] as Sections);
    }
  }

  merge(other: UnitizingTally): void {
    this.length += other.length;
    this.distance += other.distance;
    for (const [l, count] of other.unitLengths) this.unitLengths.set(l, (this.unitLengths.get(l) ?? 0) + count);
    for (const [l, count] of other.gapLengths) this.gapLengths.set(l, (this.gapLengths.get(l) ?? 0) + count);
  }

  get units(): number {
    let N = 0;
    for (const count of this.unitLengths.values()) N += count;
    return N;
  }

  observed(): number {
    const m = this.annotators;
    return this.distance / (m * (m - 1) * this.length * this.length);
  }

  expected(): number {
    const m = this.annotators;
    const L = this.length;
    const N = this.units;
    let cubic = 0;
    let selfPairs = 0;
    for (const [l, count] of this.unitLengths) {
      cubic += count * l * (l - 1) * (2 * l - 1);
      selfPairs += count * l * (l - 1);
    }
    // Σ over gaps at least as long as a unit of (l_h − l + 1) = S − C(l − 1), with C and
    // S the count and total length of those gaps: walk both length lists downwards.
    const units = [...this.unitLengths].sort((x, y) => y[0] - x[0]);
    const gaps = [...this.gapLengths].sort((x, y) => y[0] - x[0]);
    let g = 0;
    let C = 0;
    let S = 0;
    let gapTerm = 0;
    for (const [l, count] of units) {
      for (; g < gaps.length && (gaps[g] as [number, number])[0] >= l; g++) {
        const [gapLength, gapCount] = gaps[g] as [number, number];
        C += gapCount;
        S += gapLength * gapCount;
      }
      gapTerm += count * l * l * (S - C * (l - 1));
    }
    const numerator = (2 / L) * (((N - 1) * cubic) / 3 + gapTerm);
    return numerator / (m * L * (m * L - 1) - selfPairs);
  }

  result(): UnitizingAlphaResult {
    const units = this.units;
    const base = { length: this.length, units };
    if (this.annotators < 2) return { ...base, value: null, reason: 'needs two or more annotators', observedDisagreement: null, expectedDisagreement: null };
    if (this.length === 0) return { ...base, value: null, reason: 'the continuum is empty', observedDisagreement: null, expectedDisagreement: null };
    if (units === 0) return { ...base, value: null, reason: 'no annotator tagged anything here: nothing to unitize', observedDisagreement: 0, expectedDisagreement: 0 };
    return alphaFrom(base, this.observed(), this.expected());
  }
}

function alphaFrom(base: { length: number; units: number }, observed: number, expected: number): UnitizingAlphaResult {
  if (!(expected > 0)) return { ...base, value: null, reason: 'expected disagreement is 0', observedDisagreement: observed, expectedDisagreement: expected };
  return { ...base, value: 1 - observed / expected, observedDisagreement: observed, expectedDisagreement: expected };
}

/**
 * uα over several categories (Krippendorff 2004): 1 − Σ_c Do_c / Σ_c De_c, from each
 * category's result on the same continuum.
 */
export function combineUnitizing(results: readonly UnitizingAlphaResult[]): UnitizingAlphaResult {
  const length = results[0]?.length ?? 0;
  const units = results.reduce((total, result) => total + result.units, 0);
  if (results.length === 0) return { length, units, value: null, reason: 'no labels', observedDisagreement: null, expectedDisagreement: null };
  let observed = 0;
  let expected = 0;
  for (const result of results) {
    // Null only when no category can have a number (too few annotators, empty continuum).
    if (result.observedDisagreement === null || result.expectedDisagreement === null) return { ...result, length, units };
    observed += result.observedDisagreement;
    expected += result.expectedDisagreement;
  }
  if (units === 0) return { length, units, value: null, reason: 'no annotator tagged anything here: nothing to unitize', observedDisagreement: 0, expectedDisagreement: 0 };
  return alphaFrom({ length, units }, observed, expected);
}

/** uα of one category: each annotator's units on the continuum [0, length). */
export function unitizingAlpha(layers: readonly (readonly Extent[])[], length: number): UnitizingAlphaResult {
  const tally = new UnitizingTally(layers.length);
  tally.addContinuum(layers, length);
  return tally.result();
}

/** An annotator's partition of [0, L) into gaps and units, in order. */
interface Sections {
  starts: number[];
  ends: number[];
  isUnit: boolean[];
}

function sectionsOf(extents: readonly Extent[], length: number): Sections {
  const units: Extent[] = [];
  let sorted = true;
  for (const extent of extents) {
    const start = Math.max(0, extent.start);
    const end = Math.min(length, extent.end);
    if (end <= start) continue;
    const previous = units[units.length - 1];
    if (previous && (previous.start > start || (previous.start === start && previous.end > end))) sorted = false;
    units.push(start === extent.start && end === extent.end ? extent : { start, end });
  }
  if (!sorted) units.sort((x, y) => x.start - y.start || x.end - y.end);
  const sections: Sections = { starts: [], ends: [], isUnit: [] };
  const push = (start: number, end: number, isUnit: boolean) => {
    sections.starts.push(start);
    sections.ends.push(end);
    sections.isUnit.push(isUnit);
  };
  let at = 0;
  let k = 0;
  while (k < units.length) {
    const start = (units[k] as Extent).start;
    let end = (units[k] as Extent).end;
    for (k++; k < units.length && (units[k] as Extent).start < end; k++) end = Math.max(end, (units[k] as Extent).end);
    if (start > at) push(at, start, false);
    push(start, end, true);
    at = end;
  }
  if (at < length) push(at, length, false);
  return sections;
}

/** Σ_g Σ_h δ²(g, h) over one pair of annotators: a sweep over their overlapping sections. */
function pairDistance(x: Sections, y: Sections): number {
  let total = 0;
  let g = 0;
  let h = 0;
  while (g < x.starts.length && h < y.starts.length) {
    const bg = x.starts[g] as number;
    const eg = x.ends[g] as number;
    const bh = y.starts[h] as number;
    const eh = y.ends[h] as number;
    if (x.isUnit[g] && y.isUnit[h]) total += (bg - bh) ** 2 + (eg - eh) ** 2;
    else if (x.isUnit[g] && bh <= bg && eg <= eh) total += (eg - bg) ** 2;
    else if (y.isUnit[h] && bg <= bh && eh <= eg) total += (eh - bh) ** 2;
    if (eg <= eh) g++;
    if (eh <= eg) h++;
  }
  return total;
}

/**
 * The units that kappa and nominal alpha count over spans. A unit is a position
 * (start, end) that at least one annotator tagged; an annotator's value there is the
 * label of their span at exactly those offsets. Several labels by one annotator at one
 * position make one value, the set of them.
 *
 * An annotator who did not tag the position has no value: missing data for alpha, the
 * category "none" for kappa, which needs every annotator's category for every unit.
 *
 * Per label, every value becomes "has the label" or not (the label against all others,
 * as Fleiss' category kappas and Krippendorff's per-value alphas do), over the same units.
 */
import { KappaTally } from './kappa.js';
import { NominalAlphaTally } from './alpha.js';
import type { SpanExtent } from './pairing.js';

/** Kappa's category for "did not tag this position"; labels are never empty. */
export const UNTAGGED = '';

export interface LabelPositionTallies {
  /** Positions where at least one annotator used the label. */
  positions: number;
  kappa: KappaTally<boolean>;
  alpha: NominalAlphaTally<boolean>;
}

export interface PositionTallies {
  positions: number;
  kappa: KappaTally<string>;
  alpha: NominalAlphaTally<string>;
  byLabel: Map<string, LabelPositionTallies>;
}

export function newPositionTallies(annotators: number, labels: readonly string[]): PositionTallies {
  const byLabel = new Map<string, LabelPositionTallies>();
  for (const label of labels) byLabel.set(label, newLabelTallies(annotators));
  return { positions: 0, kappa: new KappaTally<string>(annotators), alpha: new NominalAlphaTally<string>(), byLabel };
}

function newLabelTallies(annotators: number): LabelPositionTallies {
  return { positions: 0, kappa: new KappaTally<boolean>(annotators), alpha: new NominalAlphaTally<boolean>() };
}

export function mergePositionTallies(into: PositionTallies, from: PositionTallies): void {
  into.positions += from.positions;
  into.kappa.merge(from.kappa);
  into.alpha.merge(from.alpha);
  for (const [label, tallies] of from.byLabel) {
    let mine = into.byLabel.get(label);
    if (!mine) into.byLabel.set(label, (mine = newLabelTallies(tallies.kappa.raters)));
    mine.positions += tallies.positions;
    mine.kappa.merge(tallies.kappa);
    mine.alpha.merge(tallies.alpha);
  }
}

/** An annotator's label(s) at a position: one label, or several in a list. */
type Tag = string | string[] | undefined;

/** Adds one document's units: `layers` holds each annotator's spans, in annotator order. */
export function addPositions(tallies: PositionTallies, layers: readonly (readonly SpanExtent[])[]): void {
  const m = layers.length;
  const rows = groupByPosition(layers);
  const categories: string[] = new Array<string>(m);
  const values: (string | null)[] = new Array<string | null>(m);
  const has: boolean[] = new Array<boolean>(m);
  const hasOrMissing: (boolean | null)[] = new Array<boolean | null>(m);
  const labelsHere: string[] = [];
  // Pairable units and values (m_u ≥ 2) of the document, all and per label, so the units
  // without a label can be added to its tallies in one go at the end.
  let pairableUnits = 0;
  let pairableValues = 0;
  const perLabel = new Map<string, { positions: number; units: number; values: number }>();

  for (const row of rows.values()) {
    let coded = 0;
    labelsHere.length = 0;
    for (let i = 0; i < m; i++) {
      const tag = row[i];
      if (tag === undefined) {
        categories[i] = UNTAGGED;
        values[i] = null;
        continue;
      }
      coded++;
      const value = typeof tag === 'string' ? tag : `\u0000${tag.sort().join('\u0000')}`;
      categories[i] = value;
      values[i] = value;
      for (const label of typeof tag === 'string' ? [tag] : tag) if (!labelsHere.includes(label)) labelsHere.push(label);
    }
    tallies.positions++;
    tallies.kappa.add(categories);
    tallies.alpha.add(values);
    if (coded >= 2) {
      pairableUnits++;
      pairableValues += coded;
    }
    for (const label of labelsHere) {
      let labelTallies = tallies.byLabel.get(label);
      if (!labelTallies) tallies.byLabel.set(label, (labelTallies = newLabelTallies(m)));
      for (let i = 0; i < m; i++) {
        const tag = row[i];
        has[i] = tag === label || (Array.isArray(tag) && tag.includes(label));
        hasOrMissing[i] = tag === undefined ? null : (has[i] as boolean);
      }
      labelTallies.positions++;
      labelTallies.kappa.add(has);
      labelTallies.alpha.add(hasOrMissing);
      let counts = perLabel.get(label);
      if (!counts) perLabel.set(label, (counts = { positions: 0, units: 0, values: 0 }));
      counts.positions++;
      if (coded >= 2) {
        counts.units++;
        counts.values += coded;
      }
    }
  }

  // Positions without the label: every annotator "has not", alike.
  for (const [label, labelTallies] of tallies.byLabel) {
    const withLabel = perLabel.get(label) ?? { positions: 0, units: 0, values: 0 };
    labelTallies.kappa.addUniform(false, rows.size - withLabel.positions);
    labelTallies.alpha.addAgreeing(false, pairableUnits - withLabel.units, pairableValues - withLabel.values);
  }
}

function groupByPosition(layers: readonly (readonly SpanExtent[])[]): Map<number | string, Tag[]> {
  let maxEnd = 0;
  for (const spans of layers) for (const span of spans) maxEnd = Math.max(maxEnd, span.end);
  // A number key is faster than a string; it is exact while base² stays below 2^53.
  const base = maxEnd + 1;
  const key: (span: SpanExtent) => number | string = base * base < Number.MAX_SAFE_INTEGER ? (span) => span.start * base + span.end : (span) => `${span.start}:${span.end}`;
  const rows = new Map<number | string, Tag[]>();
  layers.forEach((spans, i) => {
    for (const span of spans) {
      const k = key(span);
      let row = rows.get(k);
      if (!row) rows.set(k, (row = new Array<Tag>(layers.length).fill(undefined)));
      const tag = row[i];
      if (tag === undefined) row[i] = span.label;
      else if (typeof tag === 'string') {
        if (tag !== span.label) row[i] = [tag, span.label];
      } else if (!tag.includes(span.label)) tag.push(span.label);
    }
  });
  return rows;
}

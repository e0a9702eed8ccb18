/**
 * The inter-annotator agreement report behind `factmark agree`: kappa, nominal alpha,
 * unitizing alpha and span P/R/F1, for every label and for all labels together, per
 * document and for the corpus; and, given the claim mentions, how the annotators' links
 * to canonical claims agree (shared/claims/link-agreement.ts). The corpus pools the units of its documents (it does not
 * average per-document numbers). docs/agreement.md explains every number.
 *
 * Everything in the report is plain data (JSON-safe: no Map, no NaN); a number that is
 * undefined for the data is null, with a `reason` next to it.
 */
import { linkAgreement, type LinkAgreement } from '../claims/link-agreement.js';
import type { Mention } from '../claims/mentions.js';
import type { CanonicalClaim } from '../model/claims.js';
import type { AlphaResult } from './alpha.js';
import type { KappaResult } from './kappa.js';
import { compareExtents, compareText, type SpanExtent } from './pairing.js';
import { addPositions, mergePositionTallies, newPositionTallies, type PositionTallies } from './positions.js';
import { addF1Counts, countMatchesByLabel, noF1Counts, precisionRecall, type F1Counts, type PrecisionRecall } from './span-f1.js';
import { combineUnitizing, UnitizingTally, type UnitizingAlphaResult } from './unitizing.js';

export interface AgreementInput {
  /**
   * Annotator -> document id -> that annotator's spans on the document. A document
   * missing from an annotator's map is one they did not annotate (an empty list is one
   * they annotated and tagged nothing in).
   */
  layers: ReadonlyMap<string, ReadonlyMap<string, readonly SpanExtent[]>>;
  /** Document id -> length of its text in code points: the continuum of unitizing alpha. */
  documentLengths: ReadonlyMap<string, number>;
  /**
   * The annotators' claim spans as mentions (collectMentions) and the canonical claims
   * they link to: given, the report says how their links agree (`claimLinks`).
   */
  claims?: { mentions: readonly Mention[]; registry: readonly CanonicalClaim[] };
}

export interface AgreementOptions {
  /** Only these labels: other labels' spans are left out before anything is counted. */
  labels?: readonly string[];
  /** The reference for P/R/F1 against each other annotator (a name without layers throws a RangeError); without it, every pair in annotator order. */
  reference?: string;
}

export interface PairF1 {
  reference: string;
  response: string;
  exact: PrecisionRecall;
  partial: PrecisionRecall;
}

export interface AgreementNumbers {
  /** Spans per annotator, in the order of `annotators`. */
  spans: number[];
  /** Positions (start, end) tagged by at least one annotator (with this label, in a label's row). */
  positions: number;
  /** Cohen's for two annotators, Fleiss' for more. */
  kappa: KappaResult;
  alpha: AlphaResult;
  unitizingAlpha: UnitizingAlphaResult;
  spanF1: PairF1[];
}

export interface LabelAgreement extends AgreementNumbers {
  label: string;
}

export interface ScopeAgreement {
  all: AgreementNumbers;
  byLabel: LabelAgreement[];
}

export interface DocumentAgreement extends ScopeAgreement {
  document: string;
  length: number;
}

export interface AgreementReport {
  annotators: string[];
  labels: string[];
  corpus: ScopeAgreement & { documents: number; length: number };
  documents: DocumentAgreement[];
  /**
   * How each pair's links from claim spans to canonical claims agree, over the claim
   * spans both tagged in the documents compared (pairs as in spanF1); empty when the
   * input gave no claims.
   */
  claimLinks: LinkAgreement[];
  /** Documents left out of every number, and why. */
  skipped: { document: string; reason: string }[];
  warnings: string[];
}

/** Everything counted for one scope (a document or the corpus); scopes merge by adding. */
interface ScopeTallies {
  length: number;
  spans: number[];
  labelSpans: Map<string, number[]>;
  positions: PositionTallies;
  unitizing: Map<string, UnitizingTally>;
  /** Per pair of annotators: counts per label. */
  f1: Map<string, F1Counts>[];
}

export function agreementReport(input: AgreementInput, options: AgreementOptions = {}): AgreementReport {
  const annotators = [...input.layers.keys()];
  const m = annotators.length;
  const pairs = annotatorPairs(annotators, options.reference);
  const filter = options.labels ? new Set(options.labels) : null;

  const skipped: AgreementReport['skipped'] = [];
  const included: { document: string; length: number }[] = [];
  const documentIds = new Set(input.documentLengths.keys());
  for (const documents of input.layers.values()) for (const document of documents.keys()) documentIds.add(document);
  for (const document of [...documentIds].sort(compareText)) {
    const missing = annotators.filter((name) => !input.layers.get(name)?.has(document));
    const length = input.documentLengths.get(document);
    if (missing.length > 0) skipped.push({ document, reason: `not annotated by ${missing.join(', ')}` });
    else if (length === undefined) skipped.push({ document, reason: 'length of the text unknown' });
    else included.push({ document, length });
  }

  // Each layer is sorted once here, so pairing (twice per layer with three annotators)
  // and unitizing find it in order and need not sort it again.
  const layersOf = (document: string) =>
    annotators.map((name) => {
      const spans = input.layers.get(name)?.get(document) ?? [];
      return (filter === null ? [...spans] : spans.filter((span) => filter.has(span.label))).sort(compareExtents);
    });
  let labels: string[];
  if (options.labels) labels = [...new Set(options.labels)];
  else {
    const seen = new Set<string>();
    for (const { document } of included) for (const name of annotators) for (const span of input.layers.get(name)?.get(document) ?? []) seen.add(span.label);
    labels = [...seen].sort(compareText);
  }

  const warnings: string[] = [];
  const corpus = newScope(m, labels, pairs.length);
  const documents: DocumentAgreement[] = [];
  for (const { document, length } of included) {
    const layers = layersOf(document);
    const scope = newScope(m, labels, pairs.length);
    tallyDocument(scope, layers, length, labels, pairs);
    let past = 0;
    for (const spans of layers) for (const span of spans) if (span.end > length) past++;
    if (past > 0) warnings.push(`${document}: ${past} span(s) end past the text's ${length} code points; unitizing alpha clips them`);
    documents.push({ document, length, ...scopeNumbers(scope, annotators, labels, pairs) });
    mergeScope(corpus, scope);
  }

  return {
    annotators,
    labels,
    corpus: { documents: included.length, length: corpus.length, ...scopeNumbers(corpus, annotators, labels, pairs) },
    documents,
    claimLinks: input.claims ? claimLinks(input.claims, new Set(included.map(({ document }) => document)), filter, annotators, pairs) : [],
    skipped,
    warnings,
  };
}

/** Link agreement per pair of annotators, over the documents compared and the labels asked for. */
function claimLinks(claims: NonNullable<AgreementInput['claims']>, documents: ReadonlySet<string>, labels: ReadonlySet<string> | null, annotators: readonly string[], pairs: readonly [number, number][]): LinkAgreement[] {
  const mentions = claims.mentions.filter((mention) => documents.has(mention.ref.documentId) && (labels === null || labels.has(mention.label)));
  return pairs.map(([r, s]) => linkAgreement(annotators[r] as string, annotators[s] as string, mentions, claims.registry));
}

/** Indices of (reference, response) pairs. */
function annotatorPairs(annotators: readonly string[], reference: string | undefined): [number, number][] {
  const pairs: [number, number][] = [];
  const r = reference === undefined ? -1 : annotators.indexOf(reference);
  if (reference !== undefined && r < 0) throw new RangeError(`reference annotator "${reference}" has no layers`);
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      if (r < 0) pairs.push([i, j]);
      else if (i === r) pairs.push([i, j]);
      else if (j === r) pairs.push([j, i]);
    }
  }
  return pairs;
}

function newScope(m: number, labels: readonly string[], pairCount: number): ScopeTallies {
  return {
    length: 0,
    spans: new Array<number>(m).fill(0),
    labelSpans: new Map(labels.map((label) => [label, new Array<number>(m).fill(0)])),
    positions: newPositionTallies(m, labels),
    unitizing: new Map(labels.map((label) => [label, new UnitizingTally(m)])),
    f1: Array.from({ length: pairCount }, () => new Map<string, F1Counts>()),
  };
}

function tallyDocument(scope: ScopeTallies, layers: readonly (readonly SpanExtent[])[], length: number, labels: readonly string[], pairs: readonly [number, number][]): void {
  scope.length += length;
  const byLabel = new Map<string, SpanExtent[][]>(labels.map((label) => [label, layers.map(() => [])]));
  layers.forEach((spans, i) => {
    scope.spans[i] = (scope.spans[i] as number) + spans.length;
    for (const span of spans) {
      byLabel.get(span.label)?.[i]?.push(span);
      const counts = scope.labelSpans.get(span.label);
      if (counts) counts[i] = (counts[i] as number) + 1;
    }
  });
  addPositions(scope.positions, layers);
  for (const [label, layersOfLabel] of byLabel) scope.unitizing.get(label)?.addContinuum(layersOfLabel, length);
  pairs.forEach(([r, s], p) => {
    const into = scope.f1[p] as Map<string, F1Counts>;
    for (const [label, counts] of countMatchesByLabel(layers[r] as readonly SpanExtent[], layers[s] as readonly SpanExtent[])) {
      let mine = into.get(label);
      if (!mine) into.set(label, (mine = noF1Counts()));
      addF1Counts(mine, counts);
    }
  });
}

function mergeScope(into: ScopeTallies, from: ScopeTallies): void {
  into.length += from.length;
  from.spans.forEach((count, i) => (into.spans[i] = (into.spans[i] as number) + count));
  for (const [label, counts] of from.labelSpans) {
    const mine = into.labelSpans.get(label);
    if (mine) counts.forEach((count, i) => (mine[i] = (mine[i] as number) + count));
  }
  mergePositionTallies(into.positions, from.positions);
  for (const [label, tally] of from.unitizing) into.unitizing.get(label)?.merge(tally);
  from.f1.forEach((byLabel, p) => {
    const mine = into.f1[p] as Map<string, F1Counts>;
    for (const [label, counts] of byLabel) {
      let total = mine.get(label);
      if (!total) mine.set(label, (total = noF1Counts()));
      addF1Counts(total, counts);
    }
  });
}

function scopeNumbers(scope: ScopeTallies, annotators: readonly string[], labels: readonly string[], pairs: readonly [number, number][]): ScopeAgreement {
  const spanF1 = (countsOf: (byLabel: Map<string, F1Counts>) => F1Counts): PairF1[] =>
    pairs.map(([r, s], p) => {
      const counts = countsOf(scope.f1[p] as Map<string, F1Counts>);
      return { reference: annotators[r] as string, response: annotators[s] as string, exact: precisionRecall(counts, 'exact'), partial: precisionRecall(counts, 'partial') };
    });
  const unitizing = new Map(labels.map((label) => [label, (scope.unitizing.get(label) as UnitizingTally).result()]));
  const all: AgreementNumbers = {
    spans: [...scope.spans],
    positions: scope.positions.positions,
    kappa: scope.positions.kappa.result(),
    alpha: scope.positions.alpha.result(),
    unitizingAlpha: combineUnitizing([...unitizing.values()]),
    spanF1: spanF1((byLabel) => {
      const total = noF1Counts();
      for (const counts of byLabel.values()) addF1Counts(total, counts);
      return total;
    }),
  };
  const byLabel = labels.map((label): LabelAgreement => {
    const positions = scope.positions.byLabel.get(label);
    if (!positions) throw new Error(`no tallies for label "${label}"`);
    return {
      label,
      spans: [...(scope.labelSpans.get(label) ?? [])],
      positions: positions.positions,
      kappa: positions.kappa.result(),
      alpha: positions.alpha.result(),
      unitizingAlpha: unitizing.get(label) as UnitizingAlphaResult,
      spanF1: spanF1((counts) => counts.get(label) ?? noF1Counts()),
    };
  });
  return { all, byLabel };
}

/**
 * Benchmark: the agreement report (`factmark agree`) over 3 annotators with 100,000 spans
 * each, on 100 documents. Goal (issue "Review and agreement"): the whole report within
 * 2 s on a slow 2-core machine. Also times compareLayers on one pair of 100,000-span
 * layers. Median of RUNS runs.
 *
 *   node --import tsx bench/agreement.ts      (BENCH_RUNS, BENCH_DOCUMENTS, BENCH_SPANS_PER_DOCUMENT)
 */
import type { Span } from '../shared/model/annotations.js';
import { agreementReport, type AgreementInput } from '../shared/review/agreement.js';
import { compareLayers } from '../shared/review/compare.js';
import { random } from './corpus.js';
import { recordResults } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100);
const SPANS_PER_DOCUMENT = Number(process.env.BENCH_SPANS_PER_DOCUMENT ?? 1_000);
const ANNOTATORS = ['ana', 'ben', 'cleo'];
const LABELS = ['claim', 'entity', 'date'];
const BUDGET_MS = 2000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const stamp = '2026-11-22T00:00:00.000Z';
function makeSpan(id: string, label: string, start: number, end: number): Span {
  // The quote's text does not matter here, only its length (what the schema checks).
  return { id, label, start, end, quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' }, attributes: { verdict: 'unverified' }, createdAt: stamp, updatedAt: stamp };
}

/**
 * A gold layer per document (about 6% of spans overlapping their neighbour), and each
 * annotator's copy of it: about 86% kept as they are, 4% with a boundary moved, 4%
 * relabelled, 3% left out, plus 3% spans of their own.
 */
function makeCorpus(): { input: AgreementInput; pair: [Span[], Span[]] } {
  const layers = new Map<string, Map<string, Span[]>>(ANNOTATORS.map((name) => [name, new Map()]));
  const documentLengths = new Map<string, number>();
  const next = random(2026);
  for (let d = 0; d < DOCUMENTS; d++) {
    const document = `article-${String(d + 1).padStart(3, '0')}`;
    const gold: { start: number; end: number; label: string }[] = [];
    let at = 0;
    for (let i = 0; i < SPANS_PER_DOCUMENT; i++) {
      const start = next() < 0.06 && gold.length > 0 ? Math.max(0, at - 5) : at + 5 + Math.floor(next() * 60);
      const end = start + 3 + Math.floor(next() * 40);
      gold.push({ start, end, label: LABELS[Math.floor(next() * LABELS.length)] as string });
      at = Math.max(at, end);
    }
    const length = at + 100;
    documentLengths.set(document, length);
    ANNOTATORS.forEach((name, a) => {
      const spans: Span[] = [];
      gold.forEach(({ start, end, label }, i) => {
        const id = `s_${a}_${d}_${i}`;
        const roll = next();
        if (roll < 0.03) return;
        if (roll < 0.07) spans.push(makeSpan(id, label, start + 1 + Math.floor(next() * 3), end));
        else if (roll < 0.11) spans.push(makeSpan(id, LABELS[(LABELS.indexOf(label) + 1) % LABELS.length] as string, start, end));
        else spans.push(makeSpan(id, label, start, end));
        if (next() < 0.03) {
          const extra = Math.floor(next() * (length - 20));
          spans.push(makeSpan(`${id}_x`, label, extra, extra + 2 + Math.floor(next() * 15)));
        }
      });
      layers.get(name)?.set(document, spans);
    });
  }
  const concat = (name: string) => [...(layers.get(name)?.values() ?? [])].flatMap((spans, d) => spans.map((span) => ({ ...span, start: span.start + d * 1_000_000, end: span.end + d * 1_000_000 })));
  return { input: { layers, documentLengths }, pair: [concat('ana'), concat('ben')] };
}

async function main(): Promise<void> {
  const { input, pair } = makeCorpus();
  const perAnnotator = ANNOTATORS.map((name) => [...(input.layers.get(name)?.values() ?? [])].reduce((total, spans) => total + spans.length, 0));
  console.log(`bench: ${DOCUMENTS} documents, spans per annotator ${perAnnotator.map((n) => n.toLocaleString('en')).join(' / ')}`);
  const results: Record<string, number[]> = { report: [], compareLayers: [] };
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    const report = agreementReport(input);
    const reportMs = performance.now() - started;
    results.report?.push(reportMs);
    started = performance.now();
    const comparison = compareLayers(pair[0], pair[1]);
    const compareMs = performance.now() - started;
    results.compareLayers?.push(compareMs);
    const { kappa, alpha, unitizingAlpha, spanF1 } = report.corpus.all;
    console.log(
      `bench: run ${run + 1}/${RUNS}: report ${reportMs.toFixed(0)} ms (κ ${kappa.value?.toFixed(3)}, α ${alpha.value?.toFixed(3)}, uα ${unitizingAlpha.value?.toFixed(3)}, ` +
        `F1 ${spanF1[0]?.exact.f1?.toFixed(3)}), compareLayers ${compareMs.toFixed(0)} ms (${comparison.disagreements.toLocaleString('en')} disagreements)`,
    );
  }
  const reportMedian = median(results.report ?? []);
  const compareMedian = median(results.compareLayers ?? []);
  await recordResults('agreement', {
    title: `Agreement report, ${ANNOTATORS.length} annotators with ${perAnnotator.map((n) => n.toLocaleString('en')).join(' / ')} spans (bench/agreement.ts)`,
    runs: RUNS,
    rows: [
      { what: `agreementReport: ${DOCUMENTS} documents, every measure per label, document and corpus`, value: `${reportMedian.toFixed(0)} ms`, budget: `≤ ${BUDGET_MS} ms`, ok: reportMedian <= BUDGET_MS },
      { what: `compareLayers: one pair, ${pair[0].length.toLocaleString('en')} × ${pair[1].length.toLocaleString('en')} spans`, value: `${compareMedian.toFixed(0)} ms`, budget: '—', ok: true },
    ],
    raw: results,
  });
  console.log(`bench: report median ${reportMedian.toFixed(0)} ms (budget ${BUDGET_MS} ms), compareLayers median ${compareMedian.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

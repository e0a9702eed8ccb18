/**
 * `factmark agree` as a table: the corpus by label, then one line per document. Every
 * number the report leaves undefined prints as "—", with the reasons listed below.
 */
import type { AgreementNumbers, AgreementReport } from '../shared/review/agreement.js';

const number = (value: number | null) => (value === null ? '—' : value.toFixed(3));

function columns(report: AgreementReport): string[] {
  return [
    ...report.annotators.map((name) => `spans ${name}`),
    'positions',
    report.annotators.length === 2 ? 'Cohen κ' : 'Fleiss κ',
    'α nominal',
    'α unitizing',
    ...pairsOf(report).flatMap((pair) => [`P ${pair}`, `R ${pair}`, `F1 ${pair}`, `F1 overlap ${pair}`]),
  ];
}

function pairsOf(report: AgreementReport): string[] {
  return (report.corpus.all.spanF1 ?? []).map((pair) => `${pair.response}/${pair.reference}`);
}

function cells(numbers: AgreementNumbers): string[] {
  return [
    ...numbers.spans.map(String),
    String(numbers.positions),
    number(numbers.kappa.value),
    number(numbers.alpha.value),
    number(numbers.unitizingAlpha.value),
    ...numbers.spanF1.flatMap((pair) => [number(pair.exact.precision), number(pair.exact.recall), number(pair.exact.f1), number(pair.partial.f1)]),
  ];
}

/** Columns padded to their widest cell; the first column left-aligned, numbers right. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Why numbers are undefined, each reason once. */
function reasons(report: AgreementReport): string[] {
  const found = new Set<string>();
  const collect = (numbers: AgreementNumbers, where: string) => {
    for (const [name, result] of [['κ', numbers.kappa], ['α', numbers.alpha], ['α unitizing', numbers.unitizingAlpha]] as const) {
      if (result.value === null && result.reason) found.add(`${where}: ${name}: ${result.reason}`);
    }
  };
  collect(report.corpus.all, 'corpus, all labels');
  for (const row of report.corpus.byLabel) collect(row, `corpus, ${row.label}`);
  return [...found];
}

/** Link agreement per pair, when some claim span was tagged by both: a table, and why numbers are undefined. */
function claimLinks(report: AgreementReport): string[] {
  const rows = report.claimLinks.filter((pair) => pair.mentions > 0);
  if (rows.length === 0) return [];
  const header = ['claim links', 'spans', 'linked', 'P links', 'R links', 'F1 links', 'P B³', 'R B³', 'F1 B³'];
  const out = [
    '',
    table(
      header,
      rows.map((pair) => [
        `${pair.response}/${pair.reference}`,
        String(pair.mentions),
        `${pair.linked.response}/${pair.linked.reference}`,
        number(pair.pairwise.precision),
        number(pair.pairwise.recall),
        number(pair.pairwise.f1),
        number(pair.bcubed.precision),
        number(pair.bcubed.recall),
        number(pair.bcubed.f1),
      ]),
    ),
  ];
  for (const pair of rows) if (pair.reason) out.push(`  ${pair.response}/${pair.reference}: — (${pair.reason})`);
  out.push('Claim links: over the claim spans both tagged, whether they linked the same ones to one canonical claim ("links": pairs of spans; B³: per span, unlinked spans as claims of their own).');
  return out;
}

export function formatAgreement(report: AgreementReport): string {
  const header = columns(report);
  const out = [
    `Agreement between ${report.annotators.join(', ')} over ${report.corpus.documents} document${report.corpus.documents === 1 ? '' : 's'} (${report.corpus.length} code points)`,
    '',
    table(['corpus', ...header], [['all labels', ...cells(report.corpus.all)], ...report.corpus.byLabel.map((row) => [row.label, ...cells(row)])]),
  ];
  if (report.documents.length > 1) out.push('', table(['document', ...header], report.documents.map((doc) => [doc.document, ...cells(doc.all)])));
  out.push(...claimLinks(report));
  for (const skipped of report.skipped) out.push(`skipped ${skipped.document}: ${skipped.reason}`);
  const why = reasons(report);
  if (why.length) out.push('', '— means undefined for this data:', ...why.map((reason) => `  ${reason}`));
  for (const warning of report.warnings) out.push(`warning: ${warning}`);
  out.push('', 'P, R and F1 are of the first name against the second (exact offsets and label); "F1 overlap" counts overlapping spans of the same label. docs/agreement.md says how each number is computed.');
  return `${out.join('\n')}\n`;
}

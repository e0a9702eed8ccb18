/**
 * Precision and recall of entity suggestions on WikiGold (tests/fixtures/wikigold, 145
 * Wikipedia articles hand-annotated with CoNLL-2003 classes, CC BY 4.0), recorded in
 * RESULTS.md: exact spans as CoNLL counts them, with and without the kind (PER person,
 * ORG organization, LOC location or facility, MISC group or other), over PER/ORG/LOC
 * (what Factmark suggests) and over all four classes; then by confidence threshold.
 *
 *   node --import tsx bench/entities-ner.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suggestEntities } from '../shared/suggest/entities.js';
import { countNer, readConll, type NerClass, type NerCounts } from '../shared/suggest/ner-eval.js';
import type { Suggestion } from '../shared/suggest/suggestion.js';
import { createOffsetIndex } from '../shared/text/offsets.js';
import { benchDir } from './corpus.js';
import { recordResults } from './record.js';

const pct = (x: number) => (100 * x).toFixed(1);

function score(c: NerCounts, typed: boolean): string {
  const matched = typed ? c.typed : c.matched;
  const p = c.system ? matched / c.system : 0;
  const r = c.gold ? matched / c.gold : 0;
  return `P ${pct(p)}, R ${pct(r)}, F1 ${pct(p + r ? (2 * p * r) / (p + r) : 0)}`;
}

async function main(): Promise<void> {
  const documents = readConll(readFileSync(path.join(benchDir, '../tests/fixtures/wikigold/wikigold.conll.txt'), 'utf8'));
  const started = performance.now();
  const found: { document: (typeof documents)[number]; suggestions: Suggestion[]; toUtf16: (n: number) => number }[] = documents.map((document) => {
    const index = createOffsetIndex(document.text);
    return { document, suggestions: suggestEntities(document.text, []), toUtf16: (n: number) => index.toUtf16(n) };
  });
  const ms = performance.now() - started;
  const total = (classes: NerClass[], threshold = 0): NerCounts =>
    found.reduce<NerCounts>(
      (sum, { document, suggestions, toUtf16 }) => {
        const c = countNer(document, suggestions.filter((s) => (s.confidence ?? 1) >= threshold), toUtf16, classes);
        return { gold: sum.gold + c.gold, system: sum.system + c.system, matched: sum.matched + c.matched, typed: sum.typed + c.typed };
      },
      { gold: 0, system: 0, matched: 0, typed: 0 },
    );
  const three = total(['PER', 'ORG', 'LOC']);
  const four = total(['PER', 'ORG', 'LOC', 'MISC']);
  const rows = [
    { what: `PER/ORG/LOC (${three.gold} gold names, ${three.system} suggested): span and kind`, value: score(three, true), budget: '—', ok: true },
    { what: 'PER/ORG/LOC: span only', value: score(three, false), budget: '—', ok: true },
    { what: `All four classes, MISC included (${four.gold} gold): span and kind`, value: score(four, true), budget: '—', ok: true },
    { what: 'All four classes: span only', value: score(four, false), budget: '—', ok: true },
    ...[0.5, 0.7, 0.8, 0.9].map((threshold) => {
      const c = total(['PER', 'ORG', 'LOC'], threshold);
      return { what: `PER/ORG/LOC at confidence ≥ ${threshold} (${c.system} suggested): span and kind`, value: score(c, true), budget: '—', ok: true };
    }),
  ];
  for (const row of rows) console.log(`${row.what}: ${row.value}`);
  await recordResults('entities-ner', {
    title: 'Entity suggestions on WikiGold (bench/entities-ner.ts)',
    runs: 1,
    method: `${documents.length} documents, suggested without a registry in ${(ms / 1000).toFixed(1)} s; exact-span matches as CoNLL counts them.`,
    valueColumn: 'figure',
    rows,
    raw: {},
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

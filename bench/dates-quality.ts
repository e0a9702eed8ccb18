/**
 * Quality of the date suggestions, recorded in RESULTS.md:
 * - on the development set, TimeBank (tests/fixtures/timebank, TempEval-3 TBAQ-cleaned):
 *   relaxed and strict span F1, value F1 and type F1 as TempEval-3 scores them;
 * - on the five sample articles (../shared/samples), the hand-resolved expressions of
 *   tests/fixtures/sample-dates.json that get a suggestion with the right value.
 * The held-out AQUAINT half of TBAQ-cleaned is not in the project and is not read here.
 *
 *   node --import tsx bench/dates-quality.ts [--errors FILE]   (FILE: every error, for development)
 *   node --import tsx bench/dates-quality.ts --tml DIR         (scores DIR's .tml files, e.g. the
 *                                                              held-out set, and records nothing)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suggestDates } from '../shared/suggest/dates.js';
import { evaluateTimexes } from '../shared/suggest/timex/evaluate.js';
import type { Prf } from '../shared/suggest/timex/score.js';
import { readTimeml } from '../shared/suggest/timex/timeml.js';
import { readTimebank } from '../tests/helpers/timebank.js';
import { benchDir } from './corpus.js';
import { recordResults } from './record.js';

interface SampleArticle {
  file: string;
  published: string;
  expressions: { start: number; end: number; value: string; extra?: boolean }[];
}

function samples(): { issue: number; issueRight: number; all: number; allRight: number } {
  const samplesDir = path.resolve(benchDir, '../../shared/samples');
  const fixture = JSON.parse(readFileSync(path.join(benchDir, '../tests/fixtures/sample-dates.json'), 'utf8')) as { articles: SampleArticle[] };
  const counts = { issue: 0, issueRight: 0, all: 0, allRight: 0 };
  for (const article of fixture.articles) {
    const suggestions = suggestDates(readFileSync(path.join(samplesDir, article.file), 'utf8'), article.published);
    for (const expression of article.expressions) {
      const right = suggestions.find((s) => s.start < expression.end && expression.start < s.end)?.attributes.value === expression.value;
      counts.all++;
      if (right) counts.allRight++;
      if (!expression.extra) {
        counts.issue++;
        if (right) counts.issueRight++;
      }
    }
  }
  return counts;
}

const pct = (x: number) => (100 * x).toFixed(1);
const prf = (x: Prf) => `F1 ${pct(x.f1)} (P ${pct(x.precision)}, R ${pct(x.recall)})`;

/** The .tml files of a folder given with --tml (an evaluation set kept outside the project), or null. */
function otherSet(): ReturnType<typeof readTimebank> | null {
  const at = process.argv.indexOf('--tml');
  const dir = at > 0 ? process.argv[at + 1] : undefined;
  if (!dir) return null;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.tml'))
    .sort()
    .map((file) => readTimeml(readFileSync(path.join(dir, file), 'utf8')));
}

async function main(): Promise<void> {
  const other = otherSet();
  if (other) {
    const { scores } = evaluateTimexes(other, suggestDates);
    console.log(`${other.length} documents, ${scores.counts.gold} gold TIMEX3s, ${scores.counts.system} suggested: relaxed ${prf(scores.relaxed)}, strict ${prf(scores.strict)}, value ${prf(scores.value)}, type ${prf(scores.type)}`);
    return;
  }
  const documents = readTimebank();
  const started = performance.now();
  const { scores, errors } = evaluateTimexes(documents, suggestDates);
  const ms = performance.now() - started;
  const at = process.argv.indexOf('--errors');
  if (at > 0 && process.argv[at + 1]) {
    writeFileSync(process.argv[at + 1] as string, errors.map((e) => [e.kind, e.gold ? `${e.gold.text}=${e.gold.value}/${e.gold.type}` : '', e.system ? `${e.system.text}=${String(e.system.value)}/${String(e.system.type)}` : '', e.document, e.context].join('\t')).join('\n'));
  }
  const s = samples();
  const c = scores.counts;
  console.log(`TimeBank: relaxed ${prf(scores.relaxed)}, strict ${prf(scores.strict)}, value ${prf(scores.value)}; samples ${s.issueRight}/${s.issue} (all ${s.allRight}/${s.all})`);
  await recordResults('dates-quality', {
    title: 'Date suggestions against hand annotation (bench/dates-quality.ts)',
    runs: 1,
    method: `TimeBank: ${documents.length} documents, ${c.gold} gold TIMEX3s, ${c.system} suggested, scored as TempEval-3 (pairs one to one by overlap), in ${ms.toFixed(0)} ms.`,
    valueColumn: 'figure',
    rows: [
      { what: 'TimeBank (dev set): relaxed span', value: prf(scores.relaxed), budget: '≥ 90 (held-out target)', ok: scores.relaxed.f1 >= 0.9 },
      { what: 'TimeBank (dev set): strict span', value: prf(scores.strict), budget: '—', ok: true },
      { what: 'TimeBank (dev set): value', value: prf(scores.value), budget: '≥ 80 (held-out target)', ok: scores.value.f1 >= 0.8 },
      { what: 'TimeBank (dev set): type', value: prf(scores.type), budget: '—', ok: true },
      { what: 'Sample articles: the 50 expressions of the issue set right', value: `${s.issueRight} of ${s.issue}`, budget: '≥ 45', ok: s.issueRight >= 45 },
      { what: 'Sample articles: all hand-resolved expressions right', value: `${s.allRight} of ${s.all}`, budget: '—', ok: true },
    ],
    raw: {},
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

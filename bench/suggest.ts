/**
 * Benchmark: suggestions (dates, entities, claims) for a 1 MB document, computed by the
 * service — in the Node process, off the app's UI thread — as the Suggest button asks
 * for them. Goal (issue "Assisted annotation"): within 2 s. The document is the real
 * sample articles of ../shared/samples, repeated to 1 MB (read at run time, never
 * copied into the project). Median of RUNS runs.
 *
 *   node --import tsx bench/suggest.ts      (BENCH_RUNS)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FactmarkService } from '../main/service.js';
import { recordResults } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 2000;
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../shared/samples');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

async function main(): Promise<void> {
  const list = JSON.parse(await readFile(path.join(samples, 'articles.json'), 'utf8')) as { file: string }[];
  const texts = await Promise.all(list.map(async (sample) => readFile(path.join(samples, sample.file), 'utf8')));
  let text = '';
  while (Buffer.byteLength(text) < 1_000_000) text += `${texts.join('\n\n')}\n\n`;
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-suggest-bench-'));
  try {
    const service = new FactmarkService();
    await service.createProject({ dir: path.join(root, 'project') });
    const file = path.join(root, 'one-megabyte.txt');
    await writeFile(file, text);
    const [outcome] = await service.importFilesAt([file], { meta: { published: '2020-03-30' } });
    if (outcome?.status !== 'imported') throw new Error(`could not import the benchmark document: ${JSON.stringify(outcome)}`);
    const times: number[] = [];
    let count = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const suggestions = await service.suggest({ documentId: outcome.documentId, annotator: 'bench' });
      times.push(performance.now() - started);
      count = suggestions.length;
      console.log(`bench: run ${run + 1}/${RUNS}: ${count} suggestions in ${times.at(-1)?.toFixed(0)} ms`);
    }
    const value = median(times);
    await recordResults('suggest', {
      title: `Suggestions for a 1 MB document (bench/suggest.ts)`,
      runs: RUNS,
      rows: [{ what: `Dates, entities and claims for ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB of news text (${count.toLocaleString('en')} suggestions), in the service process`, value: `${value.toFixed(0)} ms`, budget: `≤ ${BUDGET_MS} ms`, ok: value <= BUDGET_MS }],
      raw: { suggest: times },
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

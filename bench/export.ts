/**
 * Benchmark: exporting a large project (1,000,000 spans) as W3C JSON Lines and as
 * factmark-json, streamed to a file. Goal (issue "Interchange formats"): at least
 * 50 MB/s. Median of RUNS runs.
 *
 *   node --import tsx bench/export.ts      (BENCH_DOCUMENTS, BENCH_SPANS_PER_DOCUMENT)
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FactmarkService } from '../main/service.js';
import { writeBenchProject } from './corpus.js';
import { recordResults } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 200);
const SPANS_PER_DOCUMENT = Number(process.env.BENCH_SPANS_PER_DOCUMENT ?? 5_000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-export-bench-'));
  try {
    const projectDir = path.join(root, 'project');
    console.log(`bench: writing ${DOCUMENTS} documents with ${SPANS_PER_DOCUMENT} spans each…`);
    await writeBenchProject(
      projectDir,
      Array.from({ length: DOCUMENTS }, (_, i) => ({ name: `Article ${i + 1}`, bytes: 100_000, spans: SPANS_PER_DOCUMENT, seed: 100 + i })),
      'bench',
    );
    const results: Record<string, number[]> = { 'w3c-jsonl MB/s': [], 'factmark-json MB/s': [] };
    const sizes: Record<string, number> = {};
    let spans = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const format of ['w3c-jsonl', 'factmark-json'] as const) {
        // A fresh service each time: nothing parsed is cached between runs.
        const service = new FactmarkService();
        await service.openProject({ dir: projectDir });
        const out = path.join(root, `export.${format}`);
        const started = performance.now();
        const result = await service.exportCorpus({ format, path: out });
        const seconds = (performance.now() - started) / 1000;
        const bytes = (await stat(out)).size;
        spans = result.spans;
        sizes[format] = bytes;
        results[`${format} MB/s`]?.push(bytes / 1e6 / seconds);
        console.log(`bench: run ${run + 1}/${RUNS} ${format}: ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (${result.spans} spans)`);
      }
    }
    const w3c = median(results['w3c-jsonl MB/s'] ?? []);
    const json = median(results['factmark-json MB/s'] ?? []);
    await recordResults('export', {
      title: `Exporting ${spans.toLocaleString('en')} spans (bench/export.ts)`,
      runs: RUNS,
      rows: [
        { what: `W3C JSON Lines (${((sizes['w3c-jsonl'] ?? 0) / 1e6).toFixed(0)} MB)`, value: `${w3c.toFixed(1)} MB/s`, budget: '≥ 50 MB/s', ok: w3c >= 50 },
        { what: `factmark-json (${((sizes['factmark-json'] ?? 0) / 1e6).toFixed(0)} MB)`, value: `${json.toFixed(1)} MB/s`, budget: '≥ 50 MB/s', ok: json >= 50 },
      ],
      raw: results,
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

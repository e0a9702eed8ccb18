/**
 * Benchmark: exporting a large project (1,000,000 spans) as W3C JSON Lines and as
 * factmark-json, streamed to a file. Goal (issue "Interchange formats"): at least
 * 50 MB/s. Median of RUNS runs.
 *
 * Then a wide project, 10,000 documents with 100 spans each (the issue's "10,000
 * documents, 1,000,000 spans"): the export must stream in bounded memory with progress.
 * What the heap keeps is sampled as the export goes; the progress reports are counted.
 *
 *   node --expose-gc --import tsx bench/export.ts   (BENCH_DOCUMENTS, BENCH_SPANS_PER_DOCUMENT, BENCH_WIDE_DOCUMENTS)
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FactmarkService } from '../main/service.js';
import { writeBenchProject } from './corpus.js';
import { cpuTimes, recordResults, stealShare } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 200);
const SPANS_PER_DOCUMENT = Number(process.env.BENCH_SPANS_PER_DOCUMENT ?? 5_000);
const WIDE_DOCUMENTS = Number(process.env.BENCH_WIDE_DOCUMENTS ?? 10_000);
const WIDE_SPANS_PER_DOCUMENT = 100;

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
    const results: Record<string, number[]> = { 'w3c-jsonl MB/s': [], 'factmark-json MB/s': [], 'w3c-jsonl CPU steal %': [], 'factmark-json CPU steal %': [] };
    const sizes: Record<string, number> = {};
    let spans = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const format of ['w3c-jsonl', 'factmark-json'] as const) {
        // A fresh service each time: nothing parsed is cached between runs.
        const service = new FactmarkService();
        await service.openProject({ dir: projectDir });
        const out = path.join(root, `export.${format}`);
        const cpu = cpuTimes();
        const started = performance.now();
        const result = await service.exportToFile(out, { format });
        const seconds = (performance.now() - started) / 1000;
        const steal = stealShare(cpu);
        const bytes = (await stat(out)).size;
        // Deleted once measured: otherwise the kernel writes its ~600 MB back to disk 30 s
        // later (dirty_expire), during the next runs, on the same two cores.
        await rm(out);
        spans = result.spans;
        sizes[format] = bytes;
        results[`${format} MB/s`]?.push(bytes / 1e6 / seconds);
        if (steal !== null) results[`${format} CPU steal %`]?.push(steal * 100);
        console.log(`bench: run ${run + 1}/${RUNS} ${format}: ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (${result.spans} spans)${steal === null ? '' : `, CPU steal ${(steal * 100).toFixed(0)} %`}`);
      }
    }
    const w3c = median(results['w3c-jsonl MB/s'] ?? []);
    const json = median(results['factmark-json MB/s'] ?? []);
    const wide = await exportWideProject(root);
    await recordResults('export', {
      title: `Exporting ${spans.toLocaleString('en')} spans (bench/export.ts)`,
      runs: RUNS,
      rows: [
        { what: `W3C JSON Lines (${((sizes['w3c-jsonl'] ?? 0) / 1e6).toFixed(0)} MB)`, value: `${w3c.toFixed(1)} MB/s`, budget: '≥ 50 MB/s', ok: w3c >= 50 },
        { what: `factmark-json (${((sizes['factmark-json'] ?? 0) / 1e6).toFixed(0)} MB)`, value: `${json.toFixed(1)} MB/s`, budget: '≥ 50 MB/s', ok: json >= 50 },
        ...wide.rows,
      ],
      raw: { ...results, ...wide.raw },
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * 10,000 documents of 100 spans, exported once per format. Every 1,000 documents the
 * heap is collected and what stays is sampled: bounded memory means it stays flat
 * however many documents have gone out (needs `node --expose-gc`).
 */
async function exportWideProject(root: string): Promise<{ rows: { what: string; value: string; budget: string; ok: boolean }[]; raw: Record<string, number[]> }> {
  const projectDir = path.join(root, 'wide');
  console.log(`bench: writing ${WIDE_DOCUMENTS} documents with ${WIDE_SPANS_PER_DOCUMENT} spans each…`);
  await writeBenchProject(
    projectDir,
    Array.from({ length: WIDE_DOCUMENTS }, (_, i) => ({ name: `Short ${i + 1}`, bytes: 4_000, spans: WIDE_SPANS_PER_DOCUMENT, seed: 10_000 + i })),
    'bench',
  );
  const collect = globalThis.gc;
  if (!collect) throw new Error('run with node --expose-gc: the wide export samples the heap after collecting it');
  const rows: { what: string; value: string; budget: string; ok: boolean }[] = [];
  const raw: Record<string, number[]> = {};
  for (const format of ['w3c-jsonl', 'factmark-json'] as const) {
    const service = new FactmarkService();
    await service.openProject({ dir: projectDir });
    const out = path.join(root, `wide.${format}`);
    const retained: number[] = [];
    let reports = 0;
    const started = performance.now();
    const result = await service.exportToFile(out, { format }, (done) => {
      reports++;
      if (done % 1_000 === 0) {
        collect();
        retained.push(process.memoryUsage().heapUsed / 1e6);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const bytes = (await stat(out)).size;
    const first = retained[0] ?? 0;
    const last = retained.at(-1) ?? 0;
    console.log(`bench: wide ${format}: ${result.documents} documents, ${result.spans} spans, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s; heap kept after each 1,000 documents: ${retained.map((mb) => mb.toFixed(0)).join(', ')} MB; ${reports} progress reports`);
    raw[`wide ${format}: heap kept after each 1,000 documents (MB)`] = retained;
    rows.push({
      what: `${result.documents.toLocaleString('en')} documents, ${result.spans.toLocaleString('en')} spans as ${format} (${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s, heap collected every 1,000 documents): heap kept after the first and the last 1,000 documents; progress reports`,
      value: `${first.toFixed(0)} → ${last.toFixed(0)} MB; ${reports.toLocaleString('en')} reports`,
      budget: 'flat (+< 10 MB); one per document',
      ok: last - first < 10 && reports === result.documents,
    });
    await rm(out, { force: true });
  }
  return { rows, raw };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

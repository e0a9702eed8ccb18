/**
 * Benchmark: a cold start, navigation → first document painted (issue "Give commands,
 * formats and the service a home; start fast": at most 1.3× a plain-DOM page in the same
 * run), for a 20 KB article with 200 spans, 200 KB with 2,000 and 1 MB with 10,000. Each
 * run opens a fresh page at the app's address with `#doc=` naming the article, and the
 * plain page (bench/plain-dom.html: the same api call, text in <p>, spans as <mark>) the
 * same way; both times are read from the page's own clock, from navigation start to the
 * mark set in the task after the painted frame. Pages alternate, in a fresh browser
 * context each (nothing cached between runs). Median of RUNS runs.
 *
 *   npm run build && node --import tsx bench/cold-start.ts
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startWebProcess } from '../tests/helpers/web-process.js';
import { benchDir, writeBenchProject, type BenchDocument } from './corpus.js';
import { recordResults } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ANNOTATOR = 'bench';
const RATIO_BUDGET = 1.3;
const SIZES = [
  { name: '20 KB article, 200 spans', bytes: 20_000, spans: 200, seed: 11 },
  { name: '200 KB article, 2,000 spans', bytes: 200_000, spans: 2_000, seed: 12 },
  { name: '1 MB article, 10,000 spans', bytes: 1_000_000, spans: 10_000, seed: 13 },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Navigation → Factmark's first paint of `doc` with all its spans (drawn before the
 * window's code has loaded: renderer/src/prepaint/), and → the window's own paint of it,
 * ready to use, in ms.
 */
async function factmarkStart(browser: Browser, url: string, doc: BenchDocument): Promise<{ first: number; ready: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#doc=${doc.id}`);
    await page.waitForSelector(`[data-painted-document="${doc.id}"][data-painted-spans="${doc.spans}"]`, { timeout: 60_000 });
    return await page.evaluate(
      ({ id, spans }) => {
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        const [ready, first] = ['factmark:painted', 'factmark:first-paint'].map(
          (name) =>
            (performance.getEntriesByName(name) as PerformanceMark[]).find((mark) => {
              const detail = mark.detail as { documentId: string; spans: number };
              return detail.documentId === id && detail.spans === spans;
            })?.startTime,
        );
        // Without a first paint (it was not drawn), the window's own paint is the first.
        return { first: first ?? (ready as number), ready: ready as number };
      },
      { id: doc.id, spans: doc.spans },
    );
  } finally {
    await context.close();
  }
}

/** Navigation → the plain page's paint of the same, in ms. */
async function plainStart(browser: Browser, url: string, doc: BenchDocument, html: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const { origin, searchParams } = new URL(url);
    await page.route(`${origin}/bench/plain-dom.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${origin}/bench/plain-dom.html#doc=${doc.id}&annotator=${ANNOTATOR}&token=${searchParams.get('token') ?? ''}`);
    await page.waitForFunction(() => performance.getEntriesByName('plain:painted').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => (performance.getEntriesByName('plain:painted')[0] as PerformanceMark).startTime);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-bench-start-'));
  const projectDir = path.join(root, 'project');
  const dataDir = path.join(root, 'data');
  const docs = (await writeBenchProject(projectDir, SIZES, ANNOTATOR)) as BenchDocument[];
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ annotator: ANNOTATOR, theme: 'light' }));
  const html = await readFile(path.join(benchDir, 'plain-dom.html'), 'utf8');
  const web = await startWebProcess(projectDir, dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  const results: Record<string, number[]> = {};
  try {
    // One start of each first, not counted: the server reads each file once.
    for (const doc of docs) await factmarkStart(browser, web.url, doc);
    for (let run = 0; run < RUNS; run++) {
      for (const [at, doc] of docs.entries()) {
        const factmark = await factmarkStart(browser, web.url, doc);
        const plain = await plainStart(browser, web.url, doc, html);
        (results[`factmark${at}`] ??= []).push(factmark.first);
        (results[`ready${at}`] ??= []).push(factmark.ready);
        (results[`plain${at}`] ??= []).push(plain);
        console.log(`bench: run ${run + 1}/${RUNS}: ${SIZES[at]?.name}: Factmark first paint ${factmark.first.toFixed(0)} ms, ready ${factmark.ready.toFixed(0)} ms; plain ${plain.toFixed(0)} ms`);
      }
    }
  } finally {
    await browser.close();
    await web.stop();
    await rm(root, { recursive: true, force: true });
  }
  const rows = SIZES.flatMap((size, at) => {
    const factmark = median(results[`factmark${at}`] ?? []);
    const ready = median(results[`ready${at}`] ?? []);
    const plain = median(results[`plain${at}`] ?? []);
    const ratio = factmark / plain;
    return [
      { what: `Cold start, ${size.name}: navigation → document painted, Factmark`, value: `${factmark.toFixed(0)} ms`, budget: '—', ok: true },
      { what: '  …the plain-DOM page, same run', value: `${plain.toFixed(0)} ms`, budget: '—', ok: true },
      { what: '  …Factmark ÷ plain DOM', value: `${ratio.toFixed(2)}×`, budget: `≤ ${RATIO_BUDGET}×`, ok: ratio <= RATIO_BUDGET },
      { what: '  …navigation → the window drawn by React, ready to use', value: `${ready.toFixed(0)} ms (${(ready / plain).toFixed(2)}×)`, budget: '—', ok: true },
    ];
  });
  await recordResults('cold-start', { title: 'Cold start: navigation → first document painted (bench/cold-start.ts)', runs: RUNS, rows, raw: results });
  for (const row of rows) console.log(`${row.ok ? 'ok  ' : 'OVER'} ${row.what}: ${row.value} (${row.budget})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Benchmark: opening and tagging documents in the real renderer (browser mode, Debian
 * Chromium), beside a plain-DOM page as the yardstick. Budgets (issue "The annotation
 * app"): a 1 MB article with 10,000 spans (10% overlapping) painted in at most 1.3x the
 * plain page's time and at most 1.5 s; a tag painted within 50 ms and on disk within
 * 1 s; a 20 KB article with 200 spans painted within 150 ms. Median of RUNS runs.
 *
 *   npm run bench        (builds first; writes bench/RESULTS.md)
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { benchDir, writeBenchProject, type BenchDocument } from './corpus.js';
import { startWebProcess } from '../tests/helpers/web-process.js';
import { recordResults } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ANNOTATOR = 'bench';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Opens `target` from the app showing `start`: click -> both marks in the page. */
async function openInFactmark(page: Page, url: string, start: BenchDocument, target: BenchDocument, layerFile: string): Promise<{ article: number; panels: number }> {
  const spans = await spanCount(layerFile);
  await page.goto(`${url}#doc=${start.id}`);
  await page.waitForSelector(`[data-painted-document="${start.id}"]`);
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: target.name }).click();
  await page.waitForSelector(`[data-painted-document="${target.id}"][data-painted-spans="${spans}"]`, { timeout: 30_000 });
  await page.waitForFunction((count) => (performance.getEntriesByName('factmark:panels') as PerformanceMark[]).some((mark) => (mark.detail as { spans: number }).spans === count), spans);
  return page.evaluate(
    ({ id, count }) => {
      const open = performance.getEntriesByName('factmark:open').at(-1) as PerformanceMark;
      const painted = (performance.getEntriesByName('factmark:painted') as PerformanceMark[]).filter((mark) => (mark.detail as { documentId: string }).documentId === id).at(-1) as PerformanceMark;
      const panels = (performance.getEntriesByName('factmark:panels') as PerformanceMark[]).filter((mark) => (mark.detail as { spans: number }).spans === count).at(-1) as PerformanceMark;
      return { article: painted.startTime - open.startTime, panels: panels.startTime - open.startTime };
    },
    { id: target.id, count: spans },
  );
}

async function openInPlainDom(page: Page, url: string, target: BenchDocument): Promise<number> {
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token') ?? '';
  const html = await readFile(path.join(benchDir, 'plain-dom.html'), 'utf8');
  await page.route(`${origin}/bench/plain-dom.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${origin}/bench/plain-dom.html`);
  return page.evaluate(({ id, annotator, token }) => (window as unknown as { open: (a: string, b: string, c: string) => Promise<number> }).open(id, annotator, token), { id: target.id, annotator: ANNOTATOR, token });
}

/** Spans in a layer file now (the tagging runs add one each). */
async function spanCount(layerFile: string): Promise<number> {
  return (JSON.parse(await readFile(layerFile, 'utf8')) as { spans: unknown[] }).spans.length;
}

/** Selects a word far into the document and tags it: key -> painted, key -> on disk. */
async function tagInFactmark(page: Page, url: string, target: BenchDocument, layerFile: string, run: number): Promise<{ painted: number; onDisk: number }> {
  await page.goto(`${url}#doc=${target.id}`);
  const spansBefore = await spanCount(layerFile);
  await page.waitForSelector(`[data-painted-document="${target.id}"][data-painted-spans="${spansBefore}"]`, { timeout: 30_000 });
  // Scroll deep into the article, as an analyst would, and let its lines render.
  await page.evaluate((run) => {
    const scroller = document.querySelector('.document-scroll') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight * (0.5 + run * 0.05);
  }, run);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    // A word on a line in the middle of the screen, selected as a mouse drag would.
    const scroller = document.querySelector('.document-scroll') as HTMLElement;
    const middle = scroller.getBoundingClientRect().top + scroller.clientHeight / 2;
    const lines = Array.from(document.querySelectorAll<HTMLElement>('.fm-line')).filter((line) => (line.textContent ?? '').length > 100);
    const line = lines.find((candidate) => candidate.getBoundingClientRect().bottom > middle) as HTMLElement;
    const text = line.querySelector('span')?.firstChild as Text;
    const range = document.createRange();
    const at = text.data.indexOf(' ', 40) + 1;
    range.setStart(text, at);
    range.setEnd(text, text.data.indexOf(' ', at));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    window.addEventListener('keydown', () => performance.mark('bench:key'), { capture: true, once: true });
  });
  let seen = (await stat(layerFile)).mtimeMs;
  const pressed = Date.now();
  await page.keyboard.press('1');
  await page.waitForSelector(`[data-painted-spans="${spansBefore + 1}"]`);
  const painted = await page.evaluate(() => {
    const key = performance.getEntriesByName('bench:key').at(-1) as PerformanceMark;
    const mark = (performance.getEntriesByName('factmark:painted') as PerformanceMark[]).at(-1) as PerformanceMark;
    return mark.startTime - key.startTime;
  });
  // Watch the file cheaply (stat), and read it only when it has changed: parsing a
  // 4 MB layer in a loop would steal the CPU from what is being measured.
  for (;;) {
    const now = (await stat(layerFile).catch(() => null))?.mtimeMs ?? seen;
    if (now !== seen) {
      seen = now;
      if ((await spanCount(layerFile)) === spansBefore + 1) break;
    }
    if (Date.now() - pressed > 10_000) throw new Error('the tag never reached the disk');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { painted, onDisk: Date.now() - pressed };
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-bench-'));
  const projectDir = path.join(root, 'project');
  const dataDir = path.join(root, 'data');
  console.log('bench: writing the benchmark project…');
  const [start, large, small] = await writeBenchProject(
    projectDir,
    [
      { name: 'Start page', bytes: 2_000, spans: 0, seed: 1 },
      { name: 'Large article (1 MB, 10,000 spans)', bytes: 1_000_000, spans: 10_000, seed: 2 },
      { name: 'Short article (20 KB, 200 spans)', bytes: 20_000, spans: 200, seed: 3 },
    ],
    ANNOTATOR,
  ) as [BenchDocument, BenchDocument, BenchDocument];
  await import('node:fs/promises').then((fs) => fs.mkdir(dataDir, { recursive: true }));
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ annotator: ANNOTATOR, theme: 'light' }));
  const web = await startWebProcess(projectDir, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const results = { openLarge: [] as number[], panelsLarge: [] as number[], plainLarge: [] as number[], openSmall: [] as number[], panelsSmall: [] as number[], plainSmall: [] as number[], tagPainted: [] as number[], tagOnDisk: [] as number[] };
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh page per measurement: nothing cached in the renderer between runs.
      const measure = async <T>(fn: (page: Page) => Promise<T>) => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        try {
          return await fn(page);
        } finally {
          await page.close();
        }
      };
      results.plainLarge.push(await measure((page) => openInPlainDom(page, web.url, large)));
      const layerOf = (doc: BenchDocument) => path.join(projectDir, 'annotations', ANNOTATOR, `${doc.id}.json`);
      const openedLarge = await measure((page) => openInFactmark(page, web.url, start, large, layerOf(large)));
      results.openLarge.push(openedLarge.article);
      results.panelsLarge.push(openedLarge.panels);
      results.plainSmall.push(await measure((page) => openInPlainDom(page, web.url, small)));
      const openedSmall = await measure((page) => openInFactmark(page, web.url, start, small, layerOf(small)));
      results.openSmall.push(openedSmall.article);
      results.panelsSmall.push(openedSmall.panels);
      const tag = await measure((page) => tagInFactmark(page, web.url, large, layerOf(large), run));
      results.tagPainted.push(tag.painted);
      results.tagOnDisk.push(tag.onDisk);
      console.log(`bench: run ${run + 1}/${RUNS}: large ${results.openLarge.at(-1)?.toFixed(0)} ms (plain ${results.plainLarge.at(-1)?.toFixed(0)} ms), small ${results.openSmall.at(-1)?.toFixed(0)} ms, tag painted ${tag.painted.toFixed(0)} ms, on disk ${tag.onDisk} ms`);
    }
  } finally {
    await browser.close();
    await web.stop();
    await rm(root, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(results).map(([key, values]) => [key, median(values)])) as Record<keyof typeof results, number>;
  const ratio = m.openLarge / m.plainLarge;
  const rows = [
    ['Open 1 MB article, 10,000 spans (10% overlapping): Factmark', m.openLarge, '≤ 1500 ms', m.openLarge <= 1500],
    ['  …and the span list beside it (10,000 rows, drawn after the article)', m.panelsLarge, '—', true],
    ['Open the same in the plain-DOM yardstick', m.plainLarge, '—', true],
    ['Factmark ÷ plain DOM', ratio, '≤ 1.3×', ratio <= 1.3],
    ['Open 20 KB article, 200 spans: Factmark', m.openSmall, '≤ 150 ms', m.openSmall <= 150],
    ['  …and the span list beside it', m.panelsSmall, '—', true],
    ['Open the same in the plain-DOM yardstick', m.plainSmall, '—', true],
    ['Tag a selection in the 1 MB article: painted', m.tagPainted, '≤ 50 ms', m.tagPainted <= 50],
    ['Tag a selection in the 1 MB article: on disk', m.tagOnDisk, '≤ 1000 ms', m.tagOnDisk <= 1000],
  ] as const;
  await recordResults('open-and-tag', {
    title: 'Opening and tagging documents (bench/open-and-tag.ts)',
    runs: RUNS,
    rows: rows.map(([what, value, budget, ok]) => ({ what, value: what.includes('÷') ? `${value.toFixed(2)}×` : `${value.toFixed(0)} ms`, budget, ok })),
    raw: results,
  });
  for (const [what, value, budget, ok] of rows) console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${what.includes('÷') ? value.toFixed(2) : value.toFixed(0)} (${budget})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

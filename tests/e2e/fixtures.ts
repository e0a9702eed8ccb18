/**
 * End-to-end fixtures: a real project folder on disk (made with the real CLI), Factmark
 * in browser mode as its own process, and helpers that act as a person would — drag
 * the mouse across words, press keys — and read what landed on disk.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codePointSlice } from '../../shared/text/offsets.js';
import { repoRoot } from '../helpers/paths.js';
import { startWebProcess } from '../helpers/web-process.js';

export { repoRoot };
const cli = path.join(repoRoot, 'dist/cli.cjs');

export interface ArticleFile {
  name: string;
  content: string | Buffer;
  title?: string;
  published?: string;
  outlet?: string;
  url?: string;
}

export interface FactmarkApp {
  projectDir: string;
  dataDir: string;
  url: string;
  annotator: string;
  /** Stops and starts browser mode again on the same folders (a "restart"). */
  restart(): Promise<void>;
  layerOnDisk(documentId: string, annotator?: string): Promise<LayerFile | null>;
  documentOnDisk(documentId: string): Promise<{ text: string }>;
  documentIds(): string[];
}

export interface LayerFile {
  status: string;
  spans: { id: string; label: string; start: number; end: number; quote: { exact: string }; attributes: Record<string, unknown>; note?: string }[];
}

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`factmark ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Creates a project and imports the given articles with the real CLI. */
export async function makeProject(articles: ArticleFile[]): Promise<{ projectDir: string; ids: string[] }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-e2e-'));
  const projectDir = path.join(root, 'project');
  run(['init', projectDir, '--name', 'E2E project']);
  const ids: string[] = [];
  for (const article of articles) {
    const file = path.join(root, article.name);
    await writeFile(file, article.content);
    const options = [...(article.title ? ['--title', article.title] : []), ...(article.published ? ['--published', article.published] : []), ...(article.outlet ? ['--outlet', article.outlet] : []), ...(article.url ? ['--url', article.url] : [])];
    ids.push(run(['import', projectDir, file, ...options]).split('\t')[0] ?? '');
  }
  return { projectDir, ids };
}

interface Options {
  /** The project's articles. (An object, not a bare array: Playwright reads an array
   *  option as [value, options].) */
  corpus: { articles: ArticleFile[] };
  /** Null: start as a first-time user who has not said who they are. */
  annotator: string | null;
}

export const test = base.extend<Options & { factmark: FactmarkApp }>({
  corpus: [{ articles: [] }, { option: true }],
  annotator: ['tester', { option: true }],
  factmark: async ({ corpus, annotator }, use) => {
    const { projectDir, ids } = await makeProject(corpus.articles);
    const dataDir = path.join(path.dirname(projectDir), 'data');
    await mkdir(dataDir, { recursive: true });
    if (annotator) await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ annotator, theme: 'light' }));
    let server = await startWebProcess(projectDir, dataDir);
    const app: FactmarkApp = {
      projectDir,
      dataDir,
      url: server.url,
      annotator: annotator ?? '',
      documentIds: () => ids,
      restart: async () => {
        await server.stop();
        server = await startWebProcess(projectDir, dataDir);
        app.url = server.url;
      },
      layerOnDisk: async (documentId, who = app.annotator) => {
        try {
          return JSON.parse(await readFile(path.join(projectDir, 'annotations', who, `${documentId}.json`), 'utf8')) as LayerFile;
        } catch {
          return null;
        }
      },
      documentOnDisk: async (documentId) => JSON.parse(await readFile(path.join(projectDir, 'documents', `${documentId}.json`), 'utf8')) as { text: string },
    };
    await use(app);
    await server.stop();
    await rm(path.dirname(projectDir), { recursive: true, force: true });
  },
});
export { expect };

/** Opens the app and waits until the first document is painted. */
export async function openApp(page: Page, app: FactmarkApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByTestId('document-text')).toHaveAttribute('data-painted-document', /.+/);
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('document-text')).toHaveAttribute('data-painted-document', /.+/);
}

/**
 * Drags the mouse from the first character of `from` to the last character of `to`
 * (searched after `from`), as a person selecting that text would.
 */
export async function dragSelect(page: Page, from: string, to: string = from, options: { alt?: boolean; occurrence?: number } = {}): Promise<void> {
  await scrollUntilRendered(page, from);
  const points = await page.getByTestId('document-text').evaluate(
    (root, { from, to, occurrence }) => {
      const texts: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
      const all = texts.map((node) => node.data).join('\u0000');
      let start = -1;
      for (let i = 0; i <= occurrence; i++) start = all.indexOf(from, start + 1);
      if (start < 0) throw new Error(`"${from}" is not in the document`);
      const end = all.indexOf(to, start) + to.length;
      if (end < to.length) throw new Error(`"${to}" is not after "${from}"`);
      const locate = (at: number) => {
        let offset = at;
        for (const node of texts) {
          if (offset < node.data.length) return { node, offset };
          offset -= node.data.length + 1;
        }
        throw new Error('offset outside the text');
      };
      const box = (at: number, units: number) => {
        const { node, offset } = locate(at);
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + units);
        const rects = range.getClientRects();
        const rect = rects[0] ?? range.getBoundingClientRect();
        return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
      };
      // Bring the text on screen first, as a person would scroll to it.
      (locate(start).node.parentElement as Element).scrollIntoView({ block: 'center' });
      const unitsAt = (at: number) => (/[\ud800-\udbff]/.test(all[at] ?? '') ? 2 : 1);
      const lastAt = /[\udc00-\udfff]/.test(all[end - 1] ?? '') ? end - 2 : end - 1;
      const first = box(start, unitsAt(start));
      const last = box(lastAt, unitsAt(lastAt));
      const rtl = getComputedStyle(locate(start).node.parentElement as Element).direction === 'rtl' || /[\u0590-\u08ff]/.test(from);
      return { startX: rtl ? first.right - 1 : first.left + 1, startY: first.y, endX: rtl ? last.left + 1 : last.right - 1, endY: last.y };
    },
    { from, to, occurrence: options.occurrence ?? 0 },
  );
  if (options.alt) await page.keyboard.down('Alt');
  await page.mouse.move(points.startX, points.startY);
  await page.mouse.down();
  await page.mouse.move((points.startX + points.endX) / 2, (points.startY + points.endY) / 2, { steps: 4 });
  await page.mouse.move(points.endX, points.endY, { steps: 4 });
  await page.mouse.up();
  if (options.alt) await page.keyboard.up('Alt');
}

/**
 * Long articles render their lines as they come near the viewport: scroll down, as a
 * reader would, until `text` is on the page.
 */
async function scrollUntilRendered(page: Page, text: string): Promise<void> {
  for (let step = 0; step < 200; step++) {
    const found = await page.getByTestId('document-text').evaluate((root, text) => {
      if ((root.textContent ?? '').includes(text)) return true;
      const scroller = root.closest('.document-scroll') as HTMLElement;
      scroller.scrollTop += scroller.clientHeight;
      return false;
    }, text);
    if (found) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`"${text}" never appeared in the article`);
}

/** Clicks just before the first character of `text` (placing the caret there). */
export async function clickBefore(page: Page, text: string): Promise<void> {
  await scrollUntilRendered(page, text);
  const point = await page.getByTestId('document-text').evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      (node.parentElement as Element).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + 1, y: rect.top + rect.height / 2 };
    }
    throw new Error(`"${text}" is not in the document`);
  }, text);
  await page.mouse.click(point.x, point.y);
}

/** Opens Compare…, chooses annotators A and B, and starts the comparison. */
export async function startComparison(page: Page, a: string, b: string): Promise<void> {
  await page.getByRole('button', { name: 'Compare…' }).click();
  const choose = page.getByRole('dialog', { name: 'Compare annotators' });
  await choose.getByLabel('Annotator A').selectOption(a);
  await choose.getByLabel('Annotator B').selectOption(b);
  await choose.getByRole('button', { name: 'Compare' }).click();
}

/** Waits until the status bar says everything is saved. */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

/** Every span on disk slices the document's text to its quote (the core invariant). */
export async function expectSpansFitText(app: FactmarkApp, documentId: string): Promise<void> {
  const layer = await app.layerOnDisk(documentId);
  const { text } = await app.documentOnDisk(documentId);
  expect(layer).not.toBeNull();
  for (const span of layer?.spans ?? []) expect(codePointSlice(text, span.start, span.end), span.id).toBe(span.quote.exact);
}

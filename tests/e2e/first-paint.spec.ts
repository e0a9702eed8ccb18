/**
 * The first paint (renderer/src/prepaint/): the article, its heading and its span marks
 * are on screen before the window's code has loaded, and the window then draws them in
 * exactly the same place. The window's code is held back here until the first paint has
 * been measured, which proves the first paint needs none of it; then it is let through,
 * and every line, every mark, the heading and the toolbar must be where they were.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeLayer, writeSettings } from './a11y/layers.js';
import { expect, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/articles');
const K1 = readFileSync(path.join(samples, '000_8537c0a39dd1ae22.txt'), 'utf8');
const RUDAW = readFileSync(path.join(samples, '001_e924d1bfadb02891.txt'), 'utf8');

test.use({
  corpus: {
    articles: [
      { name: 'k1.txt', content: K1, title: 'The US-led Coalition has now left three bases in Iraq', outlet: 'MECRA', published: '2020-03-30' },
      // No metadata given: the heading carries what was guessed, or the missing-date warning.
      { name: 'rudaw.txt', content: RUDAW },
    ],
  },
});

/** Where everything that frames and marks the article is, to a tenth of a pixel. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return [rect.left, rect.top, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);
    };
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    const firstChunk = document.querySelector('.fm-chunk');
    return {
      theme: document.documentElement.dataset.theme,
      toolbar: all('.app-header button').map((button) => [button.textContent, (button as HTMLButtonElement).disabled, ...box(button)]),
      heading: all('.document-heading, .document-heading h1, .document-heading .heading-line, .document-heading p').map((element) => [element.textContent, ...box(element)]),
      text: box(document.querySelector('.document-text') as Element),
      lines: firstChunk ? [...firstChunk.querySelectorAll('.fm-line')].map((line) => [line.textContent, ...box(line)]) : [],
      marks: firstChunk ? [...firstChunk.querySelectorAll('.fm-chunk-marks > div')].map((mark) => [mark.className, ...box(mark)]) : [],
    };
  });
}

// Dark, in a window narrow enough that the toolbar and the heading wrap onto more rows.
for (const [theme, viewport] of [
  ['light', { width: 1400, height: 900 }],
  ['dark', { width: 1100, height: 800 }],
] as const) {
  test(`the article is painted before the window's code loads, and the window draws it in the same place (${theme}, ${viewport.width} px wide)`, async ({ page, factmark }, testInfo) => {
    await page.setViewportSize(viewport);
    const [k1, rudaw] = factmark.documentIds() as [string, string];
    await writeSettings(factmark.dataDir, { annotator: 'tester', theme });
    await factmark.restart(); // settings are read when the app starts
    // Nested and crossing spans, so that marks sit on several tracks; and a colleague's layer, so the Layer menu has two names.
    await writeLayer(factmark.projectDir, k1, 'tester', [
      { id: 's1', label: 'claim', exact: 'The US-led Coalition handed over an area of K-1 Air Base on Sunday' },
      { id: 's2', label: 'entity', exact: 'K-1 Air Base', after: 'handed over' },
      { id: 's3', label: 'date', exact: 'Sunday', after: 'handed over' },
      { id: 's4', label: 'entity', exact: 'Iraqi Security Forces' },
    ]);
    await writeLayer(factmark.projectDir, k1, 'colleague', [{ id: 'c1', label: 'entity', exact: 'Iraqi Security Forces' }]);
    await writeLayer(factmark.projectDir, rudaw, 'tester', [{ id: 'r1', label: 'claim', exact: RUDAW.split('\n').find((line) => line.trim().length > 40)!.trim().slice(0, 40) }]);
    const policyErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) policyErrors.push(message.text());
    });

    for (const [documentId, spans] of [
      [k1, 4],
      [rudaw, 1],
    ] as const) {
      // Hold the window's code (main.tsx's module) until the first paint has been measured.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      await page.route(/\/assets\/window-[^/]+\.js$/, async (route) => {
        asked = true;
        await held;
        await route.continue();
      });
      await page.goto('about:blank'); // a new page load, not a jump within the last one
      await page.goto(`${factmark.url}#doc=${documentId}`);
      const early = page.locator(`[data-first-paint-document="${documentId}"][data-first-paint-spans="${spans}"]`);
      await expect(early).toBeVisible();
      // Nothing of the window has run: its document view (and its test id) is not there yet.
      await expect(page.getByTestId('document-text')).toHaveCount(0);
      const before = await layout(page);
      await page.screenshot({ path: testInfo.outputPath(`${documentId}-first-paint-${theme}.png`) });
      expect(before.theme).toBe(theme);
      expect(before.marks.length, 'the first paint draws the span marks').toBeGreaterThan(0);
      expect(before.lines.length).toBeGreaterThan(0);

      release();
      await expect(page.getByTestId('document-text')).toHaveAttribute('data-painted-document', documentId);
      expect(asked, "the window's code was asked for after the first paint").toBe(true);
      await expect(early).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`${documentId}-window-${theme}.png`) });
      const after = await layout(page);
      expect(after.theme).toBe(before.theme);
      expect(after.toolbar, 'the toolbar, and which of its buttons are off').toEqual(before.toolbar);
      expect(after.heading, 'the heading').toEqual(before.heading);
      expect(after.text, 'the article').toEqual(before.text);
      expect(after.lines, 'the lines of the first chunk').toEqual(before.lines);
      expect(after.marks, 'the marks of the first chunk').toEqual(before.marks);
      await page.unroute(/\/assets\/window-[^/]+\.js$/);
    }
    expect(policyErrors).toEqual([]);
  });
}

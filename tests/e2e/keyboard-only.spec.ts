/**
 * Factmark with the keyboard alone, listening to the live region as a screen reader
 * would: find words and tag them, relabel, undo and redo, step through spans with J/K,
 * remove one, then open the compare view with Tab and Enter and review by keys. No
 * mouse event is sent (Playwright's page.mouse and locator clicks are not used).
 * The live region also says when a save fails and when another window's save was merged.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tabTo } from './a11y/keys.js';
import { writeLayer } from './a11y/layers.js';
import { expect, openApp, saved, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/articles');
const K1 = readFileSync(path.join(samples, '000_8537c0a39dd1ae22.txt'), 'utf8');
test.use({ corpus: { articles: [{ name: 'k1.txt', content: K1, title: 'Coalition leaves K-1', published: '2020-03-30' }] } });

/** The live region's words now (the one a screen reader reads: role status, polite). */
const said = (page: Page) => page.getByRole('contentinfo').getByRole('status');

/** Ctrl+F, the words, Escape: the first match stays selected, ready for a label key. */
async function find(page: Page, words: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Find in article' })).toBeFocused();
  // As one input (a paste, or an input method): find-as-you-type on each letter is find.spec's business.
  await page.keyboard.insertText(words);
  await expect(page.getByRole('search')).toContainText(/\d+ of \d+/);
  await page.keyboard.press('Escape');
}

test('tag, relabel, undo, redo, step, remove and review with the keyboard alone, hearing each through the live region', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await writeLayer(factmark.projectDir, documentId, 'alice', [
    { id: 's_1', label: 'entity', exact: 'K-1 Air Base', length: 3 },
    { id: 's_2', label: 'date', exact: 'Sunday' },
  ]);
  await writeLayer(factmark.projectDir, documentId, 'bob', [
    { id: 's_1', label: 'entity', exact: 'K-1 Air Base' },
    { id: 's_2', label: 'entity', exact: 'Sunday' },
  ]);
  await openApp(page, factmark);

  await find(page, 'Taji');
  await page.keyboard.press('2');
  await expect(said(page)).toHaveText('Tagged Entity “Taji”');
  await page.keyboard.press('1');
  await expect(said(page)).toHaveText('Relabelled Entity “Taji” as Claim');
  await page.keyboard.press('Control+z');
  await expect(said(page)).toHaveText(/^Undone: .*Taji/);
  await expect(page.getByRole('region', { name: 'Spans' }).locator('[data-label="entity"] .span-item')).toHaveText(['Taji']);
  await page.keyboard.press('Control+Shift+z');
  await expect(said(page)).toHaveText(/^Redone: .*Taji/);

  await find(page, 'Sunday');
  await page.keyboard.press('3');
  await expect(said(page)).toHaveText('Tagged Date “Sunday”');
  await page.keyboard.press('Escape');
  // J from nothing selected: the first span in text order, with its place among them.
  await page.keyboard.press('j');
  await expect(said(page)).toHaveText('Date “Sunday”, span 1 of 2');
  // The selected span is framed, a shape and not only a colour: a solid border 2px or more wide.
  const frame = page.locator('.fm-selected-box').first();
  await expect(frame).toBeVisible();
  // The marks are drawn again when anything in their chunk changes: read the style of the frame on screen now, retrying.
  await expect(frame).toHaveCSS('border-top-style', 'solid');
  await expect.poll(async () => Number.parseFloat(await frame.evaluate((element) => getComputedStyle(element).borderTopWidth))).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('j');
  await expect(said(page)).toHaveText('Claim “Taji”, span 2 of 2');
  await page.keyboard.press('k');
  await expect(said(page)).toHaveText('Date “Sunday”, span 1 of 2');
  await page.keyboard.press('Delete');
  await expect(said(page)).toHaveText('Removed Date “Sunday”; next: Claim “Taji”');
  await saved(page);
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.map((span) => [span.label, span.quote.exact])).toEqual([['claim', 'Taji']]);

  // The compare view, reached by Tab and opened with Enter; its first field has the focus.
  await page.keyboard.press('Escape');
  await tabTo(page, 'Compare…');
  await page.keyboard.press('Enter');
  const choose = page.getByRole('dialog', { name: 'Compare annotators' });
  await expect(choose.getByLabel('Annotator A')).toBeFocused();
  await expect(choose.getByLabel('Annotator A')).toHaveValue('alice');
  await expect(choose.getByLabel('Annotator B')).toHaveValue('bob');
  await tabTo(page, 'Compare');
  await page.keyboard.press('Enter');
  await expect(choose).toBeHidden();
  await expect(page.getByRole('region', { name: 'Review' })).toBeVisible();

  await page.keyboard.press(']');
  await expect(said(page)).toHaveText('Other boundaries “K-1”: A (alice) entity, B (bob) entity. Disagreement 1 of 2');
  await page.keyboard.press('Shift+B');
  await expect(said(page)).toHaveText('B accepted: “K-1”');
  await page.keyboard.press(']');
  await expect(said(page)).toHaveText('Other label “Sunday”: A (alice) date, B (bob) entity. Disagreement 2 of 2');
  await page.keyboard.press('Shift+A');
  await expect(said(page)).toHaveText('A accepted: “Sunday”');
  await saved(page);
  await expect
    .poll(async () => (await factmark.layerOnDisk(documentId, 'tester-review'))?.spans.map((span) => [span.label, span.quote.exact]))
    .toEqual([
      ['entity', 'K-1 Air Base'],
      ['date', 'Sunday'],
    ]);
});

test('a failed save is said once, and saving again after it', async ({ page, factmark }) => {
  await openApp(page, factmark);
  // A file where the annotator's folder should be: every write fails.
  const folder = path.join(factmark.projectDir, 'annotations', factmark.annotator);
  await mkdir(path.dirname(folder), { recursive: true });
  await writeFile(folder, 'not a folder');
  await find(page, 'Taji');
  await page.keyboard.press('2');
  await expect(said(page)).toHaveText(/^Not saved: .*Your changes are kept and saving is retried\.$/);
  // The retries (after 1 s, then 2 s) fail too, and are not said again: a new announcement
  // would replace the region's text element with a new one (live-region.tsx keys each).
  const words = await said(page).locator('span').elementHandle();
  await page.waitForTimeout(3500);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'failed');
  expect(await words?.evaluate((element) => element.isConnected)).toBe(true);
  await rm(folder);
  await expect(said(page)).toHaveText('Saved again: all changes are on disk.', { timeout: 15_000 });
});

test('a save that met another window’s is said to have been merged', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await openApp(page, factmark);
  // Another program saves the layer just before this window's save reaches the service.
  let other = false;
  await page.route('**/api/saveLayer', async (route) => {
    if (!other) {
      other = true;
      await writeLayer(factmark.projectDir, documentId, factmark.annotator, [{ id: 's_other', label: 'entity', exact: 'Ayn al-Asad' }]);
    }
    await route.continue();
  });
  await find(page, 'Taji');
  await page.keyboard.press('2');
  await expect(said(page)).toHaveText(/^Another window or program saved this layer; your change was merged with it\./, { timeout: 15_000 });
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.map((span) => span.quote.exact).sort()).toEqual(['Ayn al-Asad', 'Taji']);
});

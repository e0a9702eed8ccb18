import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clickBefore, dragSelect, expect, expectSpansFitText, openApp, saved, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples');
const k1 = readFileSync(path.join(samples, 'articles/000_8537c0a39dd1ae22.txt'));

test.use({ corpus: { articles: [{ name: 'k1.txt', content: k1, title: 'The US-led Coalition has now left three bases in Iraq', published: '2020-03-30' }] } });

test('tag a claim, an entity and a date by mouse and keys; they survive a restart and slice the text on disk', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds();

  // A claim: drag across the words, press 1.
  await dragSelect(page, 'handed over an area of K-1 Air Base', 'on Sunday');
  await page.keyboard.press('1');
  // An entity: a drag that starts and ends inside words snaps to whole words; tag with the toolbar.
  await dragSelect(page, 'ig. Gen. Vincent Bark', 'ig. Gen. Vincent Bark');
  await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: /Entity/ }).click();
  // A date inside the claim (nested spans are allowed): drag, then tag with the letter key D.
  await dragSelect(page, 'Sunday, the third', 'Sunday');
  await page.keyboard.press('d');

  const spans = page.getByRole('region', { name: 'Spans' });
  await expect(spans.locator('[data-label="claim"] .span-item')).toHaveText(['handed over an area of K-1 Air Base on Sunday']);
  await expect(spans.locator('[data-label="entity"] .span-item')).toHaveText(['Brig. Gen. Vincent Barker']);
  await expect(spans.locator('[data-label="date"] .span-item')).toHaveText(['Sunday']);
  await saved(page);
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.length).toBe(3);
  const layer = await factmark.layerOnDisk(documentId!);
  expect(layer?.spans.map((span) => [span.label, span.quote.exact])).toEqual([
    ['claim', 'handed over an area of K-1 Air Base on Sunday'],
    ['date', 'Sunday'],
    ['entity', 'Brig. Gen. Vincent Barker'],
  ]);
  expect(layer?.spans.find((span) => span.label === 'claim')?.attributes).toEqual({ verdict: 'unverified' });
  await expectSpansFitText(factmark, documentId!);

  await factmark.restart();
  await openApp(page, factmark);
  await expect(spans.locator('.span-item')).toHaveText(['handed over an area of K-1 Air Base on Sunday', 'Brig. Gen. Vincent Barker', 'Sunday']);
});

test('keyboard only: Shift+arrows extend a selection that a key then tags', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds();
  // Place the caret before "Taji" with a click, then select the word with the keyboard.
  await clickBefore(page, 'Taji and Ayn');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect(page.getByRole('region', { name: 'Spans' }).locator('[data-label="entity"] .span-item')).toHaveText(['Taji']);
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.map((span) => span.quote.exact)).toEqual(['Taji']);
});

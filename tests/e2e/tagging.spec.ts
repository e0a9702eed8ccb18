import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

test('entities and claimants from the panel: a canonical entity made from a span, found again by typing; a claimant in words', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds();
  const details = page.getByRole('region', { name: 'Selected span' });

  // An entity span becomes a canonical entity, with another name it goes by.
  await dragSelect(page, 'ig. Gen. Vincent Bark', 'ig. Gen. Vincent Bark');
  await page.keyboard.press('2');
  await page.getByRole('region', { name: 'Spans' }).locator('.span-item', { hasText: 'Brig. Gen. Vincent Barker' }).click();
  await details.getByLabel('Kind').selectOption('person');
  await details.getByRole('button', { name: 'New canonical entity…' }).click();
  const form = details.getByRole('group', { name: 'New canonical entity' });
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Brig. Gen. Vincent Barker');
  await expect(form.getByLabel('Kind')).toHaveValue('person');
  await form.getByLabel('Other names (comma-separated)').fill('Vincent Barker, Gen. Barker');
  await form.getByRole('button', { name: 'Create and link' }).click();
  await expect(details.getByTestId('ref-value-entityId')).toContainText('Brig. Gen. Vincent Barker (canonical entity, person)');
  const registry = JSON.parse(await readFile(path.join(factmark.projectDir, 'entities.json'), 'utf8')) as { entities: { id: string; name: string; kind: string; aliases: string[] }[] };
  expect(registry.entities).toEqual([{ id: 'e_brig_gen_vincent_barker', name: 'Brig. Gen. Vincent Barker', kind: 'person', aliases: ['Vincent Barker', 'Gen. Barker'] }]);

  // A claim whose claimant is that entity, found by typing one of its other names.
  await dragSelect(page, 'handed over an area of K-1 Air Base', 'on Sunday');
  await page.keyboard.press('1');
  await page.getByRole('region', { name: 'Spans' }).locator('.span-item', { hasText: 'handed over an area' }).click();
  const claimant = details.getByRole('combobox', { name: 'Claimant' });
  await claimant.fill('gen. bark');
  await expect(details.getByRole('listbox', { name: 'Claimant choices' }).getByRole('option')).toHaveText([
    'Brig. Gen. Vincent Barker entity in this article',
    'Brig. Gen. Vincent Barker canonical entity, person; also Vincent Barker, Gen. Barker',
    'gen. bark use these words',
  ]);
  await claimant.press('ArrowDown');
  await claimant.press('Enter');
  await expect(details.getByTestId('ref-value-claimant')).toContainText('(canonical entity, person)');

  // Another claim, whose source the article names only in words.
  await dragSelect(page, 'Today', 'Iraq');
  await page.keyboard.press('1');
  await claimant.fill('a coalition spokesman');
  await expect(details.getByRole('option', { name: /use these words/ })).toBeVisible();
  await claimant.press('Enter');
  await expect(details.getByTestId('ref-value-claimant')).toContainText('a coalition spokesman (in words)');

  await expect
    .poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.filter((span) => span.label === 'claim').map((span) => span.attributes.claimant).sort())
    .toEqual(['a coalition spokesman', 'e_brig_gen_vincent_barker']);
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.find((span) => span.label === 'entity')?.attributes).toEqual({ kind: 'person', entityId: 'e_brig_gen_vincent_barker' });
});

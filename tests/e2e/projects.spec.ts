import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dragSelect, expect, openApp, test } from './fixtures.js';

const TEXT = 'Col. Dana Reed said on Sunday that 300 personnel had left K-1 Air Base.\n';
test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'K-1' }] } });

test('labels: rename one (its spans follow), add one, and be told why a label in use cannot go', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await dragSelect(page, 'Col. Dana Reed');
  await page.keyboard.press('2');
  await dragSelect(page, 'Sunday');
  await page.keyboard.press('3');
  await expect.poll(async () => (await factmark.layerOnDisk(factmark.documentIds()[0]!))?.spans.length).toBe(2);

  await page.getByRole('button', { name: 'Labels…' }).click();
  const settings = page.getByRole('dialog', { name: 'Project settings' });
  const entity = settings.getByRole('group', { name: 'Label Entity' });
  await entity.getByLabel('Label name').fill('Actor');
  await settings.getByRole('group', { name: 'Label Actor' }).getByLabel('Label id').fill('actor');
  await settings.getByRole('button', { name: 'Add label' }).click();
  await settings.getByRole('group', { name: 'Label New label' }).getByLabel('Label name').fill('Source');
  await settings.getByRole('button', { name: 'Save labels' }).click();
  await expect(settings).toBeHidden();

  const layer = await factmark.layerOnDisk(factmark.documentIds()[0]!);
  expect(layer?.spans.map((span) => [span.label, span.quote.exact]).sort()).toEqual([['actor', 'Col. Dana Reed'], ['date', 'Sunday']]);
  const manifest = JSON.parse(readFileSync(path.join(factmark.projectDir, 'factmark.json'), 'utf8'));
  expect(manifest.labels.map((label: { id: string; key: string }) => `${label.id}:${label.key}`)).toEqual(['claim:1', 'actor:2', 'date:3', 'label-4:4']);
  await expect(page.getByRole('region', { name: 'Spans' }).locator('[data-label="actor"] .span-item')).toHaveText(['Col. Dana Reed']);

  await page.getByRole('button', { name: 'Labels…' }).click();
  await settings.getByRole('button', { name: 'Remove label Date' }).click();
  await settings.getByRole('button', { name: 'Save labels' }).click();
  await expect(settings.getByRole('alert')).toHaveText('Cannot remove labels still in use: "date" is used by 1 span. Delete or relabel those spans first.');
});

test('projects: create a new one, then go back to a recent one', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const fresh = path.join(mkdtempSync(path.join(os.tmpdir(), 'factmark-e2e-new-')), 'fresh');
  await page.getByRole('button', { name: 'Projects…' }).click();
  const projects = page.getByRole('dialog', { name: 'Projects' });
  await projects.getByLabel('Project folder').fill(fresh);
  await projects.getByLabel('New project name').fill('Fresh corpus');
  await projects.getByRole('button', { name: 'Create new project' }).click();
  await expect(page.locator('.project-name')).toHaveText('Fresh corpus');
  await expect(page.getByText('This project has no documents yet')).toBeVisible();
  expect(JSON.parse(readFileSync(path.join(fresh, 'factmark.json'), 'utf8')).name).toBe('Fresh corpus');

  await page.getByRole('button', { name: 'Projects…' }).click();
  await projects.getByRole('button', { name: factmark.projectDir }).click();
  await expect(page.locator('.project-name')).toHaveText('E2E project');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('K-1');
});

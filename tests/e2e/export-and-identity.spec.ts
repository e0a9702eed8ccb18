import { readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { dragSelect, expect, openApp, test } from './fixtures.js';

const TEXT = 'Officials said 1,200 people were displaced by the flood on Saturday.\n';
test.use({ corpus: { articles: [{ name: 'flood.txt', content: TEXT, title: 'Flood displaces 1,200', published: '2025-03-06' }, { name: 'second.txt', content: 'A second article about the convoy.\n', title: 'Second article' }] } });

test('the JSON export (download in browser mode) contains the new spans', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Flood displaces/ }).click();
  await dragSelect(page, '1,200 people were displaced');
  await page.keyboard.press('1');
  await dragSelect(page, 'Saturday');
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });

  const [documentDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const one = JSON.parse(await readFile((await documentDownload.path())!, 'utf8'));
  expect(one.format).toBe('factmark-corpus');
  expect(one.documents).toHaveLength(1);
  expect(one.documents[0].annotations[0].spans.map((span: { label: string; quote: { exact: string } }) => [span.label, span.quote.exact])).toEqual([
    ['claim', '1,200 people were displaced'],
    ['date', 'Saturday'],
  ]);

  await dialog.getByLabel('The whole project').check();
  const [projectDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const all = JSON.parse(await readFile((await projectDownload.path())!, 'utf8'));
  expect(all.documents.map((doc: { meta: { title: string } }) => doc.meta.title).sort()).toEqual(['Flood displaces 1,200', 'Second article']);
  // The dialog follows the export it started (the service counts exports), to its end.
  await expect(dialog.getByTestId('export-progress')).toHaveText('Exported 2 of 2 documents');
  await expect(dialog.getByTestId('export-progress').locator('progress')).toHaveAttribute('value', '2');

  await dialog.getByLabel('Format').selectOption('w3c');
  const [w3cDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  // Named after the project and the format (the export is of the whole project).
  expect(w3cDownload.suggestedFilename()).toBe('e2e-project.w3c.jsonld');
  const w3c = JSON.parse(await readFile((await w3cDownload.path())!, 'utf8'));
  expect(w3c.first.items.map((annotation: { body: { value: string }[] }) => annotation.body[0]!.value).sort()).toEqual(['claim', 'date']);
});

test('a token format says which spans it left out and why, and the file is named after the project, document and format', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Flood displaces/ }).click();
  // A claim holding a date: CoNLL gives a token one tag, so the date cannot go with it.
  await dragSelect(page, '1,200 people', 'Saturday');
  await page.keyboard.press('1');
  await dragSelect(page, 'Saturday');
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('conll');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e-project.flood-displaces-1-200.conll');
  await expect(dialog.getByTestId('export-progress')).toHaveText('Exported 1 of 1 document');
  await expect(dialog.getByTestId('export-notes')).toHaveText('1 span was left out: 1 span nested in or overlapping a span already tagged (a token carries one tag: of spans that share tokens, the one that starts first, then the longer one, is kept)');
  const lines = (await readFile((await download.path())!, 'utf8')).split('\n');
  expect(lines.filter((line) => line.endsWith('-date'))).toEqual([]);
  expect(lines.filter((line) => line.includes('-claim')).length).toBeGreaterThan(3);
});

test.describe('a first-time user', () => {
  test.use({ annotator: null });

  test('is asked once who they are (default: the OS user name); their spans go to their own folder', async ({ page, factmark }) => {
    await page.goto(factmark.url);
    const ask = page.getByRole('dialog', { name: 'Who is annotating?' });
    await expect(ask).toBeVisible();
    const suggested = await ask.getByLabel('Annotator name').inputValue();
    expect(suggested).toMatch(/^[a-z0-9._-]+$/);
    await ask.getByLabel('Annotator name').fill('Dana Reed');
    await expect(ask.getByRole('button', { name: 'Save' })).toBeDisabled();
    await ask.getByLabel('Annotator name').fill('dana.reed');
    await ask.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('annotator')).toHaveText('Annotator: dana.reed');
    expect(JSON.parse(await readFile(path.join(factmark.dataDir, 'settings.json'), 'utf8')).annotator).toBe('dana.reed');

    await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Second article/ }).click();
    await dragSelect(page, 'convoy');
    await page.keyboard.press('2');
    await expect.poll(async () => (await factmark.layerOnDisk(factmark.documentIds()[1]!, 'dana.reed'))?.spans.length).toBe(1);

    await page.reload();
    await expect(page.getByTestId('annotator')).toHaveText('Annotator: dana.reed');
    await expect(ask).toBeHidden();
  });
});

test('a failed save is shown, the change kept, and retried until it reaches disk', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const documentId = factmark.documentIds()[1]!;
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Second article/ }).click();
  // Block the annotator's folder with a file of the same name: every write fails.
  const folder = path.join(factmark.projectDir, 'annotations', factmark.annotator);
  await mkdir(path.dirname(folder), { recursive: true });
  await writeFile(folder, 'not a folder');
  await dragSelect(page, 'convoy');
  await page.keyboard.press('2');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'failed');
  await expect(status).toContainText('Your changes are kept');
  await expect(page.getByRole('region', { name: 'Spans' }).locator('.span-item')).toHaveText(['convoy']);

  await rm(folder);
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const layer = await factmark.layerOnDisk(documentId);
  expect(layer?.spans.map((span) => span.quote.exact)).toEqual(['convoy']);

  // Selecting and deselecting changes nothing, so nothing is written.
  const before = (await stat(path.join(folder, `${documentId}.json`))).mtimeMs;
  await page.getByRole('region', { name: 'Spans' }).locator('.span-item').click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1200);
  expect((await stat(path.join(folder, `${documentId}.json`))).mtimeMs).toBe(before);
});

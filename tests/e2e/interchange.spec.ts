/**
 * Interchange from the analyst's side: export one annotator's layer as a brat zip from
 * the Export dialog, bring it back through Import annotations into a reviewer's layer,
 * and import a W3C file into the open document, which shows the new spans at once.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { dragSelect, expect, openApp, test } from './fixtures.js';

const TEXT = 'Officials said 1,200 people 👩‍🚒 were displaced by the flood on Saturday.\r\nThe convoy left.\n';
test.use({ corpus: { articles: [{ name: 'flood.txt', content: TEXT, title: 'Flood displaces 1,200', published: '2025-03-06' }] } });

test('export my layer as brat, import it as a reviewer\'s layer; import W3C into the open document', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Flood displaces/ }).click();
  await dragSelect(page, '1,200 people 👩‍🚒 were displaced');
  await page.keyboard.press('1');
  await dragSelect(page, 'Saturday');
  await page.keyboard.press('3');
  const [documentId] = factmark.documentIds();
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.length).toBe(2);

  // Export: brat, the whole project, only my layer.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByLabel('Format').selectOption('brat');
  await exportDialog.getByLabel('The whole project').check();
  await expect(exportDialog.getByRole('checkbox', { name: factmark.annotator })).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e-project.brat.zip');
  const zipPath = (await download.path())!;
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  expect(Object.keys(files).sort()).toEqual(['annotation.conf', `${factmark.annotator}/${documentId}.ann`, `${factmark.annotator}/${documentId}.txt`]);
  // Code points, as brat (Python) counts them: the firefighter emoji is three.
  expect(strFromU8(files[`${factmark.annotator}/${documentId}.ann`]!)).toContain('\tclaim 15 46\t1,200 people 👩‍🚒 were displaced\n');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // Import the zip as the reviewer's layer.
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import annotations' });
  await importDialog.getByLabel('Annotation format').selectOption('brat');
  await importDialog.getByLabel('Annotation files').setInputFiles({ name: 'colleague.zip', mimeType: 'application/zip', buffer: await readFile(zipPath) });
  await importDialog.getByLabel('Into the layers of').fill('Reviewer');
  await expect(importDialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await importDialog.getByLabel('Into the layers of').fill('reviewer');
  await importDialog.getByRole('button', { name: 'Import' }).click();
  await expect(importDialog.getByRole('list', { name: 'Import results' })).toContainText(`colleague.zip/${factmark.annotator}/${documentId}.ann: 2 spans added to 1 document`);
  const reviewer = await factmark.layerOnDisk(documentId!, 'reviewer');
  expect(reviewer?.spans.map((span) => [span.label, span.quote.exact])).toEqual([
    ['claim', '1,200 people 👩‍🚒 were displaced'],
    ['date', 'Saturday'],
  ]);

  // A W3C annotation from another tool, with no position: anchored by its quote, into my
  // own open layer, which shows it without reopening the document.
  const w3c = path.join(factmark.projectDir, '..', 'hypothesis.json');
  await writeFile(w3c, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'entity' }], target: { source: `urn:factmark:document:${documentId}`, selector: { type: 'TextQuoteSelector', exact: 'The convoy' } } }));
  await importDialog.getByLabel('Annotation format').selectOption('w3c');
  await importDialog.getByLabel('Annotation files').setInputFiles(w3c);
  await importDialog.getByLabel('Into the layers of').fill(factmark.annotator);
  await importDialog.getByRole('button', { name: 'Import' }).click();
  await expect(importDialog.getByRole('list', { name: 'Import results' })).toContainText('hypothesis.json: 1 span added to 1 document');
  await importDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Spans' }).getByText('The convoy')).toBeVisible();
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.map((span) => span.quote.exact)).toEqual(['1,200 people 👩‍🚒 were displaced', 'Saturday', 'The convoy']);
});

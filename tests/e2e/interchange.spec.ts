/**
 * Interchange from the analyst's side: export one annotator's layer as a brat zip from
 * the Export dialog, bring it back through Import annotations into a reviewer's layer,
 * and import a W3C file into the open document, which shows the new spans at once.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
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
  // Named after the file the article was imported from.
  expect(Object.keys(files).sort()).toEqual(['annotation.conf', `${factmark.annotator}/flood.ann`, `${factmark.annotator}/flood.txt`]);
  // Code points, as brat (Python) counts them: the firefighter emoji is three.
  expect(strFromU8(files[`${factmark.annotator}/flood.ann`]!)).toContain('\tclaim 15 46\t1,200 people 👩‍🚒 were displaced\n');
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
  await expect(importDialog.getByRole('list', { name: 'Import results' })).toContainText(`colleague.zip/${factmark.annotator}/flood.ann: 2 spans added to 1 document`);
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

test('a doccano file with labels the schema lacks: counted and left out, then added with the checkbox; a record whose text is new becomes a document', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds();
  const file = path.join(factmark.projectDir, '..', 're.jsonl');
  // doccano's relation-extraction shape (UTF-16 offsets, as JavaScript's indexOf gives
  // them): the text of the article without its last line break, and a record whose text
  // the project lacks.
  await writeFile(file, `${JSON.stringify({ text: TEXT.replace(/\n$/, ''), entities: [{ id: 0, start_offset: TEXT.indexOf('1,200'), end_offset: TEXT.indexOf('1,200') + 5, label: 'NUMBER' }, { id: 1, start_offset: TEXT.indexOf('Saturday'), end_offset: TEXT.indexOf('Saturday') + 8, label: 'DATE' }], relations: [{ from_id: 0, to_id: 1, type: 'counted_on' }] })}\n${JSON.stringify({ text: 'A new record.', label: [[2, 5, 'NUMBER']] })}\n`);
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByLabel('Annotation format').selectOption('doccano');
  await dialog.getByLabel('Annotation files').setInputFiles(file);
  await dialog.getByRole('checkbox', { name: 'Keep each layer\'s own annotator' }).uncheck();
  await dialog.getByLabel('Into the layers of').fill('dora');
  await dialog.getByRole('button', { name: 'Import' }).click();
  // DATE is the label "date"; NUMBER is not in the schema: left out, with its relation, and counted.
  await expect(dialog.getByLabel('Counts for re.jsonl')).toHaveText('2 records, 4 annotations read: 1 placed, 3 left out');
  // Only the document that got a span counts; the new one holds none yet.
  await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('re.jsonl: 1 span added to 1 document');
  await dialog.getByText('3 left out', { exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('label "NUMBER" (first at record 1, entity 1): the project\'s schema has no label "NUMBER"');
  await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('labels matched regardless of case: DATE → date');
  // The record whose text the project lacked became a document (its span waits for a label).
  await dialog.getByText('1 document added', { exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('from record 2');

  await dialog.getByRole('checkbox', { name: 'Add the labels the files use and the schema lacks' }).check();
  await dialog.getByLabel('Into the layers of').fill('dana');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByLabel('Counts for re.jsonl')).toHaveText('2 records, 4 annotations read: 4 placed, 0 left out');
  await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('labels added to the schema: NUMBER');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const dana = await factmark.layerOnDisk(documentId!, 'dana');
  expect(dana?.spans.map((span) => [span.label, span.quote.exact])).toEqual([['NUMBER', '1,200'], ['date', 'Saturday']]);
  expect(await readdir(path.join(factmark.projectDir, 'documents'))).toHaveLength(2);
});

/**
 * Bringing in what analysts receive, in the real window: a PDF, a Word file and an
 * e-mail dropped with a metadata sheet, their details edited in one table, a span cited
 * with its page, a page fetched from a web address, and the guesses on a sample article.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeDocx } from '../helpers/docx-writer.js';
import { makeEml } from '../helpers/eml-writer.js';
import { articlePages, makePdf } from '../helpers/pdf-writer.js';
import { dragSelect, expect, openApp, openDocument, repoRoot, test } from './fixtures.js';

test.use({ corpus: { articles: [{ name: 'start.txt', content: 'A short note to start the project with, about the weather on the coast.\n', title: 'Start', published: '2025-03-01' }] } });

async function drop(page: Page, files: { name: string; bytes: Uint8Array | string }[]) {
  const payload = files.map((file) => ({ name: file.name, bytes: Array.from(typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes) }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
    return transfer;
  }, payload);
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

test('a PDF, a Word file and an e-mail dropped with a metadata sheet; their details in one table; a span cited with its page', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const pdf = makePdf(
    articlePages(
      [
        ['The coalition handed over the K-1 air base to Iraqi forces on Sunday, officials said.'],
        ['More than one million dollars of equipment was transferred to the Iraqi military at K-1.'],
      ],
      { header: 'Coalition press desk', title: 'K-1 handed over' },
    ),
  );
  await drop(page, [
    { name: 'k1.pdf', bytes: pdf },
    { name: 'notes.docx', bytes: makeDocx([{ text: 'Notes on K-1', style: 'Title' }, { text: 'Three bases were handed over this month.' }]) },
    { name: 'tip.eml', bytes: makeEml({ from: 'Sam Okafor <sam@example.org>', date: 'Tue, 31 Mar 2020 09:00:00 +0000', subject: 'K-1 figures', text: 'The equipment figure is right, a contractor says.' }) },
    { name: 'sheet.csv', bytes: 'file,outlet,published\nk1.pdf,Coalition press desk,2020-03-30\nmissing.txt,Nobody,\n' },
  ]);
  // The PDF's running heads and page numbers are offered as furniture first.
  const furniture = page.getByRole('dialog', { name: 'Page furniture' });
  await expect(furniture).toContainText('running header');
  await expect(furniture).toContainText('page number');
  await furniture.getByRole('button', { name: 'Import without ticked lines' }).click();

  const report = page.getByRole('dialog', { name: 'Import' });
  await expect(report.getByRole('status')).toHaveText('3 of 3 files imported');
  await expect(report.getByRole('list', { name: 'Notes on the metadata sheet' })).toContainText('row 3 is for missing.txt, which is not among the files imported');
  await report.getByRole('button', { name: 'Edit their details…' }).click();

  // One table for the three: fill the empty outlets, correct a title.
  const table = page.getByRole('dialog', { name: 'Metadata of documents' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByLabel('Outlet of k1.pdf')).toHaveValue('Coalition press desk');
  await table.getByLabel('Value to fill in').fill('Desk files');
  await table.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(table.getByLabel('Outlet of notes.docx')).toHaveValue('Desk files');
  await expect(table.getByLabel('Outlet of k1.pdf')).toHaveValue('Coalition press desk');
  await table.getByLabel('Published of notes.docx').fill('07/03/2020');
  await expect(table).toContainText('could be 7 March 2020 or 3 July 2020');
  await expect(table.getByRole('button', { name: /^Save/ })).toBeDisabled();
  await table.getByLabel('Published of notes.docx').fill('31 March 2020');
  await table.getByRole('button', { name: 'Save 2 rows' }).click();
  await expect(table).toBeHidden();
  const list = page.getByRole('navigation', { name: 'Documents' });
  await expect(list.locator('.document-item', { hasText: 'Notes on K-1' })).toContainText('Desk files · 2020-03-31');

  // A span on the PDF's second page says so.
  await openDocument(page, 'K-1 handed over');
  await dragSelect(page, 'More than one million dollars');
  await page.keyboard.press('1');
  await expect(page.getByRole('region', { name: 'Selected span' }).getByTestId('span-pages')).toHaveText(' · page 2');
});

test('an article from a web address, and an address that fails, named', async ({ page, factmark }) => {
  const html = readFileSync(path.join(repoRoot, 'tests/fixtures/import/news-page.html'));
  const server = createServer((request, response) => {
    if (request.url === '/story') response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await openApp(page, factmark);
    await page.getByRole('button', { name: 'Paste…' }).click();
    await page.getByRole('dialog', { name: 'New document from clipboard' }).getByRole('button', { name: 'From a web address…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from web addresses' });
    await dialog.getByLabel('Web addresses').fill(`${base}/story\n${base}/nothing-here`);
    await dialog.getByRole('button', { name: 'Import 2 pages' }).click();
    const report = page.getByRole('dialog', { name: 'Import' });
    await expect(report.getByRole('status')).toHaveText('1 of 2 files imported');
    await expect(report).toContainText(`${base}/nothing-here: the site has no such page (404 Not Found)`);
    await report.getByRole('button', { name: 'Relief convoy reaches flood-hit Ras Zahrun' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relief convoy reaches flood-hit Ras Zahrun');
    await expect(page.getByTestId('source-note')).toContainText(`Fetched from ${base}/story on `);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a sample article: its title, byline and date read off the text, marked as guesses until Details is saved', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await drop(page, [{ name: 'k1.txt', bytes: readFileSync(path.resolve(repoRoot, '../shared/samples/articles/000_8537c0a39dd1ae22.txt')) }]);
  await page.getByRole('dialog', { name: 'Page furniture' }).getByRole('button', { name: 'Import without ticked lines' }).click();
  const report = page.getByRole('dialog', { name: 'Import' });
  await report.getByRole('button', { name: 'The US-led Coalition has now left three bases in Iraq: Qaim, Q-West and K-1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The US-led Coalition has now left three bases in Iraq: Qaim, Q-West and K-1');
  await expect(page.getByTestId('guessed-note')).toHaveText(' (guessed: title, author, date)');
  await expect(page.locator('.document-heading')).toContainText('Seth J. Frantzman · 2020-03-30');
  await page.getByRole('button', { name: 'Details…' }).click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await expect(details).toContainText('saving confirms them');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('guessed-note')).toBeHidden();
});

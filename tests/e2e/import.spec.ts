import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, openApp, repoRoot, test } from './fixtures.js';

const page = readFileSync(path.join(repoRoot, 'tests/fixtures/import/news-page.html'), 'utf8');
const startText = 'A short note to start the project with, about the weather on the coast.\n';
test.use({ corpus: { articles: [{ name: 'start.txt', content: startText, title: 'Start', published: '2025-03-01' }] } });

test('drop three files, edit a document\'s details and see them persist, find a document by a word in its text', async ({ page: browser, factmark }) => {
  await openApp(browser, factmark);
  // Three files dropped on the window, as from a file manager: a web page, Windows-1252 text, and a binary.
  const files = [
    { name: 'harbour-ledger.html', bytes: Array.from(Buffer.from(page)) },
    { name: 'old-report.txt', bytes: [] as number[] },
    { name: 'photo.txt', bytes: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0] },
  ];
  // Build the latin1 bytes by hand: curly quotes are 0x93/0x94 in Windows-1252.
  files[1]!.bytes = [...Buffer.from('Quarry workers said the ', 'latin1'), 0x93, ...Buffer.from('Meltwater', 'latin1'), 0x94, ...Buffer.from(' bridge was closed on Friday.', 'latin1')];
  const dataTransfer = await browser.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
    return transfer;
  }, files);
  await browser.dispatchEvent('.app', 'drop', { dataTransfer });

  const report = browser.getByRole('dialog', { name: 'Import' });
  await expect(report.getByRole('status')).toHaveText('2 of 3 files imported');
  await expect(report).toContainText('Relief convoy reaches flood-hit Ras Zahrun imported');
  await expect(report).toContainText('(decoded from windows-1252)');
  await expect(report).toContainText('photo.txt looks like a binary file, not text');
  await report.getByRole('button', { name: 'Close', exact: true }).click();

  const list = browser.getByRole('navigation', { name: 'Documents' });
  await expect(list.locator('.document-item')).toHaveCount(3);

  // Find a document by a word that is only in its text.
  await list.getByLabel('Search documents').fill('meltwater');
  await expect(list.locator('.document-item')).toHaveCount(1);
  await list.locator('.document-item').click();
  await expect(browser.getByRole('note')).toContainText('No publication date');

  // Edit its details; they persist across a restart.
  await browser.getByRole('button', { name: 'Details…' }).click();
  const details = browser.getByRole('dialog', { name: 'Document details' });
  await details.getByLabel('Title').fill('Meltwater bridge closed');
  await details.getByLabel('Outlet').fill('Quarry Gazette');
  // A date without its year cannot be read; one whose day and month could go either way is
  // asked about; a date as people write it is read, and the dialog says how.
  const published = details.getByLabel('Published');
  await published.fill('March 7');
  await expect(details.getByTestId('published-read-as')).toHaveText('“March 7” is not a date Factmark can read: use YYYY-MM-DD, as in 2020-03-30');
  await expect(details.getByRole('button', { name: 'Save' })).toBeDisabled();
  await published.fill('07/03/2025');
  await expect(details.getByTestId('published-read-as')).toContainText('could be 7 March 2025 or 3 July 2025');
  await expect(details.getByRole('button', { name: 'Save' })).toBeDisabled();
  await published.fill('7 March 2025');
  await expect(details.getByTestId('published-read-as')).toHaveText('Read as 7 March 2025');
  await details.getByLabel('Notes').fill('Scanned from a printed copy.');
  await expect(details).toContainText('The text looks like “en”');
  await details.getByRole('button', { name: 'Use it' }).click();
  await expect(details.getByLabel('Language (e.g. en, ar)')).toHaveValue('en');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(browser.getByRole('heading', { level: 1 })).toHaveText('Meltwater bridge closed');
  await expect(browser.getByRole('note')).toBeHidden();

  await factmark.restart();
  await openApp(browser, factmark);
  await list.getByLabel('Search documents').fill('meltwater');
  await expect(list.locator('.document-item')).toHaveCount(1);
  await expect(list.locator('.document-item')).toContainText('Meltwater bridge closed');
  await expect(list.locator('.document-item')).toContainText('Quarry Gazette · 2025-03-07');
});

test('a document from the clipboard', async ({ page: browser, factmark }) => {
  await openApp(browser, factmark);
  await browser.getByRole('button', { name: 'Paste…' }).click();
  const paste = browser.getByRole('dialog', { name: 'New document from clipboard' });
  await paste.getByLabel('Title').fill('Pasted statement');
  await paste.getByLabel('Article text').fill('The ministry said on Monday that 1,200 people remain in shelters.');
  await paste.getByRole('button', { name: 'Add document' }).click();
  await expect(browser.getByRole('dialog', { name: 'Import' })).toContainText('Pasted statement imported');
  await browser.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Pasted statement' }).click();
  await expect(browser.getByRole('heading', { level: 1 })).toHaveText('Pasted statement');
});

test('a 5 MB paste goes in without freezing the window, and the document holds it exactly', async ({ browser, factmark }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, factmark);
  // Lines of varied wording (so the text is no duplicate of anything), CRLF and emoji in it.
  const text = Array.from({ length: 60_000 }, (_, i) => `Line ${i}: crews 🚒 counted ${i * 7 % 1000} people near bridge ${i % 97}, officials said.`).join('\r\n');
  expect(text.length).toBeGreaterThan(4_000_000);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByRole('button', { name: 'Paste…' }).click();
  const paste = page.getByRole('dialog', { name: 'New document from clipboard' });
  await paste.getByLabel('Title').fill('A very long statement');
  await paste.getByLabel('Article text').focus();
  await page.keyboard.press('Control+V');
  // Kept aside, not laid out in the box: its length and first words are shown.
  await expect(paste.getByTestId('pasted-text')).toContainText(`${text.length.toLocaleString('en-US')} characters pasted, beginning “Line 0: crews`);
  await paste.getByRole('button', { name: 'Add document' }).click();
  const report = page.getByRole('dialog', { name: 'Import' });
  await expect(report).toContainText('1 of 1 file imported', { timeout: 30_000 });
  await report.getByRole('button', { name: 'A very long statement' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A very long statement');
  const documentId = (await import('node:fs')).readdirSync(`${factmark.projectDir}/documents`).map((name) => name.replace('.json', '')).find((id) => !factmark.documentIds().includes(id))!;
  // The clipboard turns CRLF into the platform's line break; the words are all there.
  expect((await factmark.documentOnDisk(documentId)).text.replace(/\r\n/g, '\n')).toBe(text.replace(/\r\n/g, '\n'));
  await context.close();
});

test('page furniture is shown before import and only the ticked lines are left out', async ({ page: browser, factmark }) => {
  await openApp(browser, factmark);
  const sample = readFileSync(path.resolve(repoRoot, '../shared/samples/articles/000_8537c0a39dd1ae22.txt'));
  const dataTransfer = await browser.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'k1.txt'));
    return transfer;
  }, Array.from(sample));
  await browser.dispatchEvent('.app', 'drop', { dataTransfer });

  const dialog = browser.getByRole('dialog', { name: 'Page furniture' });
  await expect(dialog.locator('.furniture-line')).toHaveCount(4);
  await expect(dialog).toContainText('top of page');
  // Keep "526 views0 comments" after all: untick it.
  await dialog.locator('.furniture-line', { hasText: '526 views' }).getByRole('checkbox').uncheck();
  await dialog.getByRole('button', { name: 'Import without ticked lines' }).click();
  const report = browser.getByRole('dialog', { name: 'Import' });
  await expect(report).toContainText('3 lines of page furniture left out');
  await report.getByRole('button', { name: 'Close', exact: true }).click();

  const ids = await browser.evaluate(() => Array.from(document.querySelectorAll('.document-item .title')).map((title) => title.textContent));
  expect(ids).toHaveLength(2);
  const project = JSON.parse(readFileSync(path.join(factmark.projectDir, 'factmark.json'), 'utf8'));
  expect(project.format).toBe('factmark-project');
  const docs = readdirSync(path.join(factmark.projectDir, 'documents')).map((name) => JSON.parse(readFileSync(path.join(factmark.projectDir, 'documents', name), 'utf8')));
  const k1 = docs.find((doc) => doc.meta.source.file === 'k1.txt');
  expect(k1.text).not.toContain('top of page');
  expect(k1.text).not.toContain('bottom of page');
  expect(k1.text).toContain('526 views0 comments');
  expect(k1.meta.source.removedLines.map((line: { text: string }) => line.text.trim())).toEqual(['top of page', "• Writer's pictureMECRA", 'bottom of page']);
});

test('the same story from another outlet is flagged, and the analyst can choose not to keep it', async ({ page: browser, factmark }) => {
  await openApp(browser, factmark);
  const story = 'Thirty trucks, not the 42 cited in earlier reports, crossed the Kessary Pass on Thursday, said Fenwick Dray, a logistics officer with the Tideline Relief Alliance.';
  const drop = async (name: string, text: string) => {
    const dataTransfer = await browser.evaluateHandle(({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name));
      return transfer;
    }, { name, text });
    await browser.dispatchEvent('.app', 'drop', { dataTransfer });
  };
  await drop('wire.txt', story);
  await browser.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Close', exact: true }).click();
  await drop('reprint.txt', `CONVOY: ${story} (Reprinted.)`);
  const report = browser.getByRole('dialog', { name: 'Import' });
  await expect(report).toContainText('Looks like the same story as');
  await report.getByRole('button', { name: "Don't keep this one" }).click();
  await expect(report).toContainText('not kept');
  await report.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(browser.getByRole('navigation', { name: 'Documents' }).locator('.document-item')).toHaveCount(2);
});

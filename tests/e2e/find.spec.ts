import { expect, openApp, test } from './fixtures.js';

const TEXT = 'K-1 Air Base was handed over on Sunday.\n\nLater, officials said k-1 had been emptied. The K-1 hand-over was the third.\n';
test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'K-1' }] } });

test('find marks every match, steps through them, and the match found is tagged as found', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search');
  await find.getByLabel('Find in article').fill('k-1');
  await expect(find).toContainText('1 of 3');
  await find.getByLabel('Find in article').press('Enter');
  await expect(find).toContainText('2 of 3');
  await find.getByLabel('Find in article').press('Escape');
  await expect(find).toBeHidden();
  await page.keyboard.press('2');
  await expect(page.getByRole('region', { name: 'Spans' }).locator('.span-item')).toHaveText(['k-1']);
  await expect.poll(async () => (await factmark.layerOnDisk(factmark.documentIds()[0]!))?.spans.map((span) => [span.start, span.quote.exact])).toEqual([[TEXT.indexOf('k-1'), 'k-1']]);
});

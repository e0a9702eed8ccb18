import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dragSelect, expect, openApp, openDocument, saved, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/articles');
const article = (file: string) => readFileSync(path.join(samples, file));

// Brig. Gen. Barker's statement, quoted by MECRA and by Rudaw.
const QUOTE_START = 'Today’s transfer was coordinated with the Government of Iraq';
const QUOTE_END = 'successes of our ISF partners';

test.use({
  corpus: {
    articles: [
      { name: 'k1.txt', content: article('000_8537c0a39dd1ae22.txt'), title: 'The US-led Coalition has now left three bases in Iraq', published: '2020-03-30', outlet: 'MECRA', url: 'https://example.org/mecra' },
      { name: 'qwest.txt', content: article('001_e924d1bfadb02891.txt'), title: 'US-led coalition transfers second military base', published: '2020-03-26', outlet: 'Rudaw', url: 'https://example.org/rudaw' },
    ],
  },
});

test('one claim in two articles: tagged in each, linked to one canonical claim, rated, on the board and in the ClaimReview export', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [mecra, rudaw] = factmark.documentIds();
  const details = page.getByRole('region', { name: 'Selected span' });

  // MECRA: tag the quote as a claim and make a canonical claim of it.
  await openDocument(page, 'The US-led Coalition has now left three bases in Iraq');
  await dragSelect(page, QUOTE_START, QUOTE_END);
  await page.keyboard.press('1');
  await details.getByRole('button', { name: 'New canonical claim from this span' }).click();
  await expect(details.getByTestId('claim-link')).toContainText(QUOTE_START);
  await details.getByLabel('Carried as').selectOption('direct-quote');
  await saved(page);

  // Rudaw: the same words, linked to that claim by typing a few of them.
  await openDocument(page, 'US-led coalition transfers second military base');
  await dragSelect(page, QUOTE_START, QUOTE_END);
  await page.keyboard.press('1');
  await details.getByRole('combobox', { name: 'Canonical claim' }).fill('coordinated iraq');
  // As a person does, press Enter once the match is offered (the claims are read as the field opens).
  await expect(details.getByRole('option', { name: new RegExp(QUOTE_START) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(details.getByTestId('claim-link')).toContainText(QUOTE_START);
  await saved(page);
  await expect.poll(async () => (await factmark.layerOnDisk(rudaw!))?.spans[0]?.attributes.claimId).toMatch(/^k_/);

  // The board: one claim, both mentions, Rudaw's first.
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  const board = page.getByRole('region', { name: 'Claims board' });
  await expect(board.getByRole('navigation', { name: 'Canonical claims' }).getByRole('button')).toHaveCount(1);
  await page.keyboard.press('j');
  const mentions = board.getByRole('region', { name: 'Mentions' });
  await expect(mentions.getByRole('row')).toHaveCount(3);
  await expect(mentions.getByRole('rowheader')).toHaveText([/^Rudaw.*first appearance/, /^MECRA/]);
  await expect(mentions.getByRole('cell', { name: 'direct quote' })).toHaveCount(1);

  // The workflow: research, then a verdict.
  await board.getByRole('button', { name: 'Start research' }).click();
  await board.getByRole('form', { name: 'Verdict' }).getByLabel('Verdict').selectOption('true');
  await board.getByRole('form', { name: 'Verdict' }).getByLabel('Why (the review\'s text)').fill('The ministry confirmed the coordination.');
  await board.getByRole('button', { name: 'Rate the claim' }).click();
  await expect(board.getByRole('list', { name: 'Status' }).locator('[aria-current="step"]')).toHaveText(/Rated/);
  await expect(board.getByRole('button', { name: 'Sign off as reviewed' })).toBeDisabled();
  const claims = JSON.parse(await readFile(path.join(factmark.projectDir, 'claims.json'), 'utf8')) as { claims: { status: string; verdict: { rating: string; by: string }; history: unknown[] }[] };
  expect(claims.claims[0]).toMatchObject({ status: 'rated', verdict: { rating: 'true', by: factmark.annotator } });
  expect(claims.claims[0]?.history).toHaveLength(2);

  // Opening a mention opens its article with the span selected.
  await mentions.getByRole('row', { name: /MECRA/ }).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The US-led Coalition has now left three bases in Iraq');
  await expect(details.locator('.span-text')).toContainText(QUOTE_START);

  // ClaimReview: one review of the canonical claim, both articles, the first one first.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('The whole project').check();
  await dialog.getByLabel('Format').selectOption('claimreview');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const reviews = JSON.parse(await readFile((await download.path())!, 'utf8')) as { identifier?: string; reviewRating?: { alternateName: string }; itemReviewed: { appearance: { url: string }[]; firstAppearance: { url: string } } }[];
  const review = reviews.find((item) => item.identifier?.startsWith('k_'));
  expect(review?.itemReviewed.appearance.map((item) => item.url)).toEqual(['https://example.org/rudaw', 'https://example.org/mecra']);
  expect(review?.itemReviewed.firstAppearance.url).toBe('https://example.org/rudaw');
  expect(review?.reviewRating?.alternateName).toBe('true');
  expect(mecra).toBeTruthy();
});

test('the match inbox proposes the quote both articles carry; accepting makes one canonical claim of both, ready for a verdict and the ClaimReview export', async ({ page, factmark }) => {
  await openApp(page, factmark);
  // Tag the quote in each article, without linking it to anything.
  for (const title of ['The US-led Coalition has now left three bases in Iraq', 'US-led coalition transfers second military base']) {
    await openDocument(page, title);
    await dragSelect(page, QUOTE_START, QUOTE_END);
    await page.keyboard.press('1');
    await saved(page);
  }

  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  const board = page.getByRole('region', { name: 'Claims board' });
  await board.getByRole('tab', { name: /Match inbox/ }).click();
  const proposals = board.getByRole('list', { name: 'Proposed matches' });
  await expect(proposals.getByRole('listitem', { name: /^Match, score \d+ percent$/ })).toHaveCount(1);
  const proposal = proposals.getByRole('listitem', { name: /^Match/ });
  await expect(proposal).toContainText('restates, in another article,');
  await expect(proposal.getByRole('list', { name: 'Why' })).toContainText(/Words: .*coordinated/);
  await proposal.getByRole('button', { name: 'Accept: one claim for both' }).click();
  await expect(board.getByText('No proposal: none of your unlinked claim spans')).toBeVisible();
  await expect(board.getByText('Every claim span of yours is linked to a canonical claim.')).toBeVisible();

  // The new claim: worded as Rudaw (published first) has it, with both mentions.
  await board.getByRole('tab', { name: 'Claims' }).click();
  await expect(board.getByRole('navigation', { name: 'Canonical claims' }).getByRole('button')).toHaveCount(1);
  await page.keyboard.press('j');
  const mentions = board.getByRole('region', { name: 'Mentions' });
  await expect(mentions.getByRole('rowheader')).toHaveText([/^Rudaw.*first appearance/, /^MECRA/]);
  await board.getByRole('button', { name: 'Start research' }).click();
  await board.getByRole('form', { name: 'Verdict' }).getByLabel('Verdict').selectOption('true');
  await board.getByRole('button', { name: 'Rate the claim' }).click();
  await expect(board.getByRole('list', { name: 'Status' }).locator('[aria-current="step"]')).toHaveText(/Rated/);

  for (const id of factmark.documentIds()) await expect.poll(async () => (await factmark.layerOnDisk(id))?.spans[0]?.attributes.claimId).toMatch(/^k_[0-9a-f]{12}$/);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('The whole project').check();
  await dialog.getByLabel('Format').selectOption('claimreview');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const reviews = JSON.parse(await readFile((await download.path())!, 'utf8')) as { claimReviewed: string; reviewRating?: { alternateName: string }; itemReviewed: { appearance: { url: string }[] } }[];
  expect(reviews).toHaveLength(1);
  expect(reviews[0]?.claimReviewed).toContain(QUOTE_START);
  expect(reviews[0]?.itemReviewed.appearance.map((item) => item.url)).toEqual(['https://example.org/rudaw', 'https://example.org/mecra']);
  expect(reviews[0]?.reviewRating?.alternateName).toBe('true');
});

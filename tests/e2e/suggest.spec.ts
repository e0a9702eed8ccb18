/**
 * Assisted annotation from the analyst's side, on a real sample article: ask for
 * suggestions, see them dashed in the article, accept and reject them one by one and by
 * label, and find that rejected ones stay rejected; then tag every occurrence of an entity.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dragSelect, expect, openApp, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples');
const sample = (JSON.parse(readFileSync(path.join(samples, 'articles.json'), 'utf8')) as { file: string; title: string; published: string }[]).find((article) => article.title.includes('K-1'))!;
const TEXT = readFileSync(path.join(samples, sample.file), 'utf8');
test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'Coalition leaves K-1', published: sample.published }] } });

test('suggest, accept and reject; rejected suggestions do not come back; tag all occurrences', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await openApp(page, factmark);
  const panel = page.getByRole('region', { name: 'Suggestions' });
  const list = panel.getByRole('list', { name: 'Suggested spans' });

  // Tag one mention by hand, then every other: the four other mentions are suggested.
  await dragSelect(page, 'Iraqi Security Forces');
  await page.keyboard.press('2');
  await page.getByRole('button', { name: 'Tag all occurrences…' }).click();
  // One row for the name, with its four occurrences.
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('“Iraqi Security Forces” ×4');
  await panel.getByRole('button', { name: 'Accept all 4 entity' }).click();
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.filter((span) => span.quote.exact === 'Iraqi Security Forces').length).toBe(5);
  await panel.getByRole('button', { name: 'Close' }).click();
  const handTagged = (await factmark.layerOnDisk(documentId))!.spans.length;

  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(list.getByRole('listitem').first()).toBeVisible();
  // Drawn dashed in the article, and nothing written yet; what is tagged is not suggested.
  expect(await page.evaluate(() => (CSS.highlights as unknown as Map<string, unknown>).has('fm-suggestion'))).toBe(true);
  expect((await factmark.layerOnDisk(documentId))?.spans.length).toBe(handTagged);
  await expect(list.getByRole('listitem').filter({ hasText: /^Entity “Iraqi Security Forces”/ })).toHaveCount(0);

  // "on Sunday" in an article of Monday 2020-03-30: the day before, "on" trimmed.
  const sunday = list.getByRole('listitem').filter({ hasText: '“Sunday”' });
  await expect(sunday).toContainText('value: 2020-03-29');
  await sunday.getByRole('button', { name: /^Accept/ }).click();
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.filter((span) => span.label === 'date').map((span) => [span.quote.exact, span.attributes])).toEqual([['Sunday', { value: '2020-03-29', timexType: 'DATE' }]]);

  // "December 27", months before publication: the year before.
  const december = list.getByRole('listitem').filter({ hasText: '“December 27”' });
  await expect(december).toContainText('value: 2019-12-27');
  await december.getByRole('button', { name: /^Reject/ }).click();
  await expect(list.getByRole('listitem').filter({ hasText: '“December 27”' })).toHaveCount(0);
  await expect.poll(async () => ((await factmark.layerOnDisk(documentId)) as unknown as { rejectedSuggestions?: { label: string }[] })?.rejectedSuggestions?.map((rejected) => rejected.label)).toEqual(['date']);

  // Keys: the one in hand is accepted with Enter.
  const before = (await factmark.layerOnDisk(documentId))?.spans.length ?? 0;
  await page.keyboard.press(']');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.length).toBe(before + 1);

  // A claim with its claimant: the claimant's entity is tagged along, and the claim points at it.
  const withClaimant = list.getByRole('listitem').filter({ hasText: 'Claim' }).filter({ hasText: 'claimant:' }).first();
  await withClaimant.getByRole('button', { name: /^Accept/ }).click();
  await expect
    .poll(async () => {
      const spans = (await factmark.layerOnDisk(documentId))?.spans ?? [];
      return spans.some((claim) => claim.label === 'claim' && spans.some((entity) => entity.label === 'entity' && entity.id === claim.attributes.claimant));
    })
    .toBe(true);

  // All entities at once, each with its kind.
  await panel.getByRole('button', { name: /^Accept all \d+ entity$/ }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'Entity' })).toHaveCount(0);
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.filter((span) => span.label === 'entity').length).toBeGreaterThan(8);
  // (The five mentions tagged by hand above have no kind: nobody set one.)
  const entities = (await factmark.layerOnDisk(documentId))!.spans.filter((span) => span.label === 'entity' && span.quote.exact !== 'Iraqi Security Forces');
  expect(entities.every((span) => ['person', 'organization', 'location', 'facility', 'group', 'other'].includes(String(span.attributes.kind)))).toBe(true);

  // Asked again: neither the rejected nor the accepted ones come back.
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: '“December 27”' })).toHaveCount(0);
  await expect(list.getByRole('listitem').filter({ hasText: '“Sunday”' }).filter({ hasText: '2020-03-29' })).toHaveCount(0);
});

test('one row per name: accept all its occurrences at once; the confidence threshold hides the less sure', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await openApp(page, factmark);
  const panel = page.getByRole('region', { name: 'Suggestions' });
  const list = panel.getByRole('list', { name: 'Suggested spans' });
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(list.getByRole('listitem').first()).toBeVisible();

  // "US" is one row however often the article says it, with its confidence.
  const us = list.getByRole('listitem').filter({ hasText: /^Entity “US” ×\d+/ });
  await expect(us).toHaveCount(1);
  await expect(us).toContainText(/confidence \d+%/);
  const count = Number(/×(\d+)/.exec((await us.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(5);
  await us.getByRole('button', { name: `Accept all ${count} “US”` }).click();
  await expect(list.getByRole('listitem').filter({ hasText: /^Entity “US”/ })).toHaveCount(0);
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.filter((span) => span.label === 'entity' && /^U\.?S\.?$/.test(span.quote.exact)).length).toBe(count);

  // The threshold: at 90% only the surest stay (K-1 Air Base, named by its head noun); at 0 everything.
  const slider = panel.getByRole('slider', { name: 'Confidence at least' });
  const entityRows = list.getByRole('listitem').filter({ hasText: /^Entity/ });
  const atDefault = await entityRows.count();
  const allAtDefault = await list.getByRole('listitem').count();
  await slider.fill('0.9');
  await expect(panel.getByText(/\d+ less sure hidden/)).toBeVisible();
  await expect.poll(() => entityRows.count()).toBeLessThan(atDefault);
  await expect(entityRows.filter({ hasText: '“K-1 Air Base”' })).toHaveCount(1);
  for (const text of await entityRows.allTextContents()) expect(Number(/confidence (\d+)%/.exec(text)?.[1])).toBeGreaterThanOrEqual(90);
  // Dates carry no confidence and stay.
  await expect(list.getByRole('listitem').filter({ hasText: '“Sunday”' })).toHaveCount(1);
  // At 0 nothing is hidden: the claims of little check-worthiness come back too.
  await slider.fill('0');
  await expect(panel.getByText(/less sure hidden/)).toHaveCount(0);
  await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(allAtDefault);
});

test.describe('across the project', () => {
  const qWest = (JSON.parse(readFileSync(path.join(samples, 'articles.json'), 'utf8')) as { file: string; title: string; published: string }[]).find((article) => article.title?.includes('second military base'))!;
  test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'Coalition leaves K-1', published: sample.published }, { name: 'q-west.txt', content: readFileSync(path.join(samples, qWest.file), 'utf8'), title: 'Q-West handed over', published: qWest.published }] } });

  test('tag all occurrences in the other documents, after seeing where they are', async ({ page, factmark }) => {
    const [k1, other] = factmark.documentIds() as [string, string];
    await openApp(page, factmark);
    await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Coalition leaves K-1/ }).click();
    await dragSelect(page, 'Iraqi Security Forces');
    await page.keyboard.press('2');
    await page.getByRole('button', { name: 'Tag all occurrences…' }).click();
    await page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: 'In other documents…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag in other documents' });
    const documents = dialog.getByRole('list', { name: 'Documents' });
    await expect(documents.getByRole('listitem')).toHaveCount(1);
    await expect(documents).toContainText('Q-West handed over: 4');
    await expect(await factmark.layerOnDisk(other)).toBeNull();
    await dialog.getByRole('button', { name: 'Tag 4 mentions' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Tagged 4 mentions in 1 documents.');
    const tagged = await factmark.layerOnDisk(other);
    expect(tagged?.spans.map((span) => [span.label, span.quote.exact.toLowerCase()])).toEqual(Array.from({ length: 4 }, () => ['entity', 'iraqi security forces']));
    // The document it started from is left to the suggestions beside it.
    expect((await factmark.layerOnDisk(k1))?.spans).toHaveLength(1);
  });
});

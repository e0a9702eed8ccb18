/**
 * A date span's TIMEX3 fields in the details panel: the value checked and said in words,
 * the fields of a duration (its anchor) shown for durations, and what does not fit
 * between the fields said under them; everything the analyst sets reaches the layer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dragSelect, expect, openApp, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples');
const k1 = readFileSync(path.join(samples, 'articles/000_8537c0a39dd1ae22.txt'));

test.use({ corpus: { articles: [{ name: 'k1.txt', content: k1, title: 'The US-led Coalition has now left three bases in Iraq', published: '2020-03-30' }] } });

test('edit and validate a date span\'s TIMEX3 attributes', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds() as [string];
  await dragSelect(page, 'the next two months', 'the next two months');
  await page.keyboard.press('3');
  const details = page.getByRole('region', { name: 'Selected span' });
  const timex = details.getByRole('group', { name: 'TIMEX3' });
  await expect(timex).toBeVisible();
  // No anchor until it is a duration.
  await expect(timex.getByLabel('Anchor (TIMEX3)')).toHaveCount(0);

  const value = timex.getByLabel('Value (TIMEX3)');
  await value.fill('the next two months');
  await value.press('Enter');
  await expect(timex.getByRole('alert')).toContainText('is words, not a TIMEX3 value');
  await value.fill('P2M');
  await value.press('Enter');
  await expect(timex.getByTestId('timex-meaning')).toHaveText('2 months');

  // A duration value with type DATE does not fit, and says so under the type.
  await timex.getByLabel('Type').selectOption('DATE');
  await expect(timex.getByRole('alert')).toHaveText('a duration value such as P2M has type DURATION or SET, not DATE');
  await timex.getByLabel('Type').selectOption('DURATION');
  await expect(timex.getByRole('alert')).toHaveCount(0);

  // A duration shows its anchor: "the next two months" begin at publication.
  const anchor = timex.getByLabel('Anchor (TIMEX3)');
  await anchor.fill('2020-03-30');
  await anchor.press('Enter');
  await timex.getByLabel('Anchor is the').selectOption('beginPoint');
  await timex.getByLabel('Modifier').selectOption('APPROX');
  await expect
    .poll(async () => (await factmark.layerOnDisk(documentId))?.spans.find((span) => span.label === 'date')?.attributes)
    .toEqual({ value: 'P2M', timexType: 'DURATION', anchor: '2020-03-30', anchorRole: 'beginPoint', mod: 'APPROX' });
});

/**
 * Two tabs on one document, one annotator: each tags at the same moment as the other,
 * so their saves cross. Every span of both must reach the disk and both screens, and the
 * tab whose save met the other's is told its changes were merged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dragSelect, expect, expectSpansFitText, openApp, saved, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples');
const k1 = readFileSync(path.join(samples, 'articles/000_8537c0a39dd1ae22.txt'), 'utf8');

test.use({ corpus: { articles: [{ name: 'k1.txt', content: k1, title: 'The US-led Coalition has now left three bases in Iraq', published: '2020-03-30' }] } });

/** Words between spaces that occur once in the article, so a drag over one is unambiguous. */
function uniqueWords(count: number): string[] {
  const words = k1.match(/(?<= )[A-Za-z]{6,}(?= )/g) ?? [];
  const once = words.filter((word) => words.filter((other) => other === word).length === 1 && k1.split(word).length === 2);
  return once.slice(0, count);
}

test('two tabs tagging at the same moment, 20 rounds: nothing lost, and the merge is told', async ({ browser, factmark }) => {
  test.setTimeout(180_000);
  const [documentId] = factmark.documentIds();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openApp(tab, factmark);
  const words = uniqueWords(40);
  expect(words).toHaveLength(40);

  for (let round = 0; round < 20; round++) {
    const [mine, theirs] = [words[round * 2]!, words[round * 2 + 1]!];
    await dragSelect(tabs[0]!, mine);
    await dragSelect(tabs[1]!, theirs);
    // Both keys within the autosave delay: the two saves cross.
    await Promise.all([tabs[0]!.keyboard.press('2'), tabs[1]!.keyboard.press('2')]);
  }
  for (const tab of tabs) await saved(tab);

  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.map((span) => span.quote.exact).sort(), { timeout: 20_000 }).toEqual([...words].sort());
  await expectSpansFitText(factmark, documentId!);
  // Each tab takes in the other's spans and shows all of them.
  for (const tab of tabs) {
    await expect(tab.getByRole('region', { name: 'Spans' }).locator('[data-label="entity"] .span-item')).toHaveCount(40, { timeout: 15_000 });
    await saved(tab);
  }
  const notices = await Promise.all(tabs.map((tab) => tab.getByTestId('merge-notice').textContent().catch(() => null)));
  expect(notices.some((notice) => /Another window or program saved this layer; your (change was|\d+ changes were) merged with it\./.test(notice ?? ''))).toBe(true);
  await context.close();
});

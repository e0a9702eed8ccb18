import { dragSelect, expect, expectSpansFitText, openApp, test } from './fixtures.js';

// A long article (many render chunks) with emoji and CRLF all through it, so that code
// point offsets deep in the text differ a lot from UTF-16 ones.
const paragraph = (i: number) => `Paragraph ${i}: crews 👩‍🚒 reported water 🌊 rising near the bridge, officials said.`;
const TEXT = [...Array.from({ length: 900 }, (_, i) => paragraph(i)), 'The final count was 1,050 people in shelters, the mayor said.', ''].join('\r\n');

test.use({ corpus: { articles: [{ name: 'long.txt', content: TEXT, title: 'A long article' }] } });

test('tags deep in a long article land on the right code points', async ({ page, factmark }) => {
  expect(TEXT.length).toBeGreaterThan(70_000);
  await openApp(page, factmark);
  await dragSelect(page, '1,050 people in shelters');
  await page.keyboard.press('1');
  await dragSelect(page, 'Paragraph 451', 'water 🌊');
  await page.keyboard.press('1');
  const documentId = factmark.documentIds()[0]!;
  await expect.poll(async () => (await factmark.layerOnDisk(documentId))?.spans.length).toBe(2);
  const layer = await factmark.layerOnDisk(documentId);
  const byText = new Map(layer!.spans.map((span) => [span.quote.exact, span]));
  for (const exact of ['1,050 people in shelters', 'Paragraph 451: crews 👩‍🚒 reported water 🌊']) {
    const span = byText.get(exact);
    expect(span, exact).toBeDefined();
    expect(span!.start).toBe([...TEXT.slice(0, TEXT.indexOf(exact))].length);
  }
  await expectSpansFitText(factmark, documentId);

  // Jumping to a span from the list brings it on screen, highlighted.
  await page.reload();
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /^1,050 people/ }).click();
  await expect(page.getByTestId('document-text').getByText('The final count was 1,050')).toBeInViewport();
});

test('select all and copy in a long article take the whole text, also the lines not drawn yet', async ({ browser, factmark }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, factmark);
  // Most of the article is not drawn yet: only the chunks near the top are.
  expect(await page.getByTestId('document-text').textContent()).not.toContain('The final count');
  await page.getByTestId('document-text').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(TEXT);
  await context.close();
});

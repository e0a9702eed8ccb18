import { dragSelect, expect, expectSpansFitText, openApp, test } from './fixtures.js';

// Written for this test: CRLF line endings, a tab, astral and ZWJ emoji, a flag, Arabic.
const TEXT = [
  'Field report from the coast',
  '',
  'Crews 👩‍🚒 arrived at 06:40\tlocal time on Tuesday, officials said.',
  'The mayor said «وصلت القافلة صباح الثلاثاء» before noon.',
  'Residents 🇮🇶 cheered the convoy 🚚🚚 as it passed.',
  '',
].join('\r\n');

test.use({ corpus: { articles: [{ name: 'crlf-emoji-arabic.txt', content: TEXT, title: 'Field report from the coast', published: '2025-03-06' }] } });

const codePoints = (text: string, from: string) => [...TEXT.slice(0, TEXT.indexOf(from))].length;

test('with CRLF, tabs, emoji and Arabic, a tag covers exactly what was selected', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds();
  expect((await factmark.documentOnDisk(documentId!)).text).toBe(TEXT);

  await dragSelect(page, 'Crews', '👩‍🚒');
  await page.keyboard.press('2');
  await dragSelect(page, '06:40', 'local time');
  await page.keyboard.press('3');
  await dragSelect(page, 'Tuesday');
  await page.keyboard.press('3');
  await dragSelect(page, 'القافلة');
  await page.keyboard.press('2');
  await dragSelect(page, 'the convoy', '🚚🚚');
  await page.keyboard.press('1');
  // Across a CRLF line break: from the end of one line into the next.
  await dragSelect(page, 'officials said.', 'The mayor');
  await page.keyboard.press('1');

  const expected = ['Crews 👩‍🚒', '06:40\tlocal time', 'Tuesday', 'القافلة', 'the convoy 🚚🚚', 'officials said.\r\nThe mayor'];
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.length).toBe(expected.length);
  const layer = await factmark.layerOnDisk(documentId!);
  const byText = new Map(layer!.spans.map((span) => [span.quote.exact, span]));
  for (const exact of expected) {
    const span = byText.get(exact);
    expect(span, `a span for ${JSON.stringify(exact)}`).toBeDefined();
    // Offsets are code points: after the emoji they differ from JavaScript's UTF-16 indexes.
    expect(span!.start).toBe(codePoints(TEXT, exact));
    expect(span!.end).toBe(span!.start + [...exact].length);
  }
  expect(byText.get('Tuesday')!.start).toBeLessThan(TEXT.indexOf('Tuesday'));
  await expectSpansFitText(factmark, documentId!);

  await page.reload();
  await expect(page.getByTestId('document-text')).toHaveAttribute('data-painted-spans', String(expected.length));
  await expect(page.getByRole('region', { name: 'Spans' }).locator('.span-item')).toHaveCount(expected.length);
});

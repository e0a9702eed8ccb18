import { dragSelect, expect, openApp, test, type FactmarkApp } from './fixtures.js';
import type { Page } from '@playwright/test';

// A short article written for these tests.
const TEXT = 'The coalition handed K-1 Air Base, near Kirkuk, to Iraqi forces on Sunday, a spokesman said.\n\nAbout 300 personnel have departed, Col. Dana Reed told reporters.\n';
test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'Coalition leaves K-1', published: '2020-03-30' }] } });

const spanItems = (page: Page) => page.getByRole('region', { name: 'Spans' }).locator('.span-item');
const onDisk = async (app: FactmarkApp) => {
  const layer = await app.layerOnDisk(app.documentIds()[0]!);
  return (layer?.spans ?? []).map((span) => `${span.label}:${span.quote.exact}`).sort();
};

/** Clicks the middle of the first occurrence of `word` in the article. */
async function clickWord(page: Page, word: string) {
  const point = await page.getByTestId('document-text').evaluate((root, word) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`${word} not found`);
  }, word);
  await page.mouse.click(point.x, point.y);
}

test('overlapping spans: click selects the innermost, clicking again cycles; label change by key and by menu', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await dragSelect(page, 'K-1 Air Base');
  await page.keyboard.press('2');
  await dragSelect(page, 'handed K-1', 'Kirkuk');
  await page.keyboard.press('1');
  await page.keyboard.press('Escape');
  await expect.poll(() => onDisk(factmark)).toEqual(['claim:handed K-1 Air Base, near Kirkuk', 'entity:K-1 Air Base']);

  const details = page.getByRole('region', { name: 'Selected span' });
  await clickWord(page, 'Air');
  await expect(details.getByTestId('span-text')).toHaveText('K-1 Air Base');
  await clickWord(page, 'Air');
  await expect(details.getByTestId('span-text')).toHaveText('handed K-1 Air Base, near Kirkuk');
  await clickWord(page, 'Air');
  await expect(details.getByTestId('span-text')).toHaveText('K-1 Air Base');

  // 3 on a selected span changes its label; so does the label menu.
  await page.keyboard.press('3');
  await expect(details.getByLabel('Label')).toHaveValue('date');
  await details.getByLabel('Label').selectOption('entity');
  await expect(details.getByLabel('Kind')).toBeVisible();
  await details.getByLabel('Kind').selectOption('facility');
  await expect.poll(async () => (await factmark.layerOnDisk(factmark.documentIds()[0]!))?.spans.find((span) => span.quote.exact === 'K-1 Air Base')?.attributes).toEqual({ kind: 'facility' });
});

test('delete, undo and redo', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await dragSelect(page, 'Col. Dana Reed');
  await page.keyboard.press('e');
  await dragSelect(page, 'Sunday');
  await page.keyboard.press('d');
  await expect.poll(() => onDisk(factmark)).toEqual(['date:Sunday', 'entity:Col. Dana Reed']);

  await spanItems(page).filter({ hasText: 'Col. Dana Reed' }).click();
  await page.keyboard.press('Delete');
  await expect(spanItems(page)).toHaveText(['Sunday']);
  await expect.poll(() => onDisk(factmark)).toEqual(['date:Sunday']);

  await page.keyboard.press('Control+z');
  await expect(spanItems(page)).toHaveText(['Col. Dana Reed', 'Sunday']);
  await expect.poll(() => onDisk(factmark)).toEqual(['date:Sunday', 'entity:Col. Dana Reed']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(spanItems(page)).toHaveCount(0);
  await expect.poll(() => onDisk(factmark)).toEqual([]);

  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(spanItems(page)).toHaveText(['Col. Dana Reed', 'Sunday']);
  await page.keyboard.press('Control+Shift+z');
  await expect(spanItems(page)).toHaveText(['Sunday']);
  await expect.poll(() => onDisk(factmark)).toEqual(['date:Sunday']);
});

test('exact characters with Alt, Esc clears, and ? lists every shortcut', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await dragSelect(page, '00 personnel', '00 personnel', { alt: true });
  await page.keyboard.press('Alt+1');
  await expect(spanItems(page)).toHaveText(['00 personnel']);
  await dragSelect(page, 'spokesman');
  await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toBeHidden();
  await page.keyboard.press('2');
  await expect(spanItems(page)).toHaveCount(1);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // Every key of the command table: the article's, the review's, the suggestions' and the claims board's.
  for (const keys of ['1 or C', '2 or E', '3 or D', 'Delete or Backspace', 'Ctrl+Z', 'Shift+Ctrl+Z or Ctrl+Y', 'Ctrl+F', 'Esc', 'J', 'K', '?', 'Shift+A', 'Shift+X', 'Enter', 'X', 'Ctrl+B', '/']) await expect(help.getByText(keys, { exact: true }).first()).toBeVisible();
  await expect(help.getByRole('table')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the details panel belongs to the selected span: a note typed for one never lands on another', async ({ page, factmark }) => {
  await openApp(page, factmark);
  for (const words of ['Kirkuk', 'Sunday', 'Dana Reed']) {
    await dragSelect(page, words);
    await page.keyboard.press('2');
  }
  await expect.poll(() => onDisk(factmark)).toEqual(['entity:Dana Reed', 'entity:Kirkuk', 'entity:Sunday']);
  const details = page.getByRole('region', { name: 'Selected span' });
  const note = details.getByLabel('Note');
  const notesOnDisk = async () => Object.fromEntries(((await factmark.layerOnDisk(factmark.documentIds()[0]!))?.spans ?? []).map((span) => [span.quote.exact, span.note ?? null]));

  // A note typed but not committed, then a click on another span in the article: the box
  // is the other span's (empty), and the draft went to the span it was typed for.
  await clickWord(page, 'Kirkuk');
  await expect(details.getByTestId('span-text')).toHaveText('Kirkuk');
  await note.click();
  await page.keyboard.type('near the base');
  await clickWord(page, 'Sunday');
  await expect(details.getByTestId('span-text')).toHaveText('Sunday');
  await expect(note).toHaveValue('');
  await expect.poll(notesOnDisk).toEqual({ Kirkuk: 'near the base', Sunday: null, 'Dana Reed': null });

  // Typing in the empty box now writes to Sunday only; a pick in the span list moves on.
  await note.click();
  await page.keyboard.type('the day of the hand-over');
  await page.getByRole('region', { name: 'Spans' }).locator('.span-item', { hasText: 'Dana Reed' }).click();
  await expect(details.getByTestId('span-text')).toHaveText('Dana Reed');
  await expect(note).toHaveValue('');
  await expect.poll(notesOnDisk).toEqual({ Kirkuk: 'near the base', Sunday: 'the day of the hand-over', 'Dana Reed': null });

  // Back on each span, its own note.
  await clickWord(page, 'Kirkuk');
  await expect(note).toHaveValue('near the base');
  await clickWord(page, 'Sunday');
  await expect(note).toHaveValue('the day of the hand-over');
});

/** The underlines drawn under the article: their label colour class, track (by height) and ticks. */
async function marks(page: Page) {
  return page.getByTestId('document-text').evaluate((root) => {
    const drawn = [...root.parentElement!.querySelectorAll<HTMLElement>('.fm-mark')].map((mark) => {
      const box = mark.getBoundingClientRect();
      return { label: [...mark.classList].find((name) => name.startsWith('fm-label-')) ?? '', left: Math.round(box.left), top: Math.round(box.top) };
    });
    return { underlines: drawn, ticks: root.parentElement!.querySelectorAll('.fm-edge').length };
  });
}

test('overlap marks follow every change: a nested span runs under its container, a relabel recolours it, a removal takes its marks away', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await dragSelect(page, 'handed K-1', 'Kirkuk');
  await page.keyboard.press('1');
  await expect.poll(async () => (await marks(page)).ticks).toBe(2);
  const claimOnly = await marks(page);
  await dragSelect(page, 'K-1 Air Base');
  await page.keyboard.press('2');
  await expect.poll(async () => (await marks(page)).ticks).toBe(4);
  const both = await marks(page);
  // The claim's underline stays where it was; the entity's runs below it, in its own colour.
  expect(both.underlines.filter((mark) => mark.label === claimOnly.underlines[0]!.label)).toEqual(claimOnly.underlines);
  const entity = both.underlines.filter((mark) => mark.label !== claimOnly.underlines[0]!.label);
  expect(entity).toHaveLength(1);
  expect(entity[0]!.top).toBeGreaterThan(claimOnly.underlines[0]!.top);

  // Relabelled (3: date), the same underline in another colour, on the same track.
  await page.keyboard.press('3');
  await expect.poll(async () => (await marks(page)).underlines.filter((mark) => mark.top === entity[0]!.top && mark.left === entity[0]!.left).map((mark) => mark.label)).not.toEqual([entity[0]!.label]);
  // Removed, its marks go and the claim's stay as they were.
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await marks(page)).ticks).toBe(2);
  expect((await marks(page)).underlines).toEqual(claimOnly.underlines);
  // Undone, it is back under the claim.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await marks(page)).ticks).toBe(4);
  expect((await marks(page)).underlines.some((mark) => mark.top === entity[0]!.top)).toBe(true);
});

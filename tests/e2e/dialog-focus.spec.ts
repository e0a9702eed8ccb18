/**
 * Dialogs as the keyboard meets them (ui/focus-trap.ts): focus goes in when one opens,
 * Tab and Shift+Tab stay inside, Escape closes it, and focus comes back to the button
 * that opened it — also when one dialog replaced another (Paste… → From a web address…).
 * The first start's question cannot be escaped: the app needs a name.
 */
import type { Page } from '@playwright/test';
import { focusedText, tabTo } from './a11y/keys.js';
import { expect, openApp, test } from './fixtures.js';

test.use({ corpus: { articles: [{ name: 'one.txt', content: 'K-1 Air Base was handed over on Sunday.\n', title: 'K-1' }] } });

/** Whether the focused element is inside the dialog named `name`. */
function focusInDialog(page: Page, name: string): Promise<boolean> {
  return page.evaluate((name) => {
    const dialog = Array.from(document.querySelectorAll('[role="dialog"]')).find((element) => element.getAttribute('aria-label') === name);
    return Boolean(dialog && document.activeElement && dialog.contains(document.activeElement) && document.activeElement !== dialog);
  }, name);
}

test('focus moves into a dialog, stays in it both ways round, and returns to its button when Escape closes it', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await tabTo(page, 'Export…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  expect(await focusInDialog(page, 'Export')).toBe(true);

  // More presses than the dialog has controls, each way: focus never leaves it.
  const seen = new Set<string>();
  for (let press = 0; press < 25; press++) {
    await page.keyboard.press('Tab');
    expect(await focusInDialog(page, 'Export'), `after Tab ${press + 1}`).toBe(true);
    // Which control: its kind and its name or label (a field shows no words of its own).
    seen.add(await page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return `${active?.tagName}:${active?.innerText || active?.labels?.[0]?.innerText || active?.getAttribute('aria-label') || ''}:${active?.value ?? ''}`;
    }));
  }
  for (let press = 0; press < 25; press++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog(page, 'Export'), `after Shift+Tab ${press + 1}`).toBe(true);
  }
  // It went round: the dialog's own buttons were reached, not one control over and over.
  expect(seen.has('BUTTON:Close:')).toBe(true);
  expect(seen.size, [...seen].join(' | ')).toBeGreaterThanOrEqual(3);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // (Focus goes back once the dialog has left the page: a moment after it closes.)
  await expect.poll(() => focusedText(page)).toBe('Export…');
});

test('a dialog that replaces another hands focus back to what opened the first', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await tabTo(page, 'Paste…');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New document from clipboard' })).toBeVisible();
  await tabTo(page, 'From a web address…');
  await page.keyboard.press('Enter');
  const web = page.getByRole('dialog', { name: 'Import from web addresses' });
  await expect(web).toBeVisible();
  await expect(web.getByRole('textbox', { name: 'Web addresses' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(web).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => focusedText(page)).toBe('Paste…');
});

test('behind an open dialog nothing can be reached: the rest of the window is inert, all but its live region', async ({ page, factmark }) => {
  await openApp(page, factmark);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await page.locator('.app-header').evaluate((header) => header.closest('[inert]') !== null)).toBe(true);
  // …but the live region is not: what happens meanwhile (a failed save) is still heard.
  expect(await page.getByTestId('announcement').evaluate((region) => region.closest('[inert]') === null)).toBe(true);
  expect(await page.getByTestId('annotator').evaluate((button) => button.closest('[inert]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  expect(await page.locator('.app-header').evaluate((header) => header.closest('[inert]') !== null)).toBe(false);
});

test.describe('the first start', () => {
  test.use({ annotator: null });

  test('asks who is annotating with the name field focused, and Escape does not dismiss the question', async ({ page, factmark }) => {
    await page.goto(factmark.url);
    const ask = page.getByRole('dialog', { name: 'Who is annotating?' });
    await expect(ask).toBeVisible();
    expect(await focusInDialog(page, 'Who is annotating?')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(ask).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(ask).toBeHidden();
    await expect(page.getByTestId('annotator')).not.toHaveText('Annotator: —');
  });
});

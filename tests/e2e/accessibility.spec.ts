/**
 * WCAG 2.2 A and AA, checked by axe-core over every view and dialog of the app in both
 * themes: the main view with an article and its spans (and a selected span's details),
 * the empty project, the first start, every dialog, the review and suggestion panels and
 * the claims board's three tabs. Each screen is reached as a person would (buttons,
 * keys), and each must have no violation at all: a regression fails CI here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, injectAxe } from './a11y/axe.js';
import { writeLayer } from './a11y/layers.js';
import { fieldsWithoutVisibleLabel } from './a11y/visible-labels.js';
import { expect, openApp, saved, startComparison, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/articles');
const K1 = readFileSync(path.join(samples, '000_8537c0a39dd1ae22.txt'), 'utf8');
const RUDAW = readFileSync(path.join(samples, '001_e924d1bfadb02891.txt'), 'utf8');
const K1_TITLE = 'The US-led Coalition has now left three bases in Iraq';
const CLAIM = 'the third post in a week handed over to Iraqi Security Forces';
// A quote both sample articles carry (claims.spec.ts tags it too).
const QUOTE_START = 'Today’s transfer was coordinated with the Government of Iraq';
const QUOTE_END = 'successes of our ISF partners';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** Every violation on the page now, reported under `what` (soft: every screen is checked in one run). */
async function audit(page: Page, what: string): Promise<void> {
  expect.soft(await axeViolations(page), `axe violations in ${what}`).toEqual([]);
}

/** Switches to `theme` with the toolbar's button, as a person would. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  const wanted = page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' });
  if (await wanted.isVisible()) await wanted.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Opens a dialog with `open`, audits it, and closes it with Escape. */
async function auditDialog(page: Page, name: string, open: () => Promise<void>, theme: Theme): Promise<void> {
  await open();
  const dialog = page.getByRole('dialog', { name, exact: true });
  await expect(dialog).toBeVisible();
  await audit(page, `the ${name} dialog (${theme})`);
  expect.soft(await fieldsWithoutVisibleLabel(dialog), `fields without a visible label in the ${name} dialog`).toEqual([]);
  // What its folded parts hold (a label's attributes in Labels…) is checked unfolded too.
  if ((await dialog.locator('details:not([open])').count()) > 0) {
    await dialog.evaluate((element) => element.querySelectorAll('details').forEach((details) => (details.open = true)));
    await audit(page, `the ${name} dialog unfolded (${theme})`);
    expect.soft(await fieldsWithoutVisibleLabel(dialog), `fields without a visible label in the ${name} dialog unfolded`).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test.describe('with two articles and layers', () => {
  test.use({
    corpus: {
      articles: [
        { name: 'k1.txt', content: K1, title: K1_TITLE, published: '2020-03-30', outlet: 'MECRA', url: 'https://example.org/mecra' },
        { name: 'rudaw.txt', content: RUDAW, title: 'US-led coalition transfers second military base', published: '2020-03-26', outlet: 'Rudaw' },
      ],
    },
  });

  test.beforeEach(async ({ page, factmark }) => {
    const [k1] = factmark.documentIds() as [string];
    // Mine: a span of each label. alice and bob: two layers that disagree in every way.
    await writeLayer(factmark.projectDir, k1, 'tester', [
      { id: 's_1', label: 'entity', exact: 'K-1 Air Base' },
      { id: 's_2', label: 'date', exact: 'Sunday' },
      { id: 's_3', label: 'claim', exact: CLAIM, attributes: { verdict: 'unverified' } },
    ]);
    await writeLayer(factmark.projectDir, k1, 'alice', [
      { id: 's_1', label: 'entity', exact: 'K-1 Air Base', length: 3 },
      { id: 's_2', label: 'date', exact: 'Sunday' },
      { id: 's_3', label: 'claim', exact: CLAIM, attributes: { verdict: 'unverified' } },
      { id: 's_4', label: 'entity', exact: 'Ayn al-Asad' },
    ]);
    await writeLayer(factmark.projectDir, k1, 'bob', [
      { id: 's_1', label: 'entity', exact: 'K-1 Air Base' },
      { id: 's_2', label: 'entity', exact: 'Sunday' },
      { id: 's_3', label: 'claim', exact: CLAIM, attributes: { verdict: 'false' } },
      { id: 's_5', label: 'entity', exact: 'Taji' },
    ]);
    await injectAxe(page);
  });

  for (const theme of THEMES) {
    test(`main view, span details and every dialog of the toolbar (${theme})`, async ({ page, factmark }) => {
      await openApp(page, factmark);
      await useTheme(page, theme);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(K1_TITLE);
      await audit(page, `the main view (${theme})`);

      // A span selected with J: its details in the side pane.
      await page.getByTestId('document-text').click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('j');
      await expect(page.getByRole('region', { name: 'Selected span' })).toBeVisible();
      await audit(page, `the main view with a span selected (${theme})`);

      const toolbar = (name: string) => () => page.getByRole('banner').getByRole('button', { name, exact: true }).click();
      await auditDialog(page, 'Export', toolbar('Export…'), theme);
      await auditDialog(page, 'Import annotations', toolbar('Import annotations…'), theme);
      await auditDialog(page, 'Project settings', toolbar('Labels…'), theme);
      await auditDialog(page, 'Projects', toolbar('Projects…'), theme);
      await auditDialog(page, 'Metadata of documents', toolbar('Metadata…'), theme);
      await auditDialog(page, 'New document from clipboard', toolbar('Paste…'), theme);
      await auditDialog(page, 'Import from web addresses', () => page.keyboard.press('Escape').then(() => page.getByRole('banner').getByRole('button', { name: 'Paste…' }).click()).then(() => page.getByRole('button', { name: 'From a web address…' }).click()), theme);
      await auditDialog(page, 'Keyboard shortcuts', () => page.keyboard.press('?'), theme);
      await auditDialog(page, 'Document details', () => page.getByRole('button', { name: 'Details…' }).click(), theme);
      await auditDialog(page, 'Who is annotating?', () => page.getByTestId('annotator').click(), theme);
      await auditDialog(page, 'Sync settings', () => page.keyboard.press('Shift+Control+S'), theme);
      await saved(page);
    });

    test(`review and agreement, suggestions (${theme})`, async ({ page, factmark }) => {
      await openApp(page, factmark);
      await useTheme(page, theme);
      await auditDialog(page, 'Compare annotators', () => page.getByRole('button', { name: 'Compare…' }).click(), theme);
      await startComparison(page, 'alice', 'bob');
      const panel = page.getByRole('region', { name: 'Review' });
      await expect(panel).toBeVisible();
      await page.keyboard.press(']');
      await expect(panel.getByLabel('Current difference')).toBeVisible();
      await audit(page, `the review view (${theme})`);
      await auditDialog(page, 'Agreement', () => panel.getByRole('button', { name: /Agreement/ }).click(), theme);
      await panel.getByRole('button', { name: 'Close review' }).click();
      await expect(panel).toBeHidden();

      await page.getByRole('button', { name: 'Suggest', exact: true }).click();
      const suggestions = page.getByRole('region', { name: 'Suggestions' });
      await expect(suggestions.getByRole('list', { name: 'Suggested spans' }).getByRole('listitem').first()).toBeVisible();
      await page.keyboard.press(']');
      await audit(page, `the suggestion panel (${theme})`);
      await suggestions.getByRole('button', { name: 'Close' }).click();

      // An entity's other mentions: in this document (the suggestion panel), then in the others.
      await page.locator('.span-item', { hasText: 'K-1 Air Base' }).click();
      await page.getByRole('button', { name: 'Tag all occurrences…' }).click();
      await audit(page, `the suggestion panel for one entity (${theme})`);
      await auditDialog(page, 'Tag in other documents', () => suggestions.getByRole('button', { name: 'In other documents…' }).click(), theme);
    });

    test(`claims board: claims, match inbox and timeline (${theme})`, async ({ page, factmark }) => {
      // The quote both articles carry, tagged in each and linked to nothing: the inbox proposes a match.
      const [k1, rudaw] = factmark.documentIds() as [string, string];
      const quote = (text: string) => {
        const start = text.indexOf(QUOTE_START);
        return text.slice(start, text.indexOf(QUOTE_END, start) + QUOTE_END.length);
      };
      await writeLayer(factmark.projectDir, k1, 'tester', [
        { id: 's_1', label: 'entity', exact: 'K-1 Air Base' },
        { id: 's_3', label: 'claim', exact: CLAIM, attributes: { verdict: 'unverified' } },
        { id: 's_6', label: 'claim', exact: quote(K1) },
      ]);
      await writeLayer(factmark.projectDir, rudaw, 'tester', [{ id: 's_1', label: 'claim', exact: quote(RUDAW) }]);
      await openApp(page, factmark);
      await useTheme(page, theme);
      // A canonical claim made from my claim span, so the board has one to show.
      await page.locator('.span-item', { hasText: 'the third post' }).click();
      const details = page.getByRole('region', { name: 'Selected span' });
      await details.getByRole('button', { name: 'New canonical claim from this span' }).click();
      await expect(details.getByTestId('claim-link')).toBeVisible();
      await saved(page);

      // Opened both ways: the toolbar's button in the light theme, Ctrl+B in the dark.
      if (theme === 'light') await page.getByRole('button', { name: 'Claims', exact: true }).click();
      else await page.keyboard.press('Control+b');
      const board = page.getByRole('region', { name: 'Claims board' });
      await expect(board.getByRole('navigation', { name: 'Canonical claims' }).getByRole('button')).toHaveCount(1);
      await page.keyboard.press('j');
      await expect(board.getByRole('region', { name: 'Mentions' })).toBeVisible();
      await audit(page, `the claims board, Claims tab (${theme})`);
      await board.getByRole('tab', { name: /Match inbox/ }).click();
      await expect(board.getByRole('tab', { name: /Match inbox/ })).toHaveAttribute('aria-selected', 'true');
      await expect(board.getByRole('list', { name: 'Proposed matches' }).getByRole('listitem').first()).toBeVisible();
      await audit(page, `the claims board, Match inbox tab (${theme})`);
      await board.getByRole('tab', { name: 'Timeline' }).click();
      await expect(board.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
      await audit(page, `the claims board, Timeline tab (${theme})`);
    });
  }
});

test.describe('an empty project', () => {
  test.beforeEach(async ({ page }) => injectAxe(page));

  for (const theme of THEMES) {
    test(`the empty project, an import with page furniture and its report (${theme})`, async ({ page, factmark }) => {
      await page.goto(factmark.url);
      await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
      await useTheme(page, theme);
      await audit(page, `the empty project (${theme})`);

      // The sample with its page furniture, dropped on the window.
      const dataTransfer = await page.evaluateHandle((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'k1.txt'));
        return transfer;
      }, K1);
      await page.dispatchEvent('.app', 'drop', { dataTransfer });
      const furniture = page.getByRole('dialog', { name: 'Page furniture' });
      await expect(furniture).toBeVisible();
      await audit(page, `the Page furniture dialog (${theme})`);
      expect.soft(await fieldsWithoutVisibleLabel(furniture)).toEqual([]);
      await furniture.getByRole('button', { name: 'Import without ticked lines' }).click();
      const report = page.getByRole('dialog', { name: 'Import' });
      await expect(report.getByRole('status')).toHaveText('1 of 1 file imported');
      await audit(page, `the Import report (${theme})`);
    });
  }
});

test.describe('the first start', () => {
  test.use({ annotator: null, corpus: { articles: [{ name: 'k1.txt', content: K1, title: K1_TITLE, published: '2020-03-30' }] } });
  test.beforeEach(async ({ page }) => injectAxe(page));

  for (const theme of THEMES) {
    test(`the question who is annotating (${theme})`, async ({ page, factmark }) => {
      // No theme chosen yet: the system's is shown.
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(factmark.url);
      await expect(page.getByRole('dialog', { name: 'Who is annotating?' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await audit(page, `the first start (${theme})`);
      expect(await fieldsWithoutVisibleLabel(page.getByRole('dialog', { name: 'Who is annotating?' }))).toEqual([]);
    });
  }
});

test.describe('the checker itself', () => {
  test.beforeEach(async ({ page }) => injectAxe(page));

  // A check that always passes checks nothing: the same audits find what they are for.
  test('axe and the visible-label check find a field with no label and text too faint to read', async ({ page, factmark }) => {
    await page.goto(factmark.url);
    await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => {
      const broken = document.createElement('div');
      broken.id = 'broken';
      broken.innerHTML = '<p style="color:#bbb;background:#fff">Faint words</p><input type="text">';
      document.querySelector('main')?.append(broken);
    });
    const found = await axeViolations(page);
    expect(found.some((line) => line.startsWith('color-contrast'))).toBe(true);
    expect(found.some((line) => line.startsWith('label'))).toBe(true);
    expect(await fieldsWithoutVisibleLabel(page.locator('#broken'))).toHaveLength(1);
  });
});

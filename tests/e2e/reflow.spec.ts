/**
 * A 1280×720 window, and the same window zoomed to 200% (to the page, 640×360 CSS
 * pixels at two device pixels each: what Chromium's zoom gives): every screen is checked
 * for sideways scrolling, controls cut off and things drawn over each other
 * (a11y/layout-check.ts). At 200% the side panes fold away behind buttons and the article
 * keeps the window's width; at 1280×720 all three panes stand side by side.
 * Also: prefers-contrast: more makes muted text as strong as the rest, and
 * prefers-reduced-motion: reduce stops transitions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, injectAxe } from './a11y/axe.js';
import { layoutProblems } from './a11y/layout-check.js';
import { writeLayer } from './a11y/layers.js';
import { expect, openApp, test } from './fixtures.js';

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/articles');
const K1 = readFileSync(path.join(samples, '000_8537c0a39dd1ae22.txt'), 'utf8');
const RUDAW = readFileSync(path.join(samples, '001_e924d1bfadb02891.txt'), 'utf8');
const CLAIM = 'the third post in a week handed over to Iraqi Security Forces';

test.use({
  corpus: {
    articles: [
      { name: 'k1.txt', content: K1, title: 'The US-led Coalition has now left three bases in Iraq', published: '2020-03-30', outlet: 'MECRA' },
      { name: 'rudaw.txt', content: RUDAW, title: 'US-led coalition transfers second military base', published: '2020-03-26', outlet: 'Rudaw' },
    ],
  },
});

test.beforeEach(async ({ factmark }) => {
  const [k1] = factmark.documentIds() as [string];
  await writeLayer(factmark.projectDir, k1, 'tester', [
    { id: 's_1', label: 'entity', exact: 'K-1 Air Base' },
    { id: 's_2', label: 'date', exact: 'Sunday' },
    { id: 's_3', label: 'claim', exact: CLAIM },
  ]);
  await writeLayer(factmark.projectDir, k1, 'alice', [{ id: 's_1', label: 'entity', exact: 'K-1 Air Base', length: 3 }]);
  await writeLayer(factmark.projectDir, k1, 'bob', [{ id: 's_1', label: 'entity', exact: 'K-1 Air Base' }]);
});

/**
 * Every layout problem on the screen now, and every axe violation (a region that scrolls
 * only on a small window must be reachable by keyboard there too), reported under `what`
 * (soft: every screen is checked in one run).
 */
async function check(page: Page, what: string): Promise<void> {
  expect.soft(await layoutProblems(page), `layout problems in ${what}`).toEqual([]);
  expect.soft(await axeViolations(page), `axe violations in ${what}`).toEqual([]);
}

const article = (page: Page) => page.getByRole('region', { name: 'Document' });
const panes = (page: Page) => page.getByRole('group', { name: 'Panes' });

test('at 200% zoom the side panes fold away, the article keeps the width, and nothing is cut off or overlaps', async ({ browser, factmark }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await injectAxe(page);
  await openApp(page, factmark);
  await check(page, 'the main view');
  // The article has (nearly) the whole width; the lists are behind buttons.
  expect((await article(page).boundingBox())?.width).toBeGreaterThan(600);
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Spans' })).toBeHidden();

  // The spans, over the article's place; picking a span keeps them open to edit it.
  await panes(page).getByRole('button', { name: 'Show spans (3)' }).click();
  await expect(panes(page).getByRole('button', { name: 'Hide spans (3)' })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: 'Sunday' }).click();
  await expect(page.getByRole('region', { name: 'Selected span' })).toBeVisible();
  await check(page, 'the spans pane');
  await panes(page).getByRole('button', { name: 'Hide spans (3)' }).click();
  await expect(article(page)).toBeVisible();

  // The documents; picking one folds them away again and shows it.
  await panes(page).getByRole('button', { name: 'Show documents (2)' }).click();
  await check(page, 'the documents pane');
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /US-led coalition transfers/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('US-led coalition transfers second military base');
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeHidden();
  await panes(page).getByRole('button', { name: 'Show documents (2)' }).click();
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /three bases in Iraq/ }).click();

  // The review, its panel folded as the spans were.
  await page.getByRole('button', { name: 'Compare…' }).click();
  const choose = page.getByRole('dialog', { name: 'Compare annotators' });
  await check(page, 'the Compare dialog');
  await choose.getByLabel('Annotator A').selectOption('alice');
  await choose.getByLabel('Annotator B').selectOption('bob');
  await choose.getByRole('button', { name: 'Compare' }).click();
  await page.keyboard.press(']');
  await check(page, 'the review');
  await panes(page).getByRole('button', { name: 'Show review' }).click();
  await expect(page.getByRole('region', { name: 'Review' })).toBeVisible();
  await check(page, 'the review pane');
  await page.getByRole('button', { name: 'Close review' }).click();
  await panes(page).getByRole('button', { name: /^Hide/ }).click();

  // The claims board and a dialog.
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Claims board' })).toBeVisible();
  await check(page, 'the claims board');
  await page.getByRole('tab', { name: /Match inbox/ }).click();
  await check(page, 'the claims board’s inbox');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await check(page, 'the claims board’s timeline');
  await page.getByRole('button', { name: 'Close board' }).click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await check(page, 'the shortcuts');
  await context.close();
});

test('at 1280×720 the three panes stand side by side and nothing is cut off or overlaps', async ({ browser, factmark }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await injectAxe(page);
  await openApp(page, factmark);
  await expect(panes(page)).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Spans' })).toBeVisible();
  expect((await article(page).boundingBox())?.width).toBeGreaterThan(600);
  await page.keyboard.press('j');
  await check(page, 'the main view with a span selected');
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Suggestions' })).toBeVisible();
  await check(page, 'the suggestions');
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  await check(page, 'the claims board');
  await context.close();
});

test('prefers-contrast: more makes muted text as strong as body text, in both themes', async ({ page, factmark }) => {
  await openApp(page, factmark);
  const muted = () => page.locator('.pane-title').first().evaluate((element) => getComputedStyle(element).color);
  const body = () => page.locator('body').evaluate((element) => getComputedStyle(element).color);
  expect(await muted()).not.toBe(await body());
  await page.emulateMedia({ contrast: 'more' });
  expect(await muted()).toBe(await body());
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await muted()).toBe(await body());
});

test('the layout check finds what it looks for: a control cut off, two drawn over each other, sideways scrolling', async ({ page, factmark }) => {
  await openApp(page, factmark);
  expect(await layoutProblems(page)).toEqual([]);
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.style.cssText = 'position:fixed;left:10px;top:10px;width:60px;height:20px;overflow:hidden';
    box.innerHTML = '<button style="width:200px">Cut off</button>';
    const over = document.createElement('button');
    over.textContent = 'Over';
    over.style.cssText = 'position:fixed;left:12px;top:12px';
    const wide = document.createElement('div');
    wide.style.cssText = 'width:5000px;height:1px';
    document.body.append(box, over, wide);
  });
  const problems = await layoutProblems(page);
  expect(problems.some((line) => line.includes('“Cut off” is cut off'))).toBe(true);
  expect(problems.some((line) => line.includes('overlap') && line.includes('“Over”'))).toBe(true);
  expect(problems.some((line) => line.startsWith('the window scrolls sideways'))).toBe(true);
});

test('prefers-reduced-motion: reduce switches transitions and animations off', async ({ page, factmark }) => {
  await openApp(page, factmark);
  // The app has no animation today; this keeps one added later from moving for those who asked.
  const moving = () =>
    page.evaluate(() => {
      const probe = document.createElement('button');
      probe.style.transition = 'opacity 1s';
      probe.style.animation = 'none 2s';
      document.querySelector('.app-header')?.append(probe);
      const style = getComputedStyle(probe);
      const result = { transition: style.transitionDuration, animation: style.animationDuration };
      probe.remove();
      return result;
    });
  expect(await moving()).toEqual({ transition: '1s', animation: '2s' });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving()).toEqual({ transition: '0s', animation: '0s' });
});

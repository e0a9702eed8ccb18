// Takes the accessibility screenshots (docs/deuteranopia-main.png and
// docs/deuteranopia-review.png): the sample project as a reader with deuteranopia sees
// it, through Chromium's own simulation (DevTools' Emulation.setEmulatedVisionDeficiency,
// which screenshots include); and docs/zoom200-light.png and -dark.png, a 1280×720
// window at 200% zoom. With --tour DIR, also every main screen in both themes, at
// 1280×720 and at 200% zoom of it, into DIR, to look at after a change.
//   npm run build && node --import tsx scripts/a11y-screenshots.ts [--tour /tmp/tour]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Span } from '../shared/model/annotations.js';
import { createSpan } from '../shared/model/spans.js';
import { openBrowser, openSampleProject, repoRoot, sampleArticle, workFolder } from './shot-kit.js';

const tourAt = process.argv.indexOf('--tour');
const tourDir = tourAt >= 0 ? process.argv[tourAt + 1] : undefined;

const work = await workFolder('a11y-shots');
const projectDir = path.join(work, 'Sample project');
const { service, project } = await openSampleProject(work, projectDir);
const { summary, document, index, labels } = await sampleArticle(service, project, 'Harbour Ledger');

/** A span over the first `exact` (after `after`), cut to `length` characters. */
const tag = (id: string, label: string, exact: string, { after = '', length = exact.length } = {}): Span => {
  const at = document.text.indexOf(exact, Math.max(0, document.text.indexOf(after)));
  const labelDef = labels.get(label);
  if (at < 0 || !labelDef) throw new Error(`"${exact}" (${label}) cannot be tagged in the sample`);
  const start = index.toCodePoint(at);
  return createSpan(index, { start, end: start + [...exact.slice(0, length)].length }, labelDef, id, new Date('2026-11-22T10:00:00Z'));
};
const save = async (annotator: string, spans: Span[]) => {
  const { stamp } = await service.getLayer({ documentId: summary.id, annotator });
  await service.saveLayer({ documentId: summary.id, annotator, baseStamp: stamp, spans: spans.sort((a, b) => a.start - b.start || b.end - a.end) });
};
const CLAIM = 'Thirty trucks, not the 42 cited in earlier reports, crossed the Kessary Pass';
// The analyst's own layer: every label, nested and crossing.
await save('analyst', [
  tag('s_1', 'claim', 'The first relief convoy to reach Ras Zahrun since the Nessar River flooded the town arrived on Thursday morning'),
  tag('s_2', 'entity', 'Ras Zahrun', { after: 'The first relief' }),
  tag('s_3', 'entity', 'Nessar River'),
  tag('s_4', 'date', 'Thursday morning'),
  tag('s_5', 'claim', CLAIM),
  tag('s_6', 'entity', 'Kessary Pass'),
  tag('s_7', 'entity', 'Fenwick Dray'),
  tag('s_8', 'date', 'Monday'),
]);
// Two colleagues who disagree in every way the compare view knows.
await save('alice', [tag('s_1', 'entity', 'Ras Zahrun', { after: 'The first relief', length: 3 }), tag('s_2', 'date', 'Thursday morning'), tag('s_3', 'claim', CLAIM), tag('s_4', 'entity', 'Nessar River'), tag('s_5', 'entity', 'Tideline Relief Alliance')]);
await save('bob', [tag('s_1', 'entity', 'Ras Zahrun', { after: 'The first relief' }), tag('s_2', 'entity', 'Thursday morning'), tag('s_3', 'claim', CLAIM), tag('s_4', 'entity', 'Nessar River'), tag('s_6', 'entity', 'Fenwick Dray')]);

const { server, browser, close } = await openBrowser(service, work);

async function open(page: Page): Promise<void> {
  await page.goto('about:blank'); // a fresh start: the same address with a new hash would not reload
  await page.goto(`${server.url}#doc=${summary?.id}`);
  await page.waitForSelector(`[data-painted-document="${summary?.id}"]`, { state: 'attached' });
}
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const button = page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' });
  if (await button.isVisible()) await button.click();
  await page.waitForSelector(`html[data-theme="${theme}"]`);
}
/** Opens a pane folded away on a narrow window (shell/PaneBar.tsx), if it is folded. */
async function showPane(page: Page, name: RegExp): Promise<boolean> {
  const button = page.getByRole('group', { name: 'Panes' }).getByRole('button', { name });
  if (!(await button.isVisible())) return false;
  await button.click();
  return true;
}
async function selectClaim(page: Page, shot?: (name: string) => Promise<unknown>): Promise<void> {
  const folded = await showPane(page, /^Show spans/);
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /^Thirty trucks/ }).click();
  await page.mouse.move(0, 0);
  if (folded) {
    await shot?.('spans-pane');
    await showPane(page, /^Hide spans/);
  }
  await page.waitForTimeout(1200); // let the flash fade
}
async function startReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Compare…' }).click();
  const choose = page.getByRole('dialog', { name: 'Compare annotators' });
  await choose.getByLabel('Annotator A').selectOption('alice');
  await choose.getByLabel('Annotator B').selectOption('bob');
  await choose.getByRole('button', { name: 'Compare' }).click();
  await page.locator('.review-panel').waitFor({ state: 'attached' }); // folded away (so not a region to find by role) on a narrow window
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await page.waitForTimeout(1200);
}

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'deuteranopia' });
  await open(page);
  await selectClaim(page);
  await page.screenshot({ path: path.join(repoRoot, 'docs/deuteranopia-main.png') });
  await startReview(page);
  await page.screenshot({ path: path.join(repoRoot, 'docs/deuteranopia-review.png') });
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
  console.log('wrote docs/deuteranopia-main.png and docs/deuteranopia-review.png');

  // 1280×720 at 200% zoom, in both themes: the side panes folded behind the pane bar.
  const zoomed = await browser.newPage({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  for (const theme of ['light', 'dark'] as const) {
    await open(zoomed);
    await setTheme(zoomed, theme);
    await selectClaim(zoomed);
    await zoomed.evaluate(() => window.scrollTo(0, 0));
    await zoomed.screenshot({ path: path.join(repoRoot, `docs/zoom200-${theme}.png`) });
  }
  await zoomed.close();
  console.log('wrote docs/zoom200-light.png and docs/zoom200-dark.png');

  if (tourDir) {
    await mkdir(tourDir, { recursive: true });
    for (const [size, viewport, scale] of [
      ['wide', { width: 1440, height: 860 }, 1],
      ['1280x720', { width: 1280, height: 720 }, 1],
      ['zoom200', { width: 640, height: 360 }, 2],
    ] as const) {
      const tour = await browser.newPage({ viewport, deviceScaleFactor: scale });
      for (const theme of ['light', 'dark'] as const) {
        const shot = (name: string) => tour.screenshot({ path: path.join(tourDir, `${size}-${theme}-${name}.png`) });
        await open(tour);
        await setTheme(tour, theme);
        await selectClaim(tour, shot);
        await shot('main');
        if (await showPane(tour, /^Show documents/)) {
          await shot('documents-pane');
          await showPane(tour, /^Hide documents/);
        }
        await startReview(tour);
        await shot('review');
        const folded = await showPane(tour, /^Show review/);
        if (folded) await shot('review-pane');
        await tour.getByRole('button', { name: 'Close review' }).click();
        if (folded) await showPane(tour, /^Hide/);
        await tour.getByRole('button', { name: 'Suggest', exact: true }).click();
        await tour.locator('.suggest-panel').waitFor({ state: 'attached' });
        await tour.keyboard.press(']');
        await tour.waitForTimeout(300);
        await shot('suggest');
        if (await showPane(tour, /^Show suggestions/)) await shot('suggest-pane');
        await tour.getByRole('button', { name: 'Claims', exact: true }).click();
        await tour.getByRole('region', { name: 'Claims board' }).waitFor();
        await shot('claims');
        await tour.getByRole('button', { name: 'Close board' }).click();
      }
      await tour.close();
    }
    console.log(`wrote the tour to ${tourDir}`);
  }
} finally {
  await close();
}

/**
 * Reviewing a colleague's tags, from the reviewer's side: two layers of an article on
 * disk, the compare view with every kind of difference counted, stepping through the
 * disagreements by key, accepting and rejecting, the reviewed layer on disk and in an
 * export, the agreement table, and a third colleague's file arriving while the app is open.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, openApp, test } from './fixtures.js';

const TEXT = 'Officials said 1,200 people were displaced by the flood on Saturday, not on Sunday.\n';
test.use({ corpus: { articles: [{ name: 'flood.txt', content: TEXT, title: 'Flood displaces 1,200', published: '2025-03-06' }] } });

/** A span over the n-th occurrence of `exact` (the text is ASCII: code points are UTF-16 units). */
function span(id: string, label: string, exact: string, attributes: Record<string, string> = {}) {
  const start = TEXT.indexOf(exact);
  const end = start + exact.length;
  return { id, label, start, end, quote: { exact, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) }, attributes, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
}

async function writeLayer(projectDir: string, documentId: string, annotator: string, spans: ReturnType<typeof span>[]) {
  const { sha256 } = JSON.parse(await readFile(path.join(projectDir, 'documents', `${documentId}.json`), 'utf8')) as { sha256: string };
  await mkdir(path.join(projectDir, 'annotations', annotator), { recursive: true });
  const layer = { format: 'factmark-annotations', version: 1, document: documentId, documentSha256: sha256, annotator, status: 'done', updatedAt: '2026-11-22T10:00:00.000Z', spans, relations: [] };
  await writeFile(path.join(projectDir, 'annotations', annotator, `${documentId}.json`), JSON.stringify(layer, null, 2));
}

test('compare two layers, step through the disagreements, accept and reject, and see the reviewed layer saved and exported', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await writeLayer(factmark.projectDir, documentId, 'alice', [span('s_1', 'entity', 'Officials'), span('s_2', 'claim', '1,200 people were displaced', { verdict: 'unverified' }), span('s_3', 'date', 'Saturday'), span('s_4', 'date', 'Sunday')]);
  await writeLayer(factmark.projectDir, documentId, 'bob', [span('s_1', 'entity', 'Officials said'), span('s_2', 'claim', '1,200 people were displaced', { verdict: 'unverified' }), span('s_3', 'entity', 'Saturday'), span('s_5', 'entity', 'flood')]);
  await openApp(page, factmark);

  await page.getByRole('button', { name: 'Compare…' }).click();
  const choose = page.getByRole('dialog', { name: 'Compare annotators' });
  await choose.getByLabel('Annotator A').selectOption('alice');
  await choose.getByLabel('Annotator B').selectOption('bob');
  await expect(choose.getByLabel('Reviewed layer')).toHaveValue('tester-review');
  await choose.getByRole('button', { name: 'Compare' }).click();

  const panel = page.getByRole('region', { name: 'Review' });
  const legend = panel.getByRole('list', { name: 'Differences by kind' });
  await expect(legend).toContainText('Match 1');
  await expect(legend).toContainText('Other label 1');
  await expect(legend).toContainText('Other boundaries 1');
  await expect(legend).toContainText('Only A 1');
  await expect(legend).toContainText('Only B 1');
  await expect(page.getByTestId('review-progress')).toHaveText('0 of 4 disagreements decided; 1 matches not yet accepted');

  // In text order: "Officials" against "Officials said" first.
  await page.keyboard.press(']');
  const current = panel.getByLabel('Current difference');
  await expect(current).toContainText('Other boundaries');
  await expect(current).toContainText('Officials said');
  await page.keyboard.press('Shift+B');
  await expect(page.getByTestId('review-decision')).toHaveText('B accepted');
  // "flood", bob's only.
  await page.keyboard.press(']');
  await expect(current).toContainText('Only B');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('review-decision')).toHaveText('rejected');
  // "Saturday": a date for alice, an entity for bob.
  await page.keyboard.press(']');
  await expect(current).toContainText('Other label');
  await page.keyboard.press('Shift+A');
  // Back one: the rejection is still there.
  await page.keyboard.press('[');
  await expect(current).toContainText('Only B');
  await expect(page.getByTestId('review-decision')).toHaveText('rejected');
  // "Sunday" by the button.
  await panel.getByRole('button', { name: 'Next →' }).click();
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(current).toContainText('Only A');
  await panel.getByRole('button', { name: 'Accept A', exact: true }).click();
  await panel.getByRole('button', { name: 'Accept all 1 matches' }).click();
  await expect(page.getByTestId('review-progress')).toHaveText('4 of 4 disagreements decided');

  // The reviewed layer on disk: accepted spans, and the rejection written down.
  await expect
    .poll(async () => (await factmark.layerOnDisk(documentId, 'tester-review'))?.spans.map((s) => `${s.label}:${s.quote.exact}`))
    .toEqual(['entity:Officials said', 'claim:1,200 people were displaced', 'date:Saturday', 'date:Sunday']);
  const reviewed = (await factmark.layerOnDisk(documentId, 'tester-review')) as unknown as { review: unknown; spans: { attributes: unknown }[] };
  expect(reviewed.review).toEqual({ compared: ['alice', 'bob'], rejected: [{ annotator: 'bob', label: 'entity', start: TEXT.indexOf('flood'), end: TEXT.indexOf('flood') + 5 }] });
  expect(reviewed.spans[1]?.attributes).toEqual({ verdict: 'unverified' });

  // The agreement table for the two.
  await panel.getByRole('button', { name: 'Agreement…' }).click();
  const table = page.getByRole('table', { name: 'Agreement table' });
  await expect(table.getByRole('row', { name: /this document all labels/ })).toBeVisible();
  await page.getByRole('dialog', { name: 'Agreement' }).getByRole('button', { name: 'Close' }).click();

  // The reviewed layer exports like any other.
  await panel.getByRole('button', { name: 'Close review' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByLabel('Format').selectOption('w3c-jsonl');
  for (const name of ['alice', 'bob']) await exportDialog.getByRole('checkbox', { name }).uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { creator: { nickname: string }; target: { selector: { exact?: string }[] } });
  expect(lines.map((line) => [line.creator.nickname, line.target.selector[1]?.exact])).toEqual([
    ['tester-review', 'Officials said'],
    ['tester-review', '1,200 people were displaced'],
    ['tester-review', 'Saturday'],
    ['tester-review', 'Sunday'],
  ]);
});

test('a colleague\'s layer that arrives on disk shows up, read-only, and changes to it are picked up', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await openApp(page, factmark);
  const layers = page.getByLabel('Layer shown');
  await expect(layers.getByRole('option')).toHaveText(['tester (mine)']);
  // As after a git pull: carol's folder appears while the app is open.
  await writeLayer(factmark.projectDir, documentId, 'carol', [span('s_1', 'entity', 'Officials')]);
  await expect(layers.getByRole('option')).toHaveText(['tester (mine)', 'carol (read-only)'], { timeout: 10_000 });
  await layers.selectOption('carol');
  await expect(page.getByRole('note').filter({ hasText: "carol's layer, read-only" })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('Officials');
  // Her next pull brings another span: it appears without reopening anything.
  await writeLayer(factmark.projectDir, documentId, 'carol', [span('s_1', 'entity', 'Officials'), span('s_2', 'date', 'Saturday')]);
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('Saturday', { timeout: 10_000 });
  // Read-only: a label key on a selection tags nothing, and her file is untouched.
  const before = await readFile(path.join(factmark.projectDir, 'annotations/carol', `${documentId}.json`), 'utf8');
  await page.getByTestId('document-text').getByText(/Officials said/).dblclick();
  await page.keyboard.press('1');
  await page.waitForTimeout(500);
  expect(await readFile(path.join(factmark.projectDir, 'annotations/carol', `${documentId}.json`), 'utf8')).toBe(before);
  expect(await factmark.layerOnDisk(documentId, 'tester')).toBeNull();
});

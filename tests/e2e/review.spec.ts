/**
 * Reviewing a colleague's tags, from the reviewer's side: two layers of an article on
 * disk, the compare view with every kind of difference counted, stepping through the
 * disagreements by key, accepting and rejecting, the reviewed layer on disk and in an
 * export, the agreement table, and a third colleague's file arriving while the app is open.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dragSelect, expect, openApp, test } from './fixtures.js';

// A real article from ../shared/samples: the Coalition leaving K-1 (read, never copied).
const samples = path.resolve(import.meta.dirname, '../../../shared/samples');
const sample = (JSON.parse(readFileSync(path.join(samples, 'articles.json'), 'utf8')) as { file: string; title: string; published: string }[]).find((article) => article.title.includes('K-1'))!;
const TEXT = readFileSync(path.join(samples, sample.file), 'utf8');
test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'Coalition leaves K-1', published: sample.published }] } });

/** A span over `exact` (its first occurrence at or after `after`), in code points; `length` cuts it short. */
function span(id: string, label: string, exact: string, { attributes = {}, after = '', length = exact.length }: { attributes?: Record<string, string>; after?: string; length?: number } = {}) {
  const at = TEXT.indexOf(exact, after ? TEXT.indexOf(after) : 0);
  const cut = exact.slice(0, length);
  const start = [...TEXT.slice(0, at)].length;
  const end = start + [...cut].length;
  const cps = [...TEXT];
  return { id, label, start, end, quote: { exact: cut, prefix: cps.slice(Math.max(0, start - 32), start).join(''), suffix: cps.slice(end, end + 32).join('') }, attributes, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
}
const CLAIM = 'the third post in a week handed over to Iraqi Security Forces';

async function writeLayer(projectDir: string, documentId: string, annotator: string, spans: ReturnType<typeof span>[]) {
  const { sha256 } = JSON.parse(await readFile(path.join(projectDir, 'documents', `${documentId}.json`), 'utf8')) as { sha256: string };
  await mkdir(path.join(projectDir, 'annotations', annotator), { recursive: true });
  const layer = { format: 'factmark-annotations', version: 1, document: documentId, documentSha256: sha256, annotator, status: 'done', updatedAt: '2026-11-22T10:00:00.000Z', spans, relations: [] };
  await writeFile(path.join(projectDir, 'annotations', annotator, `${documentId}.json`), JSON.stringify(layer, null, 2));
}

test('compare two layers of a sample article, step through the disagreements, accept and reject, and see the reviewed layer saved and exported', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  // alice and bob agree on the claim; K-1 is cut short by alice; "Sunday" is a date to
  // alice and an entity to bob; each tagged one base the other did not.
  await writeLayer(factmark.projectDir, documentId, 'alice', [span('s_1', 'entity', 'K-1 Air Base', { length: 3 }), span('s_2', 'date', 'Sunday'), span('s_3', 'claim', CLAIM, { attributes: { verdict: 'unverified' } }), span('s_4', 'entity', 'Ayn al-Asad')]);
  await writeLayer(factmark.projectDir, documentId, 'bob', [span('s_1', 'entity', 'K-1 Air Base'), span('s_2', 'entity', 'Sunday'), span('s_3', 'claim', CLAIM, { attributes: { verdict: 'unverified' } }), span('s_5', 'entity', 'Taji')]);
  await openApp(page, factmark);

  await page.getByRole('button', { name: 'Compare…' }).click();
  const choose = page.getByRole('dialog', { name: 'Compare annotators' });
  await choose.getByLabel('Annotator A').selectOption('alice');
  await choose.getByLabel('Annotator B').selectOption('bob');
  await expect(choose.getByLabel('Reviewed layer')).toHaveValue('tester-review');
  await choose.getByRole('button', { name: 'Compare' }).click();

  const panel = page.getByRole('region', { name: 'Review' });
  const legend = panel.getByRole('list', { name: 'Differences by kind' });
  for (const count of ['Match 1', 'Other label 1', 'Other boundaries 1', 'Only A 1', 'Only B 1']) await expect(legend).toContainText(count);
  await expect(page.getByTestId('review-progress')).toHaveText('0 of 4 disagreements decided; 1 matches not yet accepted');

  // In text order: K-1 first.
  await page.keyboard.press(']');
  const current = panel.getByLabel('Current difference');
  await expect(current).toContainText('Other boundaries');
  await expect(current).toContainText('K-1 Air Base');
  await page.keyboard.press('Shift+B');
  await expect(page.getByTestId('review-decision')).toHaveText('B accepted');
  // Neither is right: the reviewer tags their own version, which replaces B's.
  await page.keyboard.press('Shift+X');
  await dragSelect(page, 'area of K-1 Air Base');
  await page.keyboard.press('2');
  await expect(page.getByTestId('review-decision')).toHaveText('edited');
  // "Sunday": a date for alice, an entity for bob.
  await page.keyboard.press(']');
  await expect(current).toContainText('Other label');
  await page.keyboard.press('Shift+A');
  await expect(page.getByTestId('review-decision')).toHaveText('A accepted');
  // Taji, bob's only.
  await page.keyboard.press(']');
  await expect(current).toContainText('Only B');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('review-decision')).toHaveText('rejected');
  // Back one: the decision on "Sunday" is still there.
  await page.keyboard.press('[');
  await expect(current).toContainText('Other label');
  await expect(page.getByTestId('review-decision')).toHaveText('A accepted');
  // Ayn al-Asad, alice's only, by the buttons.
  await panel.getByRole('button', { name: 'Next →' }).click();
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(current).toContainText('Only A');
  await panel.getByRole('button', { name: 'Accept A', exact: true }).click();
  await panel.getByRole('button', { name: 'Accept all 1 matches' }).click();
  await expect(page.getByTestId('review-progress')).toHaveText('4 of 4 disagreements decided');

  // The reviewed layer on disk: accepted spans, and the rejection written down.
  const expected = ['entity:area of K-1 Air Base', 'date:Sunday', `claim:${CLAIM}`, 'entity:Ayn al-Asad'];
  await expect.poll(async () => (await factmark.layerOnDisk(documentId, 'tester-review'))?.spans.map((s) => `${s.label}:${s.quote.exact}`)).toEqual(expected);
  const reviewed = (await factmark.layerOnDisk(documentId, 'tester-review')) as unknown as { review: unknown; spans: { attributes: unknown }[] };
  const taji = span('x', 'entity', 'Taji');
  const k1 = [span('x', 'entity', 'K-1 Air Base', { length: 3 }), span('x', 'entity', 'K-1 Air Base')];
  expect(reviewed.review).toEqual({
    compared: ['alice', 'bob'],
    rejected: [...k1.map((rejected, i) => ({ annotator: i ? 'bob' : 'alice', label: 'entity', start: rejected.start, end: rejected.end })), { annotator: 'bob', label: 'entity', start: taji.start, end: taji.end }],
  });
  expect(reviewed.spans[2]?.attributes).toEqual({ verdict: 'unverified' });

  // The agreement table for the two.
  await panel.getByRole('button', { name: 'Agreement…' }).click();
  await expect(page.getByRole('table', { name: 'Agreement table' }).getByRole('row', { name: /this document all labels/ })).toBeVisible();
  await page.getByRole('dialog', { name: 'Agreement' }).getByRole('button', { name: 'Close' }).click();

  // The reviewed layer exports like any other.
  await panel.getByRole('button', { name: 'Close review' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByLabel('Format').selectOption('w3c-jsonl');
  for (const name of ['alice', 'bob']) await exportDialog.getByRole('checkbox', { name }).uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { creator: { nickname: string }; body: { value: string }[]; target: { selector: { exact?: string }[] } });
  expect(lines.map((line) => `${line.creator.nickname} ${line.body[0]?.value}:${line.target.selector[1]?.exact}`)).toEqual(expected.map((item) => `tester-review ${item}`));
});

test('a colleague\'s layer that arrives on disk shows up, read-only, and changes to it are picked up', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  await openApp(page, factmark);
  const layers = page.getByLabel('Layer shown');
  await expect(layers.getByRole('option')).toHaveText(['tester (mine)']);
  // As after a git pull: carol's folder appears while the app is open.
  await writeLayer(factmark.projectDir, documentId, 'carol', [span('s_1', 'entity', 'Taji')]);
  await expect(layers.getByRole('option')).toHaveText(['tester (mine)', 'carol (read-only)'], { timeout: 10_000 });
  await layers.selectOption('carol');
  await expect(page.getByRole('note').filter({ hasText: "carol's layer, read-only" })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('Taji');
  // Her next pull brings another span: it appears without reopening anything.
  await writeLayer(factmark.projectDir, documentId, 'carol', [span('s_1', 'entity', 'Taji'), span('s_2', 'date', 'Sunday')]);
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('Sunday', { timeout: 10_000 });
  // Read-only: a label key on a selection tags nothing, and her file is untouched.
  const before = await readFile(path.join(factmark.projectDir, 'annotations/carol', `${documentId}.json`), 'utf8');
  await dragSelect(page, 'Ayn al-Asad');
  await page.keyboard.press('1');
  await page.waitForTimeout(500);
  expect(await readFile(path.join(factmark.projectDir, 'annotations/carol', `${documentId}.json`), 'utf8')).toBe(before);
  expect(await factmark.layerOnDisk(documentId, 'tester')).toBeNull();
});

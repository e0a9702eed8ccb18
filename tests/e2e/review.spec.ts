/**
 * Reviewing a colleague's tags, from the reviewer's side: two layers of an article on
 * disk, the compare view with every kind of difference counted, stepping through the
 * disagreements by key, accepting and rejecting, the reviewed layer on disk and in an
 * export, the agreement table, and a third colleague's file arriving while the app is open.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dragSelect, expect, openApp, startComparison, test } from './fixtures.js';

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
  await expect(page.getByTestId('review-progress')).toHaveText('0 of 4 disagreements decided; 1 match not yet accepted');

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
  await expect(page.getByTestId('review-decision')).toHaveText('own version');
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
  await panel.getByRole('button', { name: 'Accept the 1 match' }).click();
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

test('decisions on nested spans: each item shows its own decision, and only disagreements are counted', async ({ page, factmark }) => {
  const [documentId] = factmark.documentIds() as [string];
  const CLAIM_WITH_PARTS = 'handed over an area of K-1 Air Base on Sunday';
  // The claim holds an entity and a date. alice and bob agree on where the claim and the
  // entity are but not on their attributes, and draw the date differently.
  await writeLayer(factmark.projectDir, documentId, 'alice', [
    span('c', 'claim', CLAIM_WITH_PARTS, { attributes: { verdict: 'unverified' } }),
    span('e', 'entity', 'K-1 Air Base', { attributes: { kind: 'facility' }, after: CLAIM_WITH_PARTS }),
    span('d', 'date', 'Sunday', { after: CLAIM_WITH_PARTS }),
  ]);
  await writeLayer(factmark.projectDir, documentId, 'bob', [
    span('c', 'claim', CLAIM_WITH_PARTS, { attributes: { verdict: 'false' } }),
    span('e', 'entity', 'K-1 Air Base', { attributes: { kind: 'location' }, after: CLAIM_WITH_PARTS }),
    span('d', 'date', 'on Sunday', { after: CLAIM_WITH_PARTS }),
  ]);
  await openApp(page, factmark);
  await startComparison(page, 'alice', 'bob');

  const panel = page.getByRole('region', { name: 'Review' });
  const legend = panel.getByRole('list', { name: 'Differences by kind' });
  const progress = page.getByTestId('review-progress');
  const items = panel.getByRole('list', { name: 'Disagreements' }).getByRole('listitem');
  const count = (kind: string) => legend.locator(`[data-kind="${kind}"] .count`);
  await expect(count('attribute-mismatch')).toHaveText('2');
  await expect(count('boundary-mismatch')).toHaveText('1');
  await expect(count('match')).toHaveText('0');
  await expect(progress).toHaveText('0 of 3 disagreements decided');
  await expect(panel.getByRole('button', { name: 'No matches to accept' })).toBeDisabled();

  // The outer claim: A's verdict. The spans nested in it stay open.
  await page.keyboard.press(']');
  await expect(panel.getByLabel('Current difference')).toContainText('Other attributes');
  await page.keyboard.press('Shift+A');
  await expect(page.getByTestId('review-decision')).toHaveText('A accepted');
  await expect(progress).toHaveText('1 of 3 disagreements decided');
  await expect(items).toHaveText([/— A accepted$/, /K-1 Air Base” — open$/, /Sunday” — open$/]);
  // The entity: B's kind, read back as B's even though A's span has the same place.
  await page.keyboard.press(']');
  await page.keyboard.press('Shift+B');
  await expect(page.getByTestId('review-decision')).toHaveText('B accepted');
  await expect(progress).toHaveText('2 of 3 disagreements decided');
  // The date: rejected, then the reviewer's own version.
  await page.keyboard.press(']');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('review-decision')).toHaveText('rejected');
  await expect(progress).toHaveText('3 of 3 disagreements decided');
  await dragSelect(page, 'Sunday, the', 'Sunday, the', { occurrence: 0 });
  await page.keyboard.press('3');
  await expect(page.getByTestId('review-decision')).toHaveText('own version');
  await expect(items).toHaveText([/^Other attributes: “handed over.*” — A accepted$/, /^Other attributes: “K-1 Air Base” — B accepted$/, /^Other boundaries: “Sunday” — own version$/]);
  await expect(progress).toHaveText('3 of 3 disagreements decided');
  await expect(count('decided')).toHaveText('3');
  await expect(count('attribute-mismatch')).toHaveText('0');

  await expect.poll(async () => (await factmark.layerOnDisk(documentId, 'tester-review'))?.spans.map((s) => `${s.label}:${s.quote.exact}:${JSON.stringify(s.attributes)}`)).toEqual([
    `claim:${CLAIM_WITH_PARTS}:{"verdict":"unverified"}`,
    'entity:K-1 Air Base:{"kind":"location"}',
    'date:Sunday, the:{}',
  ]);
});

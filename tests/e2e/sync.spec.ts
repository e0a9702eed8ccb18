/**
 * Sync from the app, end to end: the real renderer in Chromium, browser mode, and a real
 * git server (git http-backend behind a small server on 127.0.0.1, started here). The
 * tester shares the project from the Sync settings, a colleague (bob, on the command line)
 * clones it, renames a label and gives a claim a verdict, while the tester renames the
 * label another way and gives the claim another verdict; the tester's next sync shows
 * both versions of each, the tester chooses bob's name and their own verdict, and the
 * sync finishes with them.
 * Then the server goes away (offline: the status says so, work is kept) and comes back
 * (the next sync sends everything). Second: a tag made while a sync is held at the
 * server is merged with what arrives for the same layer, and a colleague joins from the
 * Projects dialog.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectStore } from '../../main/store/project-store.js';
import { applyClaimChanges } from '../../shared/claims/changes.js';
import { startGitServer, type GitServer } from '../helpers/git-server.js';
import { serverFiles, serverLog } from '../helpers/sync-project.js';
import { axeViolations, injectAxe } from './a11y/axe.js';
import { fieldsWithoutVisibleLabel } from './a11y/visible-labels.js';
import { dragSelect, expect, openApp, repoRoot, saved, test } from './fixtures.js';

const TEXT = 'Col. Dana Reed said on Sunday that 300 personnel had left K-1 Air Base after rocket attacks.\n';
const TOKEN = 'e2e-token-5678';
const run = promisify(execFile);
test.use({ corpus: { articles: [{ name: 'k1.txt', content: TEXT, title: 'K-1' }] } });

let server: GitServer;
test.beforeAll(async () => {
  server = await startGitServer({ root: path.join(mkdtempSync(path.join(os.tmpdir(), 'factmark-e2e-git-')), 'server'), token: TOKEN });
});
test.afterAll(async () => server.close());

/**
 * Bob, on the command line, with the token in his environment. Not spawnSync: the git
 * server runs in this very process and must go on answering.
 */
async function bobSync(args: string[]): Promise<string> {
  const env = { ...process.env, FACTMARK_GIT_TOKEN: TOKEN, FACTMARK_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'factmark-bob-data-')) };
  try {
    return (await run(process.execPath, [path.join(repoRoot, 'dist/cli.cjs'), 'sync', ...args, '--annotator', 'bob'], { encoding: 'utf8', env })).stdout;
  } catch (error) {
    const failed = error as { code?: number; stderr?: string; stdout?: string };
    throw new Error(`bob's sync failed (${failed.code}): ${failed.stderr}${failed.stdout}`);
  }
}

test('share the project, meet a label renamed two ways and a claim given two verdicts, choose in the dialog, then work offline and sync again', async ({ page, factmark }) => {
  test.setTimeout(120_000);
  await injectAxe(page);
  await server.createRepo('k1');
  const url = server.url('k1');
  await openApp(page, factmark);
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-state', 'none');

  // A claim, with a canonical claim made of it (claims.json).
  await dragSelect(page, '300 personnel had left K-1 Air Base');
  await page.keyboard.press('1');
  await page.getByRole('region', { name: 'Selected span' }).getByRole('button', { name: 'New canonical claim from this span' }).click();
  await saved(page);
  await page.keyboard.press('Escape');
  // A tag not yet saved when Sync is pressed: the sync saves it first, and commits it.
  await dragSelect(page, 'Col. Dana Reed');
  await page.keyboard.press('2');
  await page.keyboard.press('Shift+Control+S');
  const settings = page.getByRole('dialog', { name: 'Sync settings' });
  await settings.getByLabel('Remote address').fill('http://example.org/k1.git');
  await expect(settings.getByRole('alert')).toContainText('use https://');
  await settings.getByLabel('Remote address').fill(url);
  await settings.getByLabel('Token').fill(TOKEN);
  await settings.getByRole('button', { name: 'Save and sync' }).click();
  await expect(settings).toBeHidden();
  await expect(status).toHaveAttribute('data-state', 'synced');
  await expect(status).toHaveText('Synced just now');
  expect(serverLog(server.repoDir('k1'))).toEqual(['tester|tester: project shared; 1 document, 2 spans changed; 1 document imported; 1 claim changed']);
  expect(serverFiles(server.repoDir('k1'))).toContain(`annotations/tester/${factmark.documentIds()[0]}.json`);
  // The token went to the app's data folder, owner-only, and nowhere near the project.
  const credentials = path.join(factmark.dataDir, 'credentials.json');
  expect(statSync(credentials).mode & 0o777).toBe(0o600);
  expect(readFileSync(credentials, 'utf8')).toContain(TOKEN);
  expect(spawnSync('grep', ['-r', '-l', TOKEN, factmark.projectDir], { encoding: 'utf8' }).stdout).toBe('');

  // Bob clones it, renames the Claim label "Statement" and rates the claim false; the
  // tester renames the label "Assertion" and rates the claim true.
  const bob = path.join(mkdtempSync(path.join(os.tmpdir(), 'factmark-e2e-bob-')), 'k1');
  expect(await bobSync([bob, '--remote', url])).toMatch(/^Cloned/);
  const bobStore = await ProjectStore.open(bob);
  await bobStore.writeManifest({ ...bobStore.manifest, labels: bobStore.manifest.labels.map((label) => (label.id === 'claim' ? { ...label, name: 'Statement' } : label)) });
  await bobStore.updateClaims((registry) => applyClaimChanges(registry, [{ kind: 'verdict', claimId: registry.claims[0]!.id, rating: 'false', explanation: 'Only 200 left' }], { annotator: 'bob', at: new Date().toISOString() }));
  expect(await bobSync([bob])).toMatch(/Committed: bob: labels changed; 1 claim changed/);

  await page.getByRole('button', { name: 'Labels…' }).click();
  const labels = page.getByRole('dialog', { name: 'Project settings' });
  await labels.getByRole('group', { name: 'Label Claim' }).getByLabel('Label name').fill('Assertion');
  await labels.getByRole('button', { name: 'Save labels' }).click();
  await expect(labels).toBeHidden();
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  const board = page.getByRole('region', { name: 'Claims board' });
  await page.keyboard.press('j');
  await board.getByRole('form', { name: 'Verdict' }).getByLabel('Verdict').selectOption('true');
  await board.getByRole('form', { name: 'Verdict' }).getByLabel('Why (the review\'s text)').fill('The ministry confirmed it');
  await board.getByRole('button', { name: 'Rate the claim' }).click();
  await expect(board.getByRole('list', { name: 'Status' }).locator('[aria-current="step"]')).toHaveText(/Rated/);
  await board.getByRole('button', { name: 'Close board' }).click();
  await expect(board).toBeHidden();

  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync conflicts' });
  // The conflicts dialog is reached only through a real sync, so its accessibility audit
  // (WCAG A and AA by axe, as tests/e2e/accessibility.spec.ts does for every other dialog) is here.
  await expect(dialog.getByTestId('conflict')).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
  expect(await fieldsWithoutVisibleLabel(dialog)).toEqual([]);
  await expect(dialog).toBeVisible();
  await expect(status).toHaveAttribute('data-state', 'conflicts');
  await expect(dialog.getByTestId('conflict')).toHaveCount(2);
  const conflict = dialog.getByTestId('conflict').filter({ hasText: 'Label “Assertion” › name' });
  await expect(conflict.locator('.conflict-side').first()).toContainText('Yours');
  await expect(conflict.locator('.conflict-side').first()).toContainText('Assertion');
  await expect(conflict.locator('.conflict-side').nth(1)).toContainText('Statement');
  await expect(conflict.locator('.conflict-base')).toContainText('Claim');
  // The claim's two verdicts, each whole, as verdicts: rating, why, who.
  const verdicts = dialog.getByTestId('conflict').filter({ hasText: '› verdict' });
  await expect(verdicts.locator('legend')).toContainText('Claim “300 personnel had left K-1 Air Base” › verdict');
  await expect(verdicts.locator('.conflict-side').first()).toContainText(`TrueThe ministry confirmed itby ${factmark.annotator}`);
  await expect(verdicts.locator('.conflict-side').nth(1)).toContainText('FalseOnly 200 leftby bob');
  await expect(verdicts.locator('.conflict-base')).toContainText('Before: none');
  // Nothing merged while the choice waits.
  expect(JSON.parse(readFileSync(path.join(factmark.projectDir, 'factmark.json'), 'utf8')).labels[0].name).toBe('Assertion');
  await expect(dialog.getByRole('button', { name: 'Use these and sync' })).toBeDisabled();
  await dialog.getByLabel('Theirs: Label “Assertion” › name').check();
  await expect(dialog.getByRole('button', { name: 'Use these and sync' })).toBeDisabled();
  await dialog.getByLabel('Yours: Claim “300 personnel had left K-1 Air Base” › verdict').check();
  await dialog.getByRole('button', { name: 'Use these and sync' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveAttribute('data-state', 'synced');
  const manifest = readFileSync(path.join(factmark.projectDir, 'factmark.json'), 'utf8');
  expect(JSON.parse(manifest).labels[0].name).toBe('Statement');
  expect(manifest).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
  // The verdict chosen; both people's moves of the workflow kept in its history.
  const claims = JSON.parse(readFileSync(path.join(factmark.projectDir, 'claims.json'), 'utf8')) as { claims: { status: string; verdict: { rating: string; by: string }; history: { by: string }[] }[] };
  expect(claims.claims[0]).toMatchObject({ status: 'rated', verdict: { rating: 'true', by: factmark.annotator } });
  expect(claims.claims[0]!.history.map((move) => move.by).sort()).toEqual(['bob', factmark.annotator].sort());
  // The window shows the chosen name too.
  await dragSelect(page, 'rocket attacks');
  await expect(page.getByRole('button', { name: /Statement/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  expect(serverLog(server.repoDir('k1'))[0]).toBe("tester|tester: merged bob's changes");

  // The span's history, from git: created by the tester.
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: 'Col. Dana Reed' }).click();
  await expect(page.getByTestId('span-history')).toContainText('Created by tester');

  // Offline: work goes on, the status says so and keeps count.
  await server.goOffline();
  await dragSelect(page, 'Sunday');
  await page.keyboard.press('3');
  await saved(page);
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(status).toHaveText('Offline · 1 to send');
  await expect(page.getByTestId('sync-notice')).toContainText('Offline: your work is committed here');
  // Back online: the next sync sends everything, and bob gets it.
  await server.goOnline();
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(status).toHaveAttribute('data-state', 'synced');
  await bobSync([bob]);
  const bobLayer = JSON.parse(readFileSync(path.join(bob, 'annotations', 'tester', `${factmark.documentIds()[0]}.json`), 'utf8')) as { spans: { quote: { exact: string } }[] };
  expect(bobLayer.spans.map((span) => span.quote.exact).sort()).toEqual(['300 personnel had left K-1 Air Base', 'Col. Dana Reed', 'Sunday']);
  const bobClaims = JSON.parse(readFileSync(path.join(bob, 'claims.json'), 'utf8')) as { claims: { verdict: { rating: string } }[] };
  expect(bobClaims.claims[0]!.verdict.rating).toBe('true');
});

test('a tag made while a sync is under way is kept, merged with what the sync brought into the same layer; a colleague joins from the Projects dialog', async ({ page, factmark }) => {
  test.setTimeout(120_000);
  await server.createRepo('k1-busy');
  const url = server.url('k1-busy');
  await openApp(page, factmark);
  const [documentId] = factmark.documentIds();
  await dragSelect(page, 'Col. Dana Reed');
  await page.keyboard.press('2');
  await saved(page);
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Sync settings' });
  await settings.getByLabel('Remote address').fill(url);
  await settings.getByLabel('Token').fill(TOKEN);
  await settings.getByRole('button', { name: 'Save and sync' }).click();
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-state', 'synced');

  // The tester's own layer, changed on another machine (a note on the span), and pushed.
  const laptop = path.join(mkdtempSync(path.join(os.tmpdir(), 'factmark-e2e-laptop-')), 'k1');
  await bobSync([laptop, '--remote', url]);
  const laptopStore = await ProjectStore.open(laptop);
  await laptopStore.updateLayer(documentId!, factmark.annotator, ({ layer }) => ({ ...layer, spans: layer.spans.map((span) => ({ ...span, note: 'Named in the ministry release' })) }));
  await bobSync([laptop]);

  // The next sync is held at the server while the tester tags another span: the tag is not
  // saved when the sync starts, and is saved (or still unsaved) when the sync writes.
  let reached!: () => void;
  const atServer = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.beforeRequest = async (request) => {
    if (!request.endsWith('git-upload-pack') || !request.startsWith('POST')) return;
    reached();
    await held;
  };
  try {
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await atServer;
    await dragSelect(page, 'rocket attacks');
    await page.keyboard.press('1');
    release();
  } finally {
    server.beforeRequest = null;
    release();
  }
  await expect(status).toHaveAttribute('data-state', /synced|ahead/);
  await saved(page);

  // Both: the note from the other machine and the new tag, in the window and on disk.
  await expect.poll(async () => (await factmark.layerOnDisk(documentId!))?.spans.map((span) => `${span.quote.exact}|${span.note ?? ''}`).sort()).toEqual(['Col. Dana Reed|Named in the ministry release', 'rocket attacks|']);
  const list = page.getByRole('region', { name: 'Spans' });
  await expect(list.getByRole('button', { name: 'rocket attacks' })).toBeVisible();
  await list.getByRole('button', { name: 'Col. Dana Reed' }).click();
  await expect(page.getByRole('region', { name: 'Selected span' }).getByLabel('Note')).toHaveValue('Named in the ministry release');

  // And the next sync sends the tag.
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(status).toHaveAttribute('data-state', 'synced');
  await bobSync([laptop]);
  const there = JSON.parse(readFileSync(path.join(laptop, 'annotations', factmark.annotator, `${documentId}.json`), 'utf8')) as { spans: { quote: { exact: string }; note?: string }[] };
  expect(there.spans.map((span) => span.quote.exact).sort()).toEqual(['Col. Dana Reed', 'rocket attacks']);

  // Joining from the Projects dialog: the project cloned into a new folder, and opened.
  const joined = path.join(mkdtempSync(path.join(os.tmpdir(), 'factmark-e2e-join-')), 'k1 copy');
  await page.getByRole('button', { name: 'Projects…' }).click();
  const projects = page.getByRole('dialog', { name: 'Projects' });
  await projects.getByLabel('Project folder').fill(joined);
  await projects.getByText('Join a project shared through git').click();
  await projects.getByLabel('Git remote').fill(url);
  await projects.getByLabel('Remote token').fill(TOKEN);
  await projects.getByRole('button', { name: 'Clone into the folder' }).click();
  await expect(projects).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('K-1');
  await expect(status).toHaveAttribute('data-state', 'synced');
  expect(JSON.parse(readFileSync(path.join(joined, 'annotations', factmark.annotator, `${documentId}.json`), 'utf8')).spans).toHaveLength(2);
});

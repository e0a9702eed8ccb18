// Takes the screenshots of sync (docs/sync-light.png, docs/sync-dark.png): the sample
// project shared through a real git server on this machine (git http-backend, as the
// tests use), a colleague's clone renaming a label and an entity the other way and giving
// a claim another verdict, and the window showing the sync status, a span's history, and
// the conflict dialog with both versions. Each picture puts the window and the dialog side by side.
//   npm run build && node --import tsx scripts/sync-screenshots.ts
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { FactmarkService } from '../main/service.js';
import { SettingsStore } from '../main/settings.js';
import { ProjectStore } from '../main/store/project-store.js';
import { CredentialStore } from '../main/sync/credentials.js';
import { syncFolder } from '../main/sync/engine.js';
import { startWebServer } from '../main/web.js';
import { applyClaimChanges } from '../shared/claims/changes.js';
import { createSpan } from '../shared/model/spans.js';
import { createOffsetIndex } from '../shared/text/offsets.js';
import { startGitServer } from '../tests/helpers/git-server.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const work = await mkdtemp(path.join(os.tmpdir(), 'factmark-sync-shots-'));
const TOKEN = 'screenshot-token';
const git = await startGitServer({ root: path.join(work, 'server'), token: TOKEN });
await git.createRepo('k1');
const url = git.url('k1');
const credentials = await CredentialStore.load(null, { env: { FACTMARK_GIT_TOKEN: TOKEN } });

const projectDir = path.join(work, 'Relief corpus');
await cp(path.join(repoRoot, 'resources/sample-project'), projectDir, { recursive: true });
const settings = await SettingsStore.load(work);
await settings.update({ annotator: 'analyst', theme: 'light' });
const service = new FactmarkService({ settings, credentials });
const project = await service.openProject({ dir: projectDir });
const summary = (await service.listDocuments({})).find((doc) => doc.meta.outlet === 'Harbour Ledger');
if (!summary) throw new Error('the sample project has changed: no Harbour Ledger article');
const { document } = await service.getDocument({ documentId: summary.id, annotator: 'analyst' });
const index = createOffsetIndex(document.text);
const labels = new Map(project.manifest.labels.map((label) => [label.id, label]));
const alliance = await service.createEntity({ name: 'Tideline Relief Alliance', kind: 'organization', aliases: ['the Alliance'] });
let n = 0;
const tag = (exact: string, label: string, attributes: Record<string, string> = {}) => {
  const at = document.text.indexOf(exact);
  if (at < 0) throw new Error(`"${exact}" is not in the article`);
  const start = index.toCodePoint(at);
  const labelDef = labels.get(label);
  if (!labelDef) throw new Error(`no label ${label}`);
  const span = createSpan(index, { start, end: start + [...exact].length }, labelDef, `s_${++n}`, new Date('2026-11-22T09:12:00Z'));
  return { ...span, attributes: { ...span.attributes, ...attributes } };
};
const CLAIM = 'k_trucks';
await service.changeClaims({ annotator: 'analyst', changes: [{ kind: 'create', id: CLAIM, wording: 'Thirty trucks crossed the Kessary Pass' }] });
const trucks = tag('Thirty trucks, not the 42 cited in earlier reports, crossed the Kessary Pass', 'claim', { checkWorthiness: 'check-worthy', claimId: CLAIM });
const spans = [trucks, tag('Kessary Pass', 'entity', { kind: 'location' }), tag('Tideline Relief Alliance', 'entity', { kind: 'organization', entityId: alliance.id }), tag('Thursday morning', 'date', { value: '2025-03-06', timexType: 'TIME' })].sort((a, b) => a.start - b.start || b.end - a.end);
const save = async (list: typeof spans) => service.saveLayer({ documentId: summary.id, annotator: 'analyst', baseStamp: (await service.getLayer({ documentId: summary.id, annotator: 'analyst' })).stamp, spans: list });
await save(spans);
await service.syncProject({ remote: url });

// Bob, on his machine: the Claim label becomes "Statement", the Alliance "Tideline Alliance".
const bob = path.join(work, 'bob');
const bobService = new FactmarkService({ credentials });
await bobService.cloneProject({ dir: bob, remote: url });
const bobStore = await ProjectStore.open(bob);
await bobStore.writeManifest({ ...bobStore.manifest, labels: bobStore.manifest.labels.map((label) => (label.id === 'claim' ? { ...label, name: 'Statement' } : label)) });
await bobStore.updateEntities((entities) => entities.map((entity) => (entity.id === alliance.id ? { ...entity, name: 'Tideline Alliance' } : entity)));
await bobStore.updateClaims((registry) => applyClaimChanges(registry, [{ kind: 'verdict', claimId: CLAIM, rating: 'mostly-false', explanation: 'Border logs count 42 trucks over two days' }], { annotator: 'bob', at: '2026-11-22T10:31:00.000Z' }));
await syncFolder(bob, { annotator: 'bob', credentials });

// The analyst, meanwhile: "Assertion", "Tideline Relief Alliance (TRA)", and a note on the trucks claim.
await service.updateLabelSchema({ labels: project.manifest.labels.map((label) => (label.id === 'claim' ? { ...label, name: 'Assertion' } : label)) });
const store = await ProjectStore.open(projectDir);
await store.updateEntities((entities) => entities.map((entity) => (entity.id === alliance.id ? { ...entity, name: 'Tideline Relief Alliance (TRA)' } : entity)));
await save(spans.map((span) => (span.id === trucks.id ? { ...span, note: 'Convoy manifest lists 30 trucks', updatedAt: new Date('2026-11-22T10:40:00Z').toISOString() } : span)));
await service.changeClaims({ annotator: 'analyst', changes: [{ kind: 'verdict', claimId: CLAIM, rating: 'true', explanation: 'The convoy manifest lists 30 trucks' }] });
const met = await service.syncProject({});
if (met.outcome !== 'conflicts') throw new Error(`expected conflicts, got ${met.outcome}`);

const server = await startWebServer({ service, rendererDir: path.join(repoRoot, 'dist/renderer') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}#doc=${summary.id}`);
  await page.waitForSelector(`[data-painted-document="${summary.id}"]`);
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /^Thirty trucks/ }).click();
  await page.getByTestId('span-history').waitFor();
  // The details panel scrolled to the span's history.
  await page.getByTestId('span-history').scrollIntoViewIfNeeded();
  await page.getByTestId('sync-status').waitFor();
  await page.mouse.move(0, 0);
  const shoot = async (theme: 'light' | 'dark') => {
    await page.waitForTimeout(1200); // the flash of the selected span fades
    const window = await page.screenshot();
    await page.getByTestId('sync-status').click();
    const dialog = page.getByRole('dialog', { name: 'Sync conflicts' });
    await dialog.getByLabel(/^Theirs: Label/).check();
    await dialog.getByLabel(/^Yours: Entity/).check();
    await dialog.getByLabel(/^Theirs: Claim/).check();
    await page.mouse.move(0, 0);
    const box = await dialog.locator('.dialog').boundingBox();
    if (!box) throw new Error('no dialog on screen');
    const conflicts = await page.screenshot({ clip: box });
    await dialog.getByRole('button', { name: 'Decide later' }).click();
    // The window and the dialog side by side, on the theme's own background.
    const sheet = await browser.newPage({ viewport: { width: 1440 + Math.round(box.width) + 48, height: 900 }, deviceScaleFactor: 1 });
    const background = theme === 'dark' ? '#0d0f12' : '#e7ebef';
    await sheet.setContent(`<body style="margin:0;display:flex;gap:24px;align-items:flex-start;background:${background};padding:0 24px 0 0"><img src="data:image/png;base64,${window.toString('base64')}"><img style="margin-top:56px;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,0.35)" src="data:image/png;base64,${conflicts.toString('base64')}"></body>`);
    await sheet.screenshot({ path: path.join(repoRoot, `docs/sync-${theme}.png`), fullPage: true });
    await sheet.close();
  };
  await shoot('light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await shoot('dark');
  console.log('wrote docs/sync-light.png and docs/sync-dark.png');
} finally {
  await browser.close();
  await server.close();
  await git.close();
  await rm(work, { recursive: true, force: true });
}

/**
 * What the screenshot scripts share: a copy of the sample project in a fresh folder,
 * opened by a service whose app settings say the analyst is "analyst" (light theme); and
 * the built app served in browser mode to Debian's Chromium, closed again, folder and all.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { ProjectInfo } from '../shared/api.js';
import { createOffsetIndex } from '../shared/text/offsets.js';
import { FactmarkService, type ServiceOptions } from '../main/service.js';
import { SettingsStore } from '../main/settings.js';
import { startWebServer, type WebServer } from '../main/web.js';

export const repoRoot = path.resolve(import.meta.dirname, '..');

/** A fresh folder for a script's files (`prefix` names it in the temporary folder). */
export function workFolder(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `factmark-${prefix}-`));
}

/** The sample project copied to `projectDir` and opened, with app settings in `work`. */
export async function openSampleProject(work: string, projectDir: string, options: Omit<ServiceOptions, 'settings'> = {}) {
  await cp(path.join(repoRoot, 'resources/sample-project'), projectDir, { recursive: true });
  const settings = await SettingsStore.load(work);
  await settings.update({ annotator: 'analyst', theme: 'light' });
  const service = new FactmarkService({ ...options, settings });
  const project = await service.openProject({ dir: projectDir });
  return { settings, service, project };
}

/** One outlet's article of the sample project, with the analyst's view of it, its offset index and the labels by id. */
export async function sampleArticle(service: FactmarkService, project: ProjectInfo, outlet: string) {
  const summary = (await service.listDocuments({})).find((doc) => doc.meta.outlet === outlet);
  if (!summary) throw new Error(`the sample project has changed: no ${outlet} article`);
  const { document } = await service.getDocument({ documentId: summary.id, annotator: 'analyst' });
  return { summary, document, index: createOffsetIndex(document.text), labels: new Map(project.manifest.labels.map((label) => [label.id, label])) };
}

/** The app over `service` in browser mode, and Chromium; `close` ends both and removes `work`. */
export async function openBrowser(service: FactmarkService, work: string): Promise<{ server: WebServer; browser: Browser; close: () => Promise<void> }> {
  const server = await startWebServer({ service, rendererDir: path.join(repoRoot, 'dist/renderer') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const close = async () => {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  };
  return { server, browser, close };
}

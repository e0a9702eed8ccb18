/**
 * The desktop app itself, through Playwright's Electron driver: launch, the sample
 * project shows, tag a span, quit. Runs wherever an Electron binary is installed; the
 * team's machines cannot download it, so there it is skipped, saying so.
 */
import { _electron as electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { dragSelect, expect, repoRoot, test } from './fixtures.js';

/**
 * The installed Electron binary, found the way the `electron` package finds it, but
 * without requiring the package: that would try to download the binary right now.
 */
function electronBinary(): string | null {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  const binary = override ? path.join(override, process.platform === 'win32' ? 'electron.exe' : 'electron') : existsSync(pathFile) ? path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
  return binary && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'no Electron binary on this machine (npm installs it lazily from GitHub, which is unreachable here); the Electron smoke test runs wherever one is installed';

test('desktop app: launches, shows the sample project, tags a span, quits', async () => {
  if (!binary) console.log(`SKIPPED Electron smoke test: ${SKIP_REASON}`);
  test.skip(!binary, SKIP_REASON);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'factmark-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [repoRoot], env: { ...process.env, FACTMARK_DATA_DIR: dataDir } });
  try {
    const window = await app.firstWindow();
    await window.getByRole('dialog', { name: 'Who is annotating?' }).getByLabel('Annotator name').fill('smoke');
    await window.getByRole('button', { name: 'Save' }).click();
    await expect(window.getByRole('navigation', { name: 'Documents' })).toContainText('Ras Zahrun');
    await expect(window.getByTestId('document-text')).toHaveAttribute('data-painted-document', /.+/);
    // The renderer has no Node: the preload exposes the api and nothing else.
    expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process, Object.keys((window as unknown as { factmark: object }).factmark)])).toEqual(['undefined', 'undefined', ['call', 'onMenu']]);
    await dragSelect(window, 'Ras Zahrun');
    await window.keyboard.press('3');
    const layers = path.join(dataDir, 'Sample project', 'annotations', 'smoke');
    await expect.poll(async () => (existsSync(layers) ? (await readdir(layers)).length : 0)).toBe(1);
    const [file] = await readdir(layers);
    expect(JSON.parse(await readFile(path.join(layers, file!), 'utf8')).spans[0].quote.exact).toBe('Ras Zahrun');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/**
 * The Electron app: one window showing the renderer over app://, the service bound to
 * IPC, the native menu. Kept thin: everything it does is done by the service, tested
 * in Node and in browser mode.
 */
import path from 'node:path';
import { BrowserWindow, Menu, app, safeStorage, screen, session } from 'electron';
import { FactmarkService } from '../service.js';
import { SettingsStore } from '../settings.js';
import { openStartupProject } from '../startup.js';
import { CredentialStore, type TokenSealer } from '../sync/credentials.js';
import { osAnnotatorName } from '../user.js';
import { bindService } from './ipc.js';
import { buildMenu } from './menu.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { APP_ORIGIN, hardenContents, hardenSession, secureWebPreferences } from './security.js';

// dist/main/electron.cjs -> dist/ (preload, renderer) and resources/ beside the app.
const distDir = path.resolve(__dirname, '..');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.resolve(distDir, '../resources');

registerAppScheme();
// Tests and portable setups can keep the app's data (settings, sample copy) elsewhere.
if (process.env.FACTMARK_DATA_DIR) app.setPath('userData', path.resolve(process.env.FACTMARK_DATA_DIR));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(path.join(distDir, 'renderer'));
  const settings = await SettingsStore.load(app.getPath('userData'));
  const credentials = await CredentialStore.load(app.getPath('userData'), { sealer: keychain() });
  const service = new FactmarkService({ settings, credentials });
  const projectArg = process.argv.find((arg) => arg.startsWith('--project='))?.slice('--project='.length);
  await openStartupProject(service, settings, { project: projectArg, resourcesDir, dataDir: app.getPath('userData') });
  const window = createWindow(settings);
  bindService(service, () => (window.isDestroyed() ? null : window));
  const annotator = () => settings.value.annotator ?? osAnnotatorName();
  Menu.setApplicationMenu(buildMenu({ window, service, settings, annotator, isMac: process.platform === 'darwin' }));

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
}

/** Tokens for git remotes sealed by the system's keychain, where it has one (else owner-only plain text). */
function keychain(): TokenSealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return { seal: (token) => safeStorage.encryptString(token).toString('base64'), open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')) };
}

function createWindow(settings: SettingsStore): BrowserWindow {
  const saved = settings.value.window;
  // Restore the saved place only if it is still on a connected screen.
  const visible = saved !== null && screen.getAllDisplays().some(({ workArea: a }) => saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y);
  const window = new BrowserWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 820,
    ...(visible && saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 720,
    minHeight: 480,
    title: 'Factmark',
    show: false,
    webPreferences: secureWebPreferences(path.join(distDir, 'preload.cjs')),
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    void settings.update({ window: { ...bounds, maximized: window.isMaximized() } });
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

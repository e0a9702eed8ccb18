/**
 * `npm run web [-- --project DIR --port N]`: starts browser mode and prints the address
 * (with its token) to open. The app's data (settings, the sample project copy) lives in
 * FACTMARK_DATA_DIR, or the platform's usual place.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toErrorInfo } from '../shared/errors.js';
import { defaultDataDir } from './data-dir.js';
import { FactmarkService } from './service.js';
import { SettingsStore } from './settings.js';
import { openStartupProject } from './startup.js';
import { CredentialStore } from './sync/credentials.js';
import { startWebServer } from './web.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { project: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--project DIR] [--port N]\nServes Factmark on 127.0.0.1 and prints the address to open.');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  // dist/web.cjs -> dist/renderer and resources/
  const distDir = __dirname;
  const dataDir = defaultDataDir();
  const settings = await SettingsStore.load(dataDir);
  // Tokens for git remotes: owner-only in the data folder, or FACTMARK_GIT_TOKEN.
  const credentials = await CredentialStore.load(dataDir).catch((error: unknown) => {
    console.error(`factmark web: ${toErrorInfo(error).message}; tokens come from FACTMARK_GIT_TOKEN alone until it is fixed`);
    return CredentialStore.load(null);
  });
  const service = new FactmarkService({ settings, credentials });
  const project = await openStartupProject(service, settings, { project: values.project, resourcesDir: path.resolve(distDir, '../resources'), dataDir });
  const server = await startWebServer({ service, rendererDir: path.join(distDir, 'renderer'), port });
  console.log(`Project: ${project.root}`);
  console.log(`Factmark is running at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`factmark web: ${toErrorInfo(error).message}`);
  process.exit(2);
});

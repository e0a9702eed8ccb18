/**
 * The app's own data folder (settings, tokens for git remotes, the sample project copy):
 * FACTMARK_DATA_DIR, or the platform's usual place. Browser mode and the command line use
 * the same one, so a token entered in the app serves `factmark sync` too. (The desktop app
 * uses Electron's userData, which is the same place.)
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(): string {
  if (process.env.FACTMARK_DATA_DIR) return path.resolve(process.env.FACTMARK_DATA_DIR);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Factmark');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library/Application Support/Factmark');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local/share'), 'factmark');
}

/** Runs the built `factmark` binary (dist/cli.cjs) as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';

export const cliPath = path.join(repoRoot, 'dist/cli.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function checkBuilt(): void {
  if (!existsSync(cliPath)) throw new Error('dist/cli.cjs is missing: run `npm run build` first (npm test does)');
}

export function factmark(...args: string[]): CliRun {
  checkBuilt();
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface CliOptions {
  /** Killed after this long: a command that hangs fails instead of stopping the tests. */
  timeoutMs: number;
  /** Run as another user (the tests run as root on CI, where permissions stop no one). */
  uid?: number;
  gid?: number;
}

/** The same, asynchronously (several at once), with a time limit. */
export function factmarkAsync(args: readonly string[], options: CliOptions): Promise<CliRun & { timedOut: boolean }> {
  checkBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

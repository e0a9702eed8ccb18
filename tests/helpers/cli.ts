/** Runs the built `factmark` binary (dist/cli.cjs) as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';

export const cliPath = path.join(repoRoot, 'dist/cli.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function factmark(...args: string[]): CliRun {
  if (!existsSync(cliPath)) throw new Error('dist/cli.cjs is missing: run `npm run build` first (npm test does)');
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Writes a benchmark's results into bench/RESULTS.md, in its own section (between
 * markers), with the machine and versions they were measured on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchDir } from './corpus.js';

export interface BenchResults {
  title: string;
  runs: number;
  /** How the values were obtained, after the machine; by default "Median of <runs> runs." */
  method?: string;
  /** The heading of the value column; by default "median". */
  valueColumn?: string;
  rows: { what: string; value: string; budget: string; ok: boolean }[];
  /** Every run's numbers, listed under the table (nothing is listed when empty). */
  raw: Record<string, number[]>;
}

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The share of CPU time the hypervisor gave to other guests (Linux "steal") since
 * `since`, or null where /proc/stat is not there. On a shared VM it explains runs that
 * differ by a quarter: the code did not change, the machine did.
 */
export function cpuTimes(): number[] | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    return line.trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return null;
  }
}

export function stealShare(since: number[] | null): number | null {
  const now = cpuTimes();
  if (!since || !now) return null;
  const delta = now.map((value, i) => value - (since[i] ?? 0));
  // Fields: user nice system idle iowait irq softirq steal (guest time is inside user).
  const total = delta.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return total > 0 ? (delta[7] ?? 0) / total : null;
}

export async function recordResults(name: string, results: BenchResults): Promise<void> {
  const file = path.join(benchDir, 'RESULTS.md');
  const pkg = JSON.parse(await readFile(path.join(benchDir, '../package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}`;
  const section = [
    `<!-- ${name}:start -->`,
    `## ${results.title}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}. Node ${process.version}, ${version('chromium', ['--version'])}, lexical ${pkg.devDependencies.lexical}, React ${pkg.devDependencies.react}. ${results.method ?? `Median of ${results.runs} runs.`}`,
    '',
    `| measurement | ${results.valueColumn ?? 'median'} | budget | within |`,
    '|---|---|---|---|',
    ...results.rows.map((row) => `| ${row.what} | ${row.value} | ${row.budget} | ${row.ok ? 'yes' : '**no**'} |`),
    ...(Object.keys(results.raw).length
      ? [
          '',
          '<details><summary>Every run (ms)</summary>',
          '',
          ...Object.entries(results.raw).map(([key, values]) => `- ${key}: ${values.map((value) => value.toFixed(1)).join(', ')}`),
          '',
          '</details>',
        ]
      : []),
    `<!-- ${name}:end -->`,
  ].join('\n');
  let current = '# Benchmark results\n\nWritten by the scripts in this folder (`npm run bench`); the notes under each section are by hand.\n';
  try {
    current = await readFile(file, 'utf8');
  } catch {
    // First run: start the file.
  }
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}

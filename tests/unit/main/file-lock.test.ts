import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_MS, withFileLock } from '../../../main/store/file-lock.js';
import { repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

function runChild(file: string, rounds: number): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/lock-counter.ts'), file, String(rounds)], { cwd: repoRoot, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', resolve));
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('a file lock across processes', () => {
  it('lets one process at a time read, change and write a file', async () => {
    const file = path.join(await tempDir(), 'counter');
    await writeFile(file, '0');
    const codes = await Promise.all([runChild(file, 40), runChild(file, 40), runChild(file, 40)]);
    expect(codes).toEqual([0, 0, 0]);
    expect(await readFile(file, 'utf8')).toBe('120');
    expect(await readdir(path.dirname(file))).toEqual(['counter']); // no lock left behind
  }, 60_000);

  it('takes over the lock of a process that died holding it', async () => {
    const file = path.join(await tempDir(), 'layer.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: os.hostname(), at: Date.now(), nonce: 'dead' }));
    const started = Date.now();
    expect(await withFileLock(file, async () => 'written')).toBe('written');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await readdir(path.dirname(file))).toEqual([]);
  });

  it('takes over a lock older than any write, and one left empty by a crash', async () => {
    const dir = await tempDir();
    const old = path.join(dir, 'old.json');
    await writeFile(`${old}.lock`, JSON.stringify({ pid: process.pid, host: 'another-machine', at: Date.now() - STALE_MS - 1, nonce: 'old' }));
    expect(await withFileLock(old, async () => 1)).toBe(1);
    const empty = path.join(dir, 'empty.json');
    await writeFile(`${empty}.lock`, '');
    const { utimes } = await import('node:fs/promises');
    await utimes(`${empty}.lock`, new Date(Date.now() - 5000), new Date(Date.now() - 5000));
    expect(await withFileLock(empty, async () => 2)).toBe(2);
  });

  it('waits for a live holder, and gives up with a message naming the file and the holder', async () => {
    const file = path.join(await tempDir(), 'layer.json');
    let release: () => void = () => undefined;
    const holding = withFileLock(file, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(withFileLock(file, async () => 'never', { waitMs: 200 })).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(new RegExp(`layer\\.json is being written by another program \\(process ${process.pid} on `)),
    });
    const waiting = withFileLock(file, async () => 'after');
    release();
    await holding;
    expect(await waiting).toBe('after');
  });
});

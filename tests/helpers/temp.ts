/** Real temporary folders on disk, removed after each test file. */
import { mkdtemp, rm, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'factmark-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A writable copy of a project folder. */
export async function copyProject(from: string): Promise<string> {
  const dir = path.join(await tempDir(), 'project');
  await cp(from, dir, { recursive: true });
  return dir;
}

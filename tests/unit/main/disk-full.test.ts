/**
 * A full disk: the error names the file, says the disk is full, and nothing already
 * saved is lost (writes go to a temporary file, renamed only once all of it is on disk).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { writeStreamed } from '../../../main/store/export-target.js';
import { ioError } from '../../../main/store/io-error.js';
import { cliPath } from '../../helpers/cli.js';
import { EXAMPLE_DOC_ID } from '../../helpers/example.js';
import { exampleProject, repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('disk-full errors', () => {
  it('name the file and say the disk is full, and that nothing saved changed when the write was atomic', () => {
    expect(ioError('/x/corpus.json', errno('ENOSPC'), 'write', { atomic: true })).toMatchObject({ code: 'IO_ERROR', message: 'Could not write /x/corpus.json: the disk is full; nothing already saved was changed', details: { file: '/x/corpus.json' } });
    expect(ioError('/x/corpus.json', errno('EDQUOT'), 'write', { atomic: true }).message).toBe('Could not write /x/corpus.json: your disk quota is used up; nothing already saved was changed');
    expect(ioError('/x/a.json', errno('ENOSPC'), 'write').message).toBe('Could not write /x/a.json: the disk is full');
    expect(ioError('/x/a.json', errno('EACCES'), 'read').message).toBe('Could not read /x/a.json: permission denied');
  });

  it.runIf(existsSync('/dev/full'))('come from a real ENOSPC (/dev/full) through the export writer', async () => {
    async function* pieces() {
      yield '{"documents": [';
      yield 'x'.repeat(100_000);
    }
    await expect(writeStreamed('/dev/full', pieces(), '/somewhere/corpus.json')).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: 'Could not write /somewhere/corpus.json: the disk is full; nothing already saved was changed',
    });
  });

  it('leave an export already at the target as it was when the new one fails half-way', async () => {
    const api = new FactmarkService();
    await api.openProject({ dir: exampleProject });
    const folder = await tempDir();
    const target = path.join(folder, 'corpus.json');
    await writeFile(target, 'the previous export\n');
    await expect(api.exportToFile(target, { format: 'factmark-json', documentIds: [EXAMPLE_DOC_ID, 'd_000000000000'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readFile(target, 'utf8')).toBe('the previous export\n');
    expect(await readdir(folder)).toEqual(['corpus.json']);
  });
});

/** A disk that can be filled: a tmpfs mounted in a mount namespace of the test's own. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || !existsSync(cliPath)) return false;
  const where = mkdtempSync(path.join(os.tmpdir(), 'factmark-mount-probe-'));
  const probe = spawnSync('unshare', ['--mount', 'mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', where], { stdio: 'ignore' });
  rmSync(where, { recursive: true, force: true });
  return probe.status === 0;
}
const mountable = canMountTmpfs();

describe('on a real full disk', () => {
  it.runIf(mountable)('the CLI names the file, keeps the previous export and the layer, and the project stays valid', async () => {
    const exporter = new FactmarkService();
    await exporter.openProject({ dir: exampleProject });
    const annotations = path.join(await tempDir(), 'alice.jsonl');
    await exporter.exportToFile(annotations, { format: 'w3c-jsonl', annotators: ['alice'] });
    const disk = await tempDir('factmark-full-disk-');
    const run = spawnSync('unshare', ['--mount', process.execPath, '--import', 'tsx', path.join(repoRoot, 'tests/fixtures/on-full-disk.ts'), disk, cliPath, exampleProject, annotations, EXAMPLE_DOC_ID], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { exported: { code: number; stderr: string }; corpusAfter: string; imported: { code: number; stderr: string }; layerKept: boolean; validated: { code: number }; files: string[]; layerFiles: string[] };
    expect(result.exported).toMatchObject({ code: 2, stderr: `factmark: Could not write ${path.join(disk, 'corpus.json')}: the disk is full; nothing already saved was changed\n` });
    expect(result.corpusAfter).toBe('the previous export\n');
    expect(result.imported.code).toBe(1);
    expect(result.imported.stderr).toMatch(new RegExp(`^failed: Could not write .*annotations/alice/${EXAMPLE_DOC_ID}\\.json: the disk is full; nothing already saved was changed\\n$`));
    expect(result.layerKept).toBe(true);
    expect(result.validated.code).toBe(0);
    // No temporary files left behind.
    expect(result.files).toEqual(['corpus.json', 'filler', 'project']);
    expect(result.layerFiles).toEqual([`${EXAMPLE_DOC_ID}.json`]);
  }, 90_000);

  it.skipIf(mountable)('skipped: needs Linux and the right to mount a small tmpfs in a mount namespace (unshare --mount, as root)', () => undefined);
});

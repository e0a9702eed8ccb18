import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { GITIGNORE_TEXT } from '../../../main/store/gitignore.js';
import { TEMPORARY_GRACE_MS, findLeftovers, removeStaleTemporaryFiles } from '../../../main/store/leftovers.js';
import { ProjectLayout } from '../../../main/store/layout.js';
import { ProjectStore } from '../../../main/store/project-store.js';
import { validateProject } from '../../../main/store/validate.js';
import { factmark } from '../../helpers/cli.js';
import { EXAMPLE_DOC_ID, exampleFiles } from '../../helpers/example.js';
import { exampleProject, repoRoot } from '../../helpers/paths.js';
import { copyProject, tempDir } from '../../helpers/temp.js';

const layer = exampleFiles.alice;
const layerDir = path.dirname(layer);

/** Files as an interrupted save leaves them, and look-alikes that are not leftovers. */
const LEFTOVERS = {
  [`${layer}.3141592653`]: 'temporary',
  [`${layer}.lock`]: 'lock',
  [`${exampleFiles.document}.7`]: 'temporary',
  'factmark.json.4294967295': 'temporary',
  'entities.json.lock': 'lock',
} as const;
const NOT_LEFTOVERS = [
  `${layerDir}/${EXAMPLE_DOC_ID}.json.bak`,
  `${layerDir}/${EXAMPLE_DOC_ID}.json.12x`,
  `${layerDir}/${EXAMPLE_DOC_ID}.json.12345678901`, // 11 digits: more than a uint32
  `${layerDir}/notes.txt.123`,
  `${layerDir}/.json.lock.swp`,
  'Backup copy/d_1.json.123', // not a folder Factmark saves into
  'annotations/Not an annotator/d_1.json.123',
];

async function writeAll(dir: string, names: readonly string[], content = '{}'): Promise<void> {
  for (const name of names) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

/** Sets a file's times `ageMs` into the past (or the future, if negative). */
async function age(file: string, ageMs: number): Promise<void> {
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
}

function git(dir: string, ...args: string[]) {
  return spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
}

describe('leftovers of interrupted saves', () => {
  it('are the temporary and lock files in the folders Factmark saves into, and nothing else', async () => {
    const dir = await copyProject(exampleProject);
    await writeAll(dir, [...Object.keys(LEFTOVERS), ...NOT_LEFTOVERS]);
    await mkdir(path.join(dir, layerDir, 'folder.json.1')); // a folder is never a leftover
    const found = await findLeftovers(new ProjectLayout(dir));
    expect(Object.fromEntries(found.map((leftover) => [leftover.file, leftover.kind]))).toEqual(LEFTOVERS);
    expect(found.find((leftover) => leftover.kind === 'lock')?.path).toBe(path.join(dir, 'entities.json.lock'));
  });

  it('are removed when older than the grace period, temporary files only; the corpus is untouched', async () => {
    const dir = await copyProject(exampleProject);
    const before = await readFile(path.join(dir, layer), 'utf8');
    await writeAll(dir, Object.keys(LEFTOVERS));
    const young = `${layer}.1`;
    const future = `${layer}.2`;
    await writeAll(dir, [young, future]);
    for (const name of Object.keys(LEFTOVERS)) await age(path.join(dir, name), TEMPORARY_GRACE_MS + 5_000);
    await age(path.join(dir, young), TEMPORARY_GRACE_MS - 5_000); // may be a save under way elsewhere
    await age(path.join(dir, future), -10 * 60_000); // a file server's clock ahead of ours

    const result = await removeStaleTemporaryFiles(new ProjectLayout(dir));
    expect(result.removed.map((leftover) => leftover.file).sort()).toEqual(Object.entries(LEFTOVERS).filter(([, kind]) => kind === 'temporary').map(([name]) => name).sort());
    expect(result.kept.map((leftover) => leftover.file).sort()).toEqual([young, future, ...Object.entries(LEFTOVERS).filter(([, kind]) => kind === 'lock').map(([name]) => name)].sort());
    for (const leftover of result.removed) expect(existsSync(leftover.path)).toBe(false);
    for (const leftover of result.kept) expect(existsSync(leftover.path)).toBe(true);
    expect(await readFile(path.join(dir, layer), 'utf8')).toBe(before);
    expect((await validateProject(dir)).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('are removed when the app or the CLI opens the project, and only listed by validate', async () => {
    const dir = await copyProject(exampleProject);
    const temporary = path.join(dir, `${layer}.123456`);
    const lock = path.join(dir, `${layer}.lock`);
    await writeAll(dir, [`${layer}.123456`, `${layer}.lock`]);
    await age(temporary, 2 * TEMPORARY_GRACE_MS);

    // validate reports the folder as it is: two warnings, nothing deleted, exit code 0.
    const report = await validateProject(dir);
    expect(report.problems).toEqual([
      { file: `${layer}.123456`, severity: 'warning', message: expect.stringMatching(/^temporary file left by an interrupted save; safe to delete/) },
      { file: `${layer}.lock`, severity: 'warning', message: expect.stringMatching(/^lock file left by an interrupted save; safe to delete/) },
    ]);
    const run = factmark('validate', dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${layer}.123456: warning: temporary file left by an interrupted save; safe to delete`);
    expect(run.stdout).toContain('5 files checked: 0 errors, 2 warnings');
    expect(existsSync(temporary)).toBe(true);

    // Opening it (the app, browser mode, or a CLI command such as stats) tidies it.
    expect(factmark('stats', dir).code).toBe(0);
    expect(existsSync(temporary)).toBe(false);
    expect(existsSync(lock)).toBe(true); // the lock's own code decides when a lock is stale

    await writeAll(dir, [`${layer}.99`]);
    await age(path.join(dir, `${layer}.99`), 2 * TEMPORARY_GRACE_MS);
    await new FactmarkService().openProject({ dir });
    expect(existsSync(path.join(dir, `${layer}.99`))).toBe(false);
  });
});

describe("the project's .gitignore", () => {
  it('is written at init and keeps leftovers, and only them, out of git', async () => {
    const dir = path.join(await tempDir(), 'project');
    await ProjectStore.create(dir);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(GITIGNORE_TEXT);
    expect(git(dir, 'init', '-q').status).toBe(0);
    const kept = ['factmark.json', 'entities.json', 'documents/d_0123456789ab.json', 'annotations/alice/d_0123456789ab.json', 'annotations/alice/d_0123456789ab.json.d/x.json', 'notes.md'];
    const ignored = ['factmark.json.12', 'documents/d_0123456789ab.json.4294967295', 'annotations/alice/d_0123456789ab.json.3141592653', 'annotations/alice/d_0123456789ab.json.lock', 'entities.json.lock'];
    await writeAll(dir, [...kept, ...ignored]);

    const check = git(dir, 'check-ignore', '--', ...kept, ...ignored);
    expect(check.stderr).toBe('');
    expect(check.stdout.split('\n').filter(Boolean).sort()).toEqual([...ignored].sort());
    // What `git add -A` would commit: the corpus, the .gitignore, and none of the leftovers.
    const add = git(dir, 'add', '-A', '--dry-run');
    expect(add.status).toBe(0);
    const added = add.stdout.split('\n').filter(Boolean).map((line) => line.replace(/^add '(.*)'$/, '$1'));
    expect(added.sort()).toEqual(['.gitignore', ...kept].sort());
  });

  it('is added when a project in git without one is opened, and a user\'s own is never rewritten', async () => {
    const repo = await tempDir();
    expect(git(repo, 'init', '-q').status).toBe(0);
    const dir = path.join(repo, 'corpora', 'k1');
    await cp(exampleProject, dir, { recursive: true });
    await new FactmarkService().openProject({ dir });
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(GITIGNORE_TEXT);

    await writeFile(path.join(dir, '.gitignore'), 'mine\n');
    await new FactmarkService().openProject({ dir });
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
  });

  it('is not written into a project outside git just for opening it', async () => {
    const dir = await copyProject(exampleProject);
    await new FactmarkService().openProject({ dir });
    expect(await readdir(dir)).not.toContain('.gitignore');
  });

  it('comes with the built-in sample project, the same as init writes', async () => {
    expect(await readFile(path.join(repoRoot, 'resources/sample-project/.gitignore'), 'utf8')).toBe(GITIGNORE_TEXT);
  });
});

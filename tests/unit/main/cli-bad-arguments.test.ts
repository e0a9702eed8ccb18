/**
 * Every command, given the arguments people get wrong (an --out that is a folder or
 * under a missing one, a device, a pipe, a /proc file, a folder that cannot be read, an
 * unknown option), says what is wrong in one line naming the file and exits 1 or 2: no
 * stack trace, no raw error object, and no hang (each run is killed after 15 seconds,
 * which fails its row).
 */
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factmarkAsync } from '../../helpers/cli.js';
import { exampleProject } from '../../helpers/paths.js';

interface Fixtures {
  root: string;
  project: string;
  plain: string;
  folder: string;
  /** A folder whose name says article: `import` must not take it for one. */
  folderTxt: string;
  fifo: string;
  /** A project whose factmark.json is a named pipe. */
  fifoProject: string;
  /** A folder no one may read (chmod 000), with a.txt inside. */
  locked: string;
  /** A project no one may read. */
  lockedProject: string;
  missing: string;
  /** A text file of 1,000,001 short lines, one over the limit. */
  manyLines: string;
}

interface Row {
  name: string;
  args: (f: Fixtures) => string[];
  code: 1 | 2;
  /** What the line must say: the file as given, and the problem. */
  says: (f: Fixtures) => string[];
  /** Where the line goes: stderr, except for validate's report of a broken project. */
  stream?: 'stdout';
  /** Rows about unreadable folders run as an unprivileged user (see below). */
  locked?: boolean;
}

const linux = process.platform === 'linux';
const runAsRoot = process.getuid?.() === 0;
/**
 * Root reads a chmod 000 folder anyway, and the tests run as root in CI: the rows about
 * unreadable folders then run as `nobody` (uid 65534), for whom it is unreadable.
 */
const lockedUser = runAsRoot ? { uid: 65534, gid: 65534 } : {};

const w3c = ['--format', 'w3c', '--annotator', 'alice'];
const projectCommands: { name: string; args: string[] }[] = [
  { name: 'stats', args: ['stats'] },
  { name: 'agree', args: ['agree', '--annotators', 'alice,bob'] },
  { name: 'suggest', args: ['suggest'] },
  { name: 'export', args: ['export', '--format', 'json'] },
  { name: 'import', args: ['import'] },
  { name: 'validate', args: ['validate'] },
  { name: 'sync', args: ['sync'] },
];
/** `<command> <dir> [its other arguments]` for each command that opens a project. */
const onProject = (command: { args: string[] }, dir: string, f: Fixtures) => {
  const [name, ...rest] = command.args as [string, ...string[]];
  return name === 'import' ? [name, dir, path.join(f.root, 'plain.txt'), ...rest] : [name, dir, ...rest];
};

const rows: Row[] = [
  // init
  { name: 'init under /proc', args: () => ['init', '/proc/factmark-test'], code: 2, says: () => ['/proc/factmark-test'] },
  { name: 'init on a plain file', args: (f) => ['init', f.plain], code: 2, says: (f) => [f.plain] },
  { name: 'init under a plain file', args: (f) => ['init', path.join(f.plain, 'p')], code: 2, says: (f) => [path.join(f.plain, 'p')] },
  { name: 'init on a named pipe', args: (f) => ['init', f.fifo], code: 2, says: (f) => [f.fifo] },
  { name: 'init on /dev/null', args: () => ['init', '/dev/null'], code: 2, says: () => ['/dev/null'] },
  { name: 'init in an unreadable folder', args: (f) => ['init', path.join(f.locked, 'p')], code: 2, says: (f) => [path.join(f.locked, 'p')], locked: true },
  { name: 'init with an unknown option', args: (f) => ['init', path.join(f.root, 'new'), '--bogus'], code: 2, says: () => ["unknown option '--bogus'"] },
  // import articles
  { name: 'import /dev/zero', args: (f) => ['import', f.project, '/dev/zero'], code: 1, says: () => ['/dev/zero'] },
  { name: 'import /proc/self/status', args: (f) => ['import', f.project, '/proc/self/status'], code: 1, says: () => ['/proc/self/status'] },
  { name: 'import a named pipe', args: (f) => ['import', f.project, f.fifo], code: 1, says: (f) => [f.fifo, 'named pipe'] },
  { name: 'import a folder', args: (f) => ['import', f.project, f.folderTxt], code: 1, says: (f) => [f.folderTxt, 'is a folder'] },
  { name: 'import an unreadable file', args: (f) => ['import', f.project, path.join(f.locked, 'a.txt')], code: 1, says: (f) => [path.join(f.locked, 'a.txt'), 'permission denied'], locked: true },
  { name: 'import a missing file', args: (f) => ['import', f.project, path.join(f.missing, 'a.txt')], code: 1, says: (f) => [path.join(f.missing, 'a.txt'), 'does not exist'] },
  { name: 'import a file of too many lines', args: (f) => ['import', f.project, f.manyLines], code: 1, says: (f) => [f.manyLines, '1,000,001 lines', 'up to 1,000,000 lines'] },
  { name: 'import with an unknown option', args: (f) => ['import', f.project, f.plain, '--bogus'], code: 2, says: () => ["unknown option '--bogus'"] },
  // import annotations
  { name: 'import --format from /dev/zero', args: (f) => ['import', f.project, ...w3c, '/dev/zero'], code: 1, says: () => ['/dev/zero', 'device'] },
  { name: 'import --format from /proc/self/status', args: (f) => ['import', f.project, ...w3c, '/proc/self/status'], code: 1, says: () => ['/proc/self/status'] },
  { name: 'import --format from a named pipe', args: (f) => ['import', f.project, ...w3c, f.fifo], code: 1, says: (f) => [f.fifo, 'named pipe'] },
  { name: 'import --format from an unreadable folder', args: (f) => ['import', f.project, '--format', 'brat', '--annotator', 'alice', f.locked], code: 1, says: (f) => [f.locked, 'permission denied'], locked: true },
  { name: 'import --format from a missing file', args: (f) => ['import', f.project, ...w3c, path.join(f.missing, 'a.json')], code: 1, says: (f) => [path.join(f.missing, 'a.json'), 'does not exist'] },
  { name: 'import --format of an unknown format', args: (f) => ['import', f.project, '--format', 'xml', f.plain], code: 2, says: () => ["'xml'"] },
  // export
  { name: 'export --out onto a folder', args: (f) => ['export', f.project, '--format', 'json', '--out', f.folder], code: 2, says: (f) => [f.folder, 'is a folder'] },
  { name: 'export --out under a missing folder', args: (f) => ['export', f.project, '--format', 'json', '--out', path.join(f.missing, 'x.json')], code: 2, says: (f) => [path.join(f.missing, 'x.json'), 'does not exist'] },
  { name: 'export --out under a plain file', args: (f) => ['export', f.project, '--format', 'json', '--out', path.join(f.plain, 'x.json')], code: 2, says: (f) => [path.join(f.plain, 'x.json'), `${f.plain} is a file, not a folder`] },
  { name: 'export --out onto /dev/full', args: (f) => ['export', f.project, '--format', 'json', '--out', '/dev/full'], code: 2, says: () => ['/dev/full', 'device'] },
  { name: 'export --out onto a named pipe', args: (f) => ['export', f.project, '--format', 'json', '--out', f.fifo], code: 2, says: (f) => [f.fifo, 'named pipe'] },
  { name: 'export --out into an unreadable folder', args: (f) => ['export', f.project, '--format', 'json', '--out', path.join(f.locked, 'x.json')], code: 2, says: (f) => [path.join(f.locked, 'x.json'), 'permission denied'], locked: true },
  { name: 'export with an unknown option', args: (f) => ['export', f.project, '--format', 'json', '--bogus'], code: 2, says: () => ["unknown option '--bogus'"] },
  // sync
  { name: 'sync --remote over plain http', args: (f) => ['sync', f.project, '--remote', 'http://example.org/team.git'], code: 2, says: () => ['--remote http://example.org/team.git', 'use https://'] },
  { name: 'sync --remote with a token in it', args: (f) => ['sync', f.project, '--remote', 'https://alice:secret@example.org/team.git'], code: 2, says: () => ['--remote', 'without it'] },
  { name: 'sync --choose without a side', args: (f) => ['sync', f.project, '--choose', 'c123'], code: 2, says: () => ['--choose "c123"', 'ID=ours'] },
  { name: 'sync a project with no remote', args: (f) => ['sync', f.project], code: 2, says: (f) => [f.project, 'give the address of its git remote'] },
  // every command that opens a project, on things that are not one
  ...projectCommands.flatMap((command): Row[] => [
    { name: `${command.name} on a plain file`, args: (f) => onProject(command, f.plain, f), code: 2, says: (f) => [f.plain, 'not a Factmark project'] },
    { name: `${command.name} on /dev/zero`, args: (f) => onProject(command, '/dev/zero', f), code: 2, says: () => ['/dev/zero', 'not a Factmark project'] },
    { name: `${command.name} on /proc/self`, args: (f) => onProject(command, '/proc/self', f), code: 2, says: () => ['not a Factmark project'] },
    { name: `${command.name} on a missing folder`, args: (f) => onProject(command, f.missing, f), code: 2, says: (f) => [f.missing, 'not a Factmark project'] },
    { name: `${command.name} on an unreadable project`, args: (f) => onProject(command, f.lockedProject, f), code: 2, says: (f) => [path.join(f.lockedProject, 'factmark.json'), 'permission denied'], locked: true },
    command.name === 'validate'
      ? // A broken project file is a finding of validate's report, on standard output.
        { name: 'validate on a project whose factmark.json is a named pipe', args: (f) => onProject(command, f.fifoProject, f), code: 1, says: () => ['factmark.json', 'named pipe'], stream: 'stdout' }
      : { name: `${command.name} on a project whose factmark.json is a named pipe`, args: (f) => onProject(command, f.fifoProject, f), code: 2, says: () => ['factmark.json', 'named pipe'] },
    { name: `${command.name} with an unknown option`, args: (f) => [...onProject(command, f.project, f), '--bogus'], code: 2, says: () => ["unknown option '--bogus'"] },
  ]),
];

let f: Fixtures;

beforeAll(async () => {
  if (!linux) return;
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-bad-arguments-'));
  // Open to the unprivileged user of the locked rows (mkdtemp makes it private).
  await chmod(root, 0o755);
  f = {
    root,
    project: path.join(root, 'project'),
    plain: path.join(root, 'plain.txt'),
    folder: path.join(root, 'folder'),
    folderTxt: path.join(root, 'folder.txt'),
    fifo: path.join(root, 'fifo.txt'),
    fifoProject: path.join(root, 'fifo-project'),
    locked: path.join(root, 'locked'),
    lockedProject: path.join(root, 'locked-project'),
    missing: path.join(root, 'missing'),
    manyLines: path.join(root, 'many-lines.txt'),
  };
  await cp(exampleProject, f.project, { recursive: true });
  await writeFile(f.plain, 'A plain file, not a folder.\n');
  await mkdir(f.folder);
  await mkdir(f.folderTxt);
  execFileSync('mkfifo', [f.fifo]);
  await mkdir(f.fifoProject);
  execFileSync('mkfifo', [path.join(f.fifoProject, 'factmark.json')]);
  await mkdir(f.locked);
  await writeFile(path.join(f.locked, 'a.txt'), 'An article no one may read.\n');
  await chmod(f.locked, 0o000);
  await cp(exampleProject, f.lockedProject, { recursive: true });
  await chmod(f.lockedProject, 0o000);
  await writeFile(f.manyLines, 'x\n'.repeat(1_000_001));
});

afterAll(async () => {
  if (!f) return;
  await chmod(f.locked, 0o755);
  await chmod(f.lockedProject, 0o755);
  await rm(f.root, { recursive: true, force: true });
});

// Linux only: the rows use /proc, /dev, named pipes and permissions as Linux has them.
describe.runIf(linux).concurrent('every command, given a bad argument', () => {
  it.each(rows)('$name: one line naming the file, exit $code', async (row) => {
    const run = await factmarkAsync(row.args(f), { timeoutMs: 15_000, ...(row.locked ? lockedUser : {}) });
    const where = `factmark ${row.args(f).join(' ')}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
    expect(run.timedOut, `hung: ${where}`).toBe(false);
    expect(run.code, where).toBe(row.code);
    const output = row.stream === 'stdout' ? run.stdout : run.stderr;
    if (row.stream !== 'stdout') expect(run.stderr, where).toMatch(/^[^\n]+\n$/);
    for (const text of row.says(f)) expect(output, where).toContain(text);
    // No stack frames, no raw error objects.
    expect(`${run.stdout}${run.stderr}`, where).not.toMatch(/^\s+at |\{ errno|\[Error|Error: E[A-Z]+:/m);
  }, 20_000);
});

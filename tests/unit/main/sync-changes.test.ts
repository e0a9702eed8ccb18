/**
 * Finding what changed in a project folder since the last commit without git's index
 * (main/sync/changes.ts): every real change is seen — in place, same size, even with its
 * old modification time put back — and nothing else: not an ignored file, not a save's
 * leftovers, not a file whose stat has not moved.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { blobId, changedFiles } from '../../../main/sync/changes.js';
import { commitLocalChanges, syncable } from '../../../main/sync/commit.js';
import { repoAt, resolve } from '../../../main/sync/repo.js';
import { treeOf } from '../../../main/sync/trees.js';
import { seedProject } from '../../helpers/sync-project.js';
import { tempDir } from '../../helpers/temp.js';

/** Dates every file of the folder (but .git) back to 2020: their stats are then trusted. */
function ageFiles(dir: string): void {
  const old = new Date('2020-01-01T00:00:00Z');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !full.includes(`${path.sep}.git${path.sep}`)) utimesSync(full, old, old);
  }
}

describe('local changes', () => {
  it('computes git\'s own blob ids', async () => {
    expect(blobId(Buffer.from('hello\n'))).toBe((await git.hashBlob({ object: Buffer.from('hello\n') })).oid);
  });

  it('sees each change, deletion and new file, even one in place with its old time put back; nothing ignored or left over', async () => {
    const dir = path.join(await tempDir(), 'p');
    const { ids } = await seedProject(dir, 3);
    const repo = repoAt(dir);
    await git.init({ fs: repo.fs, dir, defaultBranch: 'main' });
    await commitLocalChanges(repo, { name: 'alice', email: 'alice@factmark.invalid' }, new Date());
    const changes = async () => changedFiles(repoAt(dir), await treeOf(repo, (await resolve(repo, 'HEAD'))!), syncable);
    ageFiles(dir);
    expect([...(await changes())]).toEqual([]);
    // Now every file's blob id comes from the stat cache: a change must still be seen.
    const document = path.join(dir, 'documents', `${ids[0]}.json`);
    const before = statSync(document);
    writeFileSync(document, readFileSync(document, 'utf8').replace('"Article 0"', '"Article X"'));
    utimesSync(document, before.atime, before.mtime);
    expect(statSync(document).size).toBe(before.size);
    rmSync(path.join(dir, 'documents', `${ids[1]}.json`));
    writeFileSync(path.join(dir, 'notes.md'), 'a note\n');
    writeFileSync(path.join(dir, 'factmark.json.123456'), '{"half":');
    writeFileSync(path.join(dir, 'factmark.json.lock'), '{}');
    writeFileSync(path.join(dir, '.gitignore'), `${readFileSync(path.join(dir, '.gitignore'), 'utf8')}scratch/\n`);
    mkdirSync(path.join(dir, 'scratch'));
    writeFileSync(path.join(dir, 'scratch', 'mine.txt'), 'ignored\n');
    const expected = { [`documents/${ids[0]}.json`]: true, [`documents/${ids[1]}.json`]: false, 'notes.md': true, '.gitignore': true };
    expect(Object.fromEntries(await changes())).toEqual(expected);
    // Asked again (from the stat cache now): the same answer.
    expect(Object.fromEntries(await changes())).toEqual(expected);
  });
});

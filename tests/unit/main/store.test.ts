import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFactmarkError, type FactmarkError } from '../../../shared/errors.js';
import { sha256Text } from '../../../main/store/hash.js';
import { ProjectStore } from '../../../main/store/project-store.js';
import { validateProject } from '../../../main/store/validate.js';
import { EXAMPLE_DOC_ID, exampleFiles } from '../../helpers/example.js';
import { exampleProject, repoRoot } from '../../helpers/paths.js';
import { copyProject, tempDir } from '../../helpers/temp.js';

async function failure(run: () => Promise<unknown>): Promise<FactmarkError> {
  try {
    await run();
  } catch (error) {
    if (isFactmarkError(error)) return error;
    throw error;
  }
  throw new Error('expected a FactmarkError');
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('creating and opening projects', () => {
  it('creates the folder layout with the default label schema', async () => {
    const dir = path.join(await tempDir(), 'new project');
    const store = await ProjectStore.create(dir, { name: 'K-1 hand-over', now: new Date('2026-11-22T08:00:00Z') });
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'annotations', 'documents', 'factmark.json']);
    const manifest = JSON.parse(await readFile(path.join(dir, 'factmark.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'factmark-project', version: 1, name: 'K-1 hand-over', createdAt: '2026-11-22T08:00:00.000Z' });
    expect(manifest.labels.map((label: { id: string }) => label.id)).toEqual(['claim', 'entity', 'date']);
    expect((await ProjectStore.open(dir)).manifest).toEqual(store.manifest);
  });

  it('refuses a folder that is not empty or is a project already', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    expect((await failure(() => ProjectStore.create(dir))).code).toBe('ALREADY_EXISTS');
    expect((await failure(() => ProjectStore.create(exampleProject))).message).toContain('already a Factmark project');
  });

  it('says clearly when a folder is not a project', async () => {
    const error = await failure(() => ProjectStore.open(path.join(repoRoot, 'tests')));
    expect(error.code).toBe('NOT_A_PROJECT');
    expect(error.message).toContain('has no factmark.json');
  });

  it('reads the format-v1 example project completely', async () => {
    const store = await ProjectStore.open(exampleProject);
    expect(store.manifest.name).toBe('Example: K-1 hand-over');
    expect(await store.listDocumentIds()).toEqual([EXAMPLE_DOC_ID]);
    expect(await store.listAnnotators()).toEqual(['alice', 'bob']);
    expect((await store.readDocument(EXAMPLE_DOC_ID)).meta.title).toBe('Coalition leaves K-1 Air Base');
    const loaded = await store.readLayer(EXAMPLE_DOC_ID, 'alice');
    expect(loaded).toMatchObject({ exists: true, moved: [], unplaced: [] });
    expect(loaded.layer.spans).toHaveLength(8);
    expect((await store.readEntities()).entities[0]?.aliases).toContain('K-1');
    expect(await validateProject(exampleProject)).toEqual({ problems: [], filesChecked: 5 });
  });

  it('gives an empty, unsaved layer to an annotator who has not started', async () => {
    const store = await ProjectStore.open(exampleProject);
    const loaded = await store.readLayer(EXAMPLE_DOC_ID, 'carol');
    expect(loaded).toMatchObject({ exists: false, layer: { annotator: 'carol', status: 'not-started', spans: [] } });
  });
});

describe('writing layers', () => {
  it('round-trips a layer and writes nothing when nothing changed', async () => {
    const dir = await copyProject(exampleProject);
    const store = await ProjectStore.open(dir);
    const file = path.join(dir, exampleFiles.bob);
    const { layer, version } = await store.readLayer(EXAMPLE_DOC_ID, 'bob');
    const changed = { ...layer, status: 'done' as const, spans: layer.spans.slice(1) };
    const first = await store.writeLayer(changed, version);
    expect(first.written).toBe(true);
    expect((await store.readLayer(EXAMPLE_DOC_ID, 'bob')).layer).toEqual(changed);
    const before = await stat(file);
    expect(await store.writeLayer(changed, first.version)).toMatchObject({ written: false, version: first.version });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    // Stable key order and 2-space indentation, for readable diffs.
    const text = await readFile(file, 'utf8');
    expect(text).toBe(`${JSON.stringify(changed, null, 2)}\n`);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'document', 'documentSha256', 'annotator', 'status', 'updatedAt', 'spans', 'relations']);
  });

  it('keeps the document list\'s facts until a file changes, by whatever wrote it', async () => {
    const dir = await copyProject(exampleProject);
    const store = await ProjectStore.open(dir);
    expect(await store.layerSummary(EXAMPLE_DOC_ID, 'bob')).toEqual({ status: 'in-progress', spanCount: 5 });
    const { layer, version } = await store.readLayer(EXAMPLE_DOC_ID, 'bob');
    await store.writeLayer({ ...layer, status: 'done', spans: layer.spans.slice(2) }, version);
    expect(await store.layerSummary(EXAMPLE_DOC_ID, 'bob')).toEqual({ status: 'done', spanCount: 3 });
    // A colleague's change arriving through git or a shared drive: a new file in its place.
    const file = path.join(dir, exampleFiles.bob);
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(`${file}.tmp`, JSON.stringify({ ...onDisk, status: 'not-started', spans: [] }, null, 2));
    await rename(`${file}.tmp`, file);
    expect(await store.layerSummary(EXAMPLE_DOC_ID, 'bob')).toEqual({ status: 'not-started', spanCount: 0 });
    const before = await store.documentSummary(EXAMPLE_DOC_ID);
    expect(before.length).toBe([...JSON.parse(await readFile(path.join(dir, 'documents', `${EXAMPLE_DOC_ID}.json`), 'utf8')).text].length);
    await store.writeDocumentMeta(EXAMPLE_DOC_ID, { ...before.meta, title: 'Renamed' });
    expect((await store.documentSummary(EXAMPLE_DOC_ID)).meta.title).toBe('Renamed');
  });

  it('creates the folder of a new annotator', async () => {
    const dir = await copyProject(exampleProject);
    const store = await ProjectStore.open(dir);
    const { layer, version } = await store.readLayer(EXAMPLE_DOC_ID, 'carol');
    await store.writeLayer({ ...layer, status: 'in-progress' }, version);
    expect(await store.listAnnotators()).toEqual(['alice', 'bob', 'carol']);
  });

  it('reports a corrupt file (file, reason) and leaves it byte-for-byte untouched', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, exampleFiles.bob);
    const broken = Buffer.from((await readFile(file, 'utf8')).replace('"status": "in-progress",', '"status": "in-progress",,'));
    await writeFile(file, broken);
    const store = await ProjectStore.open(dir);
    const readError = await failure(() => store.readLayer(EXAMPLE_DOC_ID, 'bob'));
    expect(readError).toMatchObject({ code: 'PARSE_ERROR', details: { file: exampleFiles.bob } });
    expect(readError.message).toMatch(/is not valid JSON: .*\(line 7, column/);

    const alice = (await store.readLayer(EXAMPLE_DOC_ID, 'alice')).layer;
    const writeError = await failure(() => store.writeLayer({ ...alice, annotator: 'bob' }, null));
    expect(writeError.code).toBe('PARSE_ERROR');
    expect(writeError.message).toContain('not overwritten');
    expect(sha(await readFile(file))).toBe(sha(broken));
  });

  it('reports an invalid field with its JSON path and does not overwrite it', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, exampleFiles.alice);
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.spans[3].start = -4;
    const bytes = Buffer.from(JSON.stringify(json, null, 2));
    await writeFile(file, bytes);
    const store = await ProjectStore.open(dir);
    const error = await failure(() => store.readLayer(EXAMPLE_DOC_ID, 'alice'));
    expect(error).toMatchObject({ code: 'INVALID', details: { file: exampleFiles.alice, path: '$.spans[3].start' } });
    const empty = (await store.readLayer(EXAMPLE_DOC_ID, 'dave')).layer;
    await failure(() => store.writeLayer({ ...empty, annotator: 'alice' }, null));
    expect(sha(await readFile(file))).toBe(sha(bytes));
  });

  it('refuses files from a newer Factmark and never rewrites them', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, exampleFiles.alice);
    const json = JSON.parse(await readFile(file, 'utf8'));
    const bytes = Buffer.from(JSON.stringify({ ...json, version: 2 }, null, 2));
    await writeFile(file, bytes);
    const store = await ProjectStore.open(dir);
    const error = await failure(() => store.readLayer(EXAMPLE_DOC_ID, 'alice'));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain('version 2');
    const layer = (await store.readLayer(EXAMPLE_DOC_ID, 'bob')).layer;
    expect((await failure(() => store.writeLayer({ ...layer, annotator: 'alice' }, null))).code).toBe('NEWER_VERSION');
    expect(sha(await readFile(file))).toBe(sha(bytes));

    const manifestFile = path.join(dir, 'factmark.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, version: 3 }));
    expect((await failure(() => ProjectStore.open(dir))).code).toBe('NEWER_VERSION');
  });

  it('loses nothing when the process dies between writing and renaming', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, exampleFiles.alice);
    const before = await readFile(file);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/crash-during-write.ts'), dir, EXAMPLE_DOC_ID, 'alice'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('unreachable');
    // The old file is intact; the new content sits in a temporary file next to it, and
    // the dead writer's lock is still there.
    expect(sha(await readFile(file))).toBe(sha(before));
    const leftovers = (await readdir(path.dirname(file))).filter((name) => name !== `${EXAMPLE_DOC_ID}.json`).sort();
    expect(leftovers).toHaveLength(2);
    expect(leftovers[0]).toMatch(new RegExp(`^${EXAMPLE_DOC_ID}\\.json\\.\\d+$`));
    expect(leftovers[1]).toBe(`${EXAMPLE_DOC_ID}.json.lock`);
    expect(JSON.parse(await readFile(path.join(path.dirname(file), leftovers[0]!), 'utf8'))).toMatchObject({ status: 'done' });
    // The project still opens, the leftover is ignored (validate names it, as a warning),
    // and the next save works.
    const store = await ProjectStore.open(dir);
    expect(await store.listLayerIds('alice')).toEqual([EXAMPLE_DOC_ID]);
    expect((await validateProject(dir)).problems).toEqual([
      { file: path.join(path.dirname(exampleFiles.alice), leftovers[0]!), severity: 'warning', message: expect.stringContaining('left by an interrupted save; safe to delete') },
      { file: path.join(path.dirname(exampleFiles.alice), leftovers[1]!), severity: 'warning', message: expect.stringContaining('left by an interrupted save; safe to delete') },
    ]);
    const { layer, version } = await store.readLayer(EXAMPLE_DOC_ID, 'alice');
    expect((await store.writeLayer({ ...layer, status: 'in-progress' }, version)).written).toBe(true);
  });
});

describe('documents', () => {
  it('refuses a document whose text no longer matches its sha256', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, 'documents', `${EXAMPLE_DOC_ID}.json`);
    const json = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...json, text: json.text.replace('300', '400') }, null, 2));
    const error = await failure(async () => (await ProjectStore.open(dir)).readDocument(EXAMPLE_DOC_ID));
    expect(error).toMatchObject({ code: 'INVALID', details: { path: '$.sha256' } });
  });

  it('never replaces an existing document', async () => {
    const dir = await copyProject(exampleProject);
    const store = await ProjectStore.open(dir);
    const doc = await store.readDocument(EXAMPLE_DOC_ID);
    expect((await failure(() => store.addDocument(doc))).code).toBe('ALREADY_EXISTS');
  });
});

describe('re-anchoring when a layer was made against another text', () => {
  it('moves spans to their quotes, keeps and reports the ones that cannot be placed', async () => {
    const dir = await copyProject(exampleProject);
    const store = await ProjectStore.open(dir);
    const original = await store.readDocument(EXAMPLE_DOC_ID);
    // The same article re-imported with a dateline in front and one sentence reworded.
    const text = `KIRKUK, Iraq — ${original.text.replace('equipment worth $1.1 million stayed behind', 'some equipment stayed behind')}`;
    const newSha = sha256Text(text);
    const newId = `d_${newSha.slice(0, 12)}`;
    await store.addDocument({ ...original, id: newId, sha256: newSha, text });
    const old = JSON.parse(await readFile(path.join(dir, exampleFiles.alice), 'utf8'));
    await mkdir(path.join(dir, 'annotations/alice'), { recursive: true });
    await writeFile(path.join(dir, 'annotations/alice', `${newId}.json`), JSON.stringify({ ...old, document: newId }, null, 2));

    const loaded = await store.readLayer(newId, 'alice');
    expect(loaded.unplaced).toEqual(['s_a6']);
    expect(loaded.moved.map((move) => move.id)).toEqual(['s_a1', 's_a2', 's_a3', 's_a4', 's_a5', 's_a7', 's_a8']);
    const shift = [...'KIRKUK, Iraq — '].length;
    expect(loaded.moved[0]).toEqual({ id: 's_a1', from: { start: 52, end: 64 }, to: { start: 52 + shift, end: 64 + shift } });
    expect(loaded.layer.spans).toHaveLength(8);
    expect(loaded.layer.spans.find((span) => span.id === 's_a6')).toEqual(old.spans[5]);
    for (const span of loaded.layer.spans.filter((s) => s.id !== 's_a6')) expect([...text].slice(span.start, span.end).join('')).toBe(span.quote.exact);
  });
});

/**
 * Sync against a real git server: the system's `git http-backend` behind a small HTTP
 * server on 127.0.0.1 (tests/helpers/git-server.ts), two or three clones of one project,
 * real files. What arrives on the server is read back with the system's git.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFactmarkError } from '../../../shared/errors.js';
import { corpusFileKind, checkCorpusFile } from '../../../shared/merge/corpus-files.js';
import type { AnnotationLayer } from '../../../shared/model/annotations.js';
import { ProjectStore } from '../../../main/store/project-store.js';
import { cloneProject } from '../../../main/sync/clone.js';
import { CredentialStore } from '../../../main/sync/credentials.js';
import { syncFolder, type SyncOptions } from '../../../main/sync/engine.js';
import { spanHistory } from '../../../main/sync/history.js';
import { syncStatus } from '../../../main/sync/status.js';
import { startGitServer, type GitServer } from '../../helpers/git-server.js';
import { addSpan, projectFiles, seedProject, serverFiles, serverLog, wordSpan } from '../../helpers/sync-project.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'team-token-1234';
let server: GitServer;
let credentials: CredentialStore;
let repoCount = 0;

beforeAll(async () => {
  server = await startGitServer({ root: path.join(await tempDir('factmark-git-'), 'server'), token: TOKEN });
  credentials = await CredentialStore.load(null, { env: { FACTMARK_GIT_TOKEN: TOKEN } });
});
afterAll(async () => server.close());

/** A new repository on the server, alice's project attached to it, and bob's clone. */
async function team(documents = 3) {
  const name = `team${++repoCount}`;
  await server.createRepo(name);
  const url = server.url(name);
  const root = await tempDir();
  const alice = path.join(root, 'alice');
  const { ids } = await seedProject(alice, documents);
  const sync = (dir: string, annotator: string, extra: Partial<SyncOptions> = {}) => syncFolder(dir, { annotator, credentials, ...extra });
  const first = await sync(alice, 'alice', { remote: url });
  const bob = path.join(root, 'bob');
  await cloneProject(bob, url, credentials);
  return { name, url, root, alice, bob, ids, first, sync, repoDir: server.repoDir(name) };
}

async function layerOf(dir: string, documentId: string, annotator: string): Promise<AnnotationLayer> {
  return (await (await ProjectStore.open(dir)).readLayer(documentId, annotator)).layer;
}

describe('sync through a real git server', () => {
  it('attaches a project to an empty remote, with a readable first commit, and clones it whole', async () => {
    const { alice, bob, first, repoDir } = await team(2);
    expect(first).toMatchObject({ outcome: 'synced', sent: true, received: 0 });
    expect(first.committed).toBe('alice: project shared; 2 documents imported');
    expect(serverLog(repoDir)).toEqual(['alice|alice: project shared; 2 documents imported']);
    expect(serverFiles(repoDir)).toEqual(expect.arrayContaining(['.gitignore', 'factmark.json']));
    expect(projectFiles(bob)).toEqual(projectFiles(alice));
  });

  it('commits each annotator\'s work with a message saying what changed, and merges parallel work', async () => {
    const { alice, bob, ids, sync, repoDir } = await team(3);
    const [a, b] = [await ProjectStore.open(alice), await ProjectStore.open(bob)];
    for (const [i, id] of ids.entries()) await addSpan(a, id, 'alice', (text) => wordSpan(text, i, 'claim', `a${i}`));
    await addSpan(a, ids[0]!, 'alice', (text) => wordSpan(text, 9, 'entity', 'a9'));
    await addSpan(b, ids[1]!, 'bob', (text) => wordSpan(text, 4, 'date', 'b1'));
    expect((await sync(alice, 'alice')).committed).toBe('alice: 3 documents, 4 spans changed');
    const bobs = await sync(bob, 'bob');
    expect(bobs).toMatchObject({ outcome: 'synced', committed: 'bob: 1 document, 1 span changed', sent: true });
    expect(bobs.received).toBeGreaterThan(0);
    await sync(alice, 'alice');
    expect(projectFiles(bob)).toEqual(projectFiles(alice));
    expect((await layerOf(alice, ids[1]!, 'bob')).spans.map((span) => span.id)).toEqual(['b1']);
    expect((await layerOf(bob, ids[0]!, 'alice')).spans.map((span) => span.id).sort()).toEqual(['a0', 'a9']);
    expect(serverLog(repoDir)[0]).toMatch(/^bob\|bob: merged alice's changes|^bob\|bob: 1 document/);
  });

  it('merges one annotator\'s layer edited on two machines, span by span', async () => {
    const { alice, ids, sync, root, url } = await team(1);
    const laptop = path.join(root, 'alice-laptop');
    await cloneProject(laptop, url, credentials);
    await addSpan(await ProjectStore.open(alice), ids[0]!, 'alice', (text) => wordSpan(text, 1, 'claim', 'desk'));
    await addSpan(await ProjectStore.open(laptop), ids[0]!, 'alice', (text) => wordSpan(text, 2, 'entity', 'lap'));
    await sync(alice, 'alice');
    await sync(laptop, 'alice');
    await sync(alice, 'alice');
    for (const dir of [alice, laptop]) expect((await layerOf(dir, ids[0]!, 'alice')).spans.map((span) => span.id).sort()).toEqual(['desk', 'lap']);
    expect(projectFiles(laptop)).toEqual(projectFiles(alice));
  });

  it('stops at a true conflict with nothing written, shows both versions, and applies the choice', async () => {
    const { alice, bob, sync } = await team(1);
    const rename = async (dir: string, name: string) => {
      const store = await ProjectStore.open(dir);
      await store.writeManifest({ ...store.manifest, labels: store.manifest.labels.map((label) => (label.id === 'claim' ? { ...label, name } : label)) });
    };
    await rename(alice, 'Assertion');
    await rename(bob, 'Statement');
    await sync(alice, 'alice');
    const before = projectFiles(bob);
    const stopped = await sync(bob, 'bob');
    expect(stopped.outcome).toBe('conflicts');
    expect(stopped.sent).toBe(false);
    expect(stopped.conflicts).toMatchObject([{ file: 'factmark.json', kind: 'value', where: 'Label “Statement” › name', ours: 'Statement', theirs: 'Assertion', base: 'Claim' }]);
    // Nothing in the folder changed; the status keeps the conflict for the app to show.
    expect(projectFiles(bob)).toEqual(before);
    expect((await syncStatus(bob, credentials, false)).conflicts.map((conflict) => conflict.id)).toEqual([stopped.conflicts[0]!.id]);
    const done = await sync(bob, 'bob', { resolutions: { [stopped.conflicts[0]!.id]: 'theirs' } });
    expect(done).toMatchObject({ outcome: 'synced', sent: true, conflicts: [] });
    expect((await syncStatus(bob, credentials, false)).conflicts).toEqual([]);
    await sync(alice, 'alice');
    for (const dir of [alice, bob]) expect((await ProjectStore.open(dir)).manifest.labels.find((label) => label.id === 'claim')?.name).toBe('Assertion');
    expect(projectFiles(bob)).toEqual(projectFiles(alice));
  });

  it('works offline: commits here, says so, and sends everything at the next sync', async () => {
    const { alice, bob, ids, sync } = await team(2);
    await server.goOffline();
    try {
      await addSpan(await ProjectStore.open(alice), ids[0]!, 'alice', (text) => wordSpan(text, 3, 'claim', 'off1'));
      const offline = await sync(alice, 'alice');
      expect(offline).toMatchObject({ outcome: 'offline', committed: 'alice: 1 document, 1 span changed', sent: false });
      await addSpan(await ProjectStore.open(alice), ids[1]!, 'alice', (text) => wordSpan(text, 5, 'date', 'off2'));
      expect((await sync(alice, 'alice')).outcome).toBe('offline');
      const status = await syncStatus(alice, credentials, false);
      expect(status).toMatchObject({ offline: true, ahead: 2, error: null });
    } finally {
      await server.goOnline();
    }
    const online = await sync(alice, 'alice');
    expect(online).toMatchObject({ outcome: 'synced', sent: true, committed: null });
    expect(await syncStatus(alice, credentials, false)).toMatchObject({ offline: false, ahead: 0, behind: 0 });
    await sync(bob, 'bob');
    expect((await layerOf(bob, ids[0]!, 'alice')).spans.map((span) => span.id)).toEqual(['off1']);
    expect((await layerOf(bob, ids[1]!, 'alice')).spans.map((span) => span.id)).toEqual(['off2']);
  });

  it('retries when another push lands first, losing no one\'s commit', async () => {
    const { alice, bob, ids, sync, name } = await team(2);
    await addSpan(await ProjectStore.open(alice), ids[0]!, 'alice', (text) => wordSpan(text, 1, 'claim', 'race-a'));
    await addSpan(await ProjectStore.open(bob), ids[1]!, 'bob', (text) => wordSpan(text, 2, 'claim', 'race-b'));
    // Alice's push is held at the server's door while bob syncs and pushes first.
    let held = false;
    server.beforeRequest = async (request) => {
      if (held || request !== `POST /${name}.git/git-receive-pack`) return;
      held = true;
      await sync(bob, 'bob');
    };
    const pushesBefore = server.log.filter((line) => line.endsWith('git-receive-pack') && line.startsWith('POST')).length;
    try {
      expect(await sync(alice, 'alice')).toMatchObject({ outcome: 'synced', sent: true });
    } finally {
      server.beforeRequest = null;
    }
    // Alice's first push, refused; bob's; alice's again, after taking bob's in.
    expect(server.log.filter((line) => line.endsWith('git-receive-pack') && line.startsWith('POST')).length - pushesBefore).toBe(3);
    await sync(bob, 'bob');
    expect(projectFiles(bob)).toEqual(projectFiles(alice));
    expect((await layerOf(alice, ids[1]!, 'bob')).spans.map((span) => span.id)).toEqual(['race-b']);
    expect((await layerOf(bob, ids[0]!, 'alice')).spans.map((span) => span.id)).toEqual(['race-a']);
  });

  it('keeps a save made while the sync runs, merged with what arrived, and refuses a save based on the older version', async () => {
    const { alice, ids, sync, root, url, name } = await team(1);
    const laptop = path.join(root, 'alice-laptop');
    await cloneProject(laptop, url, credentials);
    await addSpan(await ProjectStore.open(laptop), ids[0]!, 'alice', (text) => wordSpan(text, 2, 'entity', 'lap'));
    await sync(laptop, 'alice');
    const desk = await ProjectStore.open(alice);
    await addSpan(desk, ids[0]!, 'alice', (text) => wordSpan(text, 1, 'claim', 'desk'));
    // The app saves again while the sync fetches (after it has committed): a real save, through the store.
    let stampDuringSync: string | null = null;
    server.beforeRequest = async (request) => {
      if (stampDuringSync !== null || request !== `POST /${name}.git/git-upload-pack`) return;
      await addSpan(desk, ids[0]!, 'alice', (text) => wordSpan(text, 5, 'date', 'late'));
      stampDuringSync = (await desk.readLayer(ids[0]!, 'alice')).version;
    };
    try {
      const result = await sync(alice, 'alice');
      expect(result.notes.join('\n')).toMatch(/was changed here while syncing; both changes are kept/);
    } finally {
      server.beforeRequest = null;
    }
    expect((await layerOf(alice, ids[0]!, 'alice')).spans.map((span) => span.id).sort()).toEqual(['desk', 'lap', 'late']);
    // A window that read the layer before the sync wrote it cannot save over it: it must merge (as a save conflict).
    const { layer } = await desk.readLayer(ids[0]!, 'alice');
    const stale = await desk.writeLayer({ ...layer, spans: [] }, stampDuringSync).catch((error: unknown) => error);
    expect(isFactmarkError(stale, 'CONFLICT')).toBe(true);
    // The late span goes out with the next sync.
    await sync(alice, 'alice');
    await sync(laptop, 'alice');
    expect((await layerOf(laptop, ids[0]!, 'alice')).spans.map((span) => span.id).sort()).toEqual(['desk', 'lap', 'late']);
  });

  it('never commits what an interrupted save leaves, nor a file Factmark cannot read', async () => {
    const { alice, ids, sync, repoDir } = await team(1);
    // A project whose .gitignore lacks Factmark's lines.
    writeFileSync(path.join(alice, '.gitignore'), 'notes/\n');
    const layerFile = path.join(alice, 'annotations', 'alice', `${ids[0]}.json`);
    await addSpan(await ProjectStore.open(alice), ids[0]!, 'alice', (text) => wordSpan(text, 1, 'claim', 's1'));
    writeFileSync(`${layerFile}.123456`, '{"half": ');
    writeFileSync(`${layerFile}.lock`, '{}');
    writeFileSync(path.join(alice, 'entities.json'), '{ "format": "factmark-entities", "version": 1, "entities": [ }');
    const result = await sync(alice, 'alice');
    expect(result.notes.join('\n')).toMatch(/entities\.json was not synced: entities\.json is not valid JSON/);
    const files = serverFiles(repoDir);
    expect(files).toContain(`annotations/alice/${ids[0]}.json`);
    expect(files.filter((file) => /\.json\.(\d+|lock)$/.test(file) || file === 'entities.json')).toEqual([]);
  });

  it('refuses a token the server does not take, and a remote that is not https', async () => {
    const { alice } = await team(1);
    const wrong = await CredentialStore.load(null, { env: { FACTMARK_GIT_TOKEN: 'wrong' } });
    const refused = await syncFolder(alice, { annotator: 'alice', credentials: wrong }).catch((error: unknown) => error);
    expect(isFactmarkError(refused, 'AUTH')).toBe(true);
    expect((await syncStatus(alice, credentials, false)).error).toMatchObject({ code: 'AUTH' });
    const none = await syncFolder(alice, { annotator: 'alice', credentials: null }).catch((error: unknown) => error);
    expect(isFactmarkError(none, 'AUTH')).toBe(true);
    for (const remote of ['http://example.org/team.git', `http://alice:${TOKEN}@127.0.0.1:1/x.git`, 'ftp://127.0.0.1/x.git']) {
      const error = await syncFolder(alice, { annotator: 'alice', credentials, remote }).catch((caught: unknown) => caught);
      expect(isFactmarkError(error, 'BAD_INPUT'), remote).toBe(true);
    }
  });

  it('tells who created and changed a span, and when, from the history of its layer file', async () => {
    const { alice, ids, sync } = await team(1);
    const store = await ProjectStore.open(alice);
    await addSpan(store, ids[0]!, 'alice', (text) => wordSpan(text, 1, 'claim', 'h1'));
    await sync(alice, 'alice');
    await store.updateLayer(ids[0]!, 'alice', ({ layer }) => ({ ...layer, spans: layer.spans.map((span) => ({ ...span, note: 'checked', attributes: { verdict: 'true' } })) }));
    await sync(alice, 'alice');
    await store.updateLayer(ids[0]!, 'alice', ({ layer }) => ({ ...layer, spans: layer.spans.map((span) => ({ ...span, label: 'entity', attributes: {} })) }));
    const history = await spanHistory(alice, ids[0]!, 'alice', 'h1');
    expect(history.tracked).toBe(true);
    expect(history.entries.map((entry) => [entry.what, entry.by, entry.fields, entry.commit === null])).toEqual([
      ['created', 'alice', [], false],
      ['changed', 'alice', ['note', 'verdict'], false],
      ['changed', 'alice', ['label', 'verdict'], true],
    ]);
  });

  it('leaves every file of both clones valid and identical', async () => {
    const { alice, bob, ids, sync } = await team(2);
    await addSpan(await ProjectStore.open(alice), ids[0]!, 'alice', (text) => wordSpan(text, 1, 'claim', 'v1'));
    await addSpan(await ProjectStore.open(bob), ids[0]!, 'bob', (text) => wordSpan(text, 2, 'claim', 'v2'));
    await sync(alice, 'alice');
    await sync(bob, 'bob');
    await sync(alice, 'alice');
    const files = projectFiles(alice);
    expect(projectFiles(bob)).toEqual(files);
    for (const [file, text] of files) {
      const kind = corpusFileKind(file);
      if (kind === 'other' || kind === 'gitignore') continue;
      expect(checkCorpusFile(kind, file, text).ok, file).toBe(true);
    }
    expect(execFileSync('git', ['-C', bob, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
    expect(readFileSync(path.join(bob, '.gitignore'), 'utf8')).toMatch(/\*\.json\.lock/);
  });
});

/**
 * The api the renderer reaches (over HTTP here; IPC carries the same methods and
 * schemas) takes no file path but project folders. Every call that carries one is
 * refused, and the files it names are untouched: not written, not read into the
 * project. Paths are for the host alone (the CLI, the desktop's own dialogs).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../../shared/api-methods.js';
import { FactmarkService } from '../../../main/service.js';
import { TOKEN_HEADER, startWebServer, type WebServer } from '../../../main/web.js';
import { exampleProject } from '../../helpers/paths.js';
import { copyProject, tempDir } from '../../helpers/temp.js';

let server: WebServer;
let service: FactmarkService;
let project: string;
/** A folder outside the project, standing for /etc or a user's documents. */
let outside: string;
let sentinel: string;
let secretArticle: string;
let secretAnnotations: string;

beforeAll(async () => {
  project = await copyProject(exampleProject);
  outside = await tempDir('factmark-outside-');
  sentinel = path.join(outside, 'sentinel.json');
  await writeFile(sentinel, '{"precious": true}\n');
  // An old time: any write would move it.
  await utimes(sentinel, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
  secretArticle = path.join(outside, 'secret.txt');
  await writeFile(secretArticle, 'A secret article that must not come into the project.\n');
  // Annotations that would land in the project if they were read: alice's own, as W3C.
  secretAnnotations = path.join(outside, 'annotations', 'alice.jsonl');
  await mkdir(path.dirname(secretAnnotations));
  const exporter = new FactmarkService();
  await exporter.openProject({ dir: exampleProject });
  await exporter.exportToFile(secretAnnotations, { format: 'w3c-jsonl', annotators: ['alice'] });

  const rendererDir = await tempDir();
  service = new FactmarkService();
  await service.openProject({ dir: project });
  server = await startWebServer({ service, rendererDir });
});
afterAll(() => server.close());

const post = async (method: string, body: unknown) => {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
};

/** Every file under `dir` with a hash of its bytes and its modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const info = await stat(file);
    out[path.relative(dir, file)] = entry.isFile() ? `${createHash('sha256').update(await readFile(file)).digest('hex')} ${info.mtimeMs}` : 'folder';
  }
  return out;
}

describe('paths through the api', () => {
  it('refuses the calls that once wrote or read files outside the project, and touches nothing', async () => {
    const before = { outside: await snapshot(outside), project: await snapshot(project) };

    // exportCorpus with a path emptied an unrelated file.
    const exported = await post('exportCorpus', { format: 'factmark-json', path: sentinel });
    expect(exported.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('exportCorpus does not take "path"') } });
    // importFiles read a file outside the project: it is no longer a method of the api.
    const imported = await post('importFiles', { paths: [secretArticle] });
    expect(imported.status).toBe(404);
    expect(imported.body.error?.message).toBe('Unknown method "importFiles"');
    // importAnnotations read every file under a folder (/etc).
    for (const paths of [[outside], [secretAnnotations]]) {
      const annotations = await post('importAnnotations', { format: 'w3c', annotator: 'mallory', paths });
      expect(annotations.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('importAnnotations does not take "paths"') } });
    }
    // Not even beside files the call may carry.
    const both = await post('importAnnotations', { format: 'w3c', annotator: 'mallory', paths: [secretAnnotations], files: [{ name: 'x.jsonl', data: '' }] });
    expect(both.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    expect(await snapshot(outside)).toEqual(before.outside);
    expect(await snapshot(project)).toEqual(before.project);
    expect((await service.getProject({}))?.annotators).toEqual(['alice', 'bob']);
    expect(await service.documentIds()).toHaveLength(1);
  });

  it('refuses a path, under any name, on every method, and touches nothing', async () => {
    const before = { outside: await snapshot(outside), project: await snapshot(project) };
    for (const method of API_METHOD_NAMES) {
      const response = await post(method, { path: sentinel, paths: [sentinel], file: sentinel, out: sentinel });
      expect(response.body, method).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining(`${method} does not take "path", "paths", "file", "out"`) } });
      expect(response.body.error?.message, method).toContain('only where you choose them');
    }
    expect(await snapshot(outside)).toEqual(before.outside);
    expect(await snapshot(project)).toEqual(before.project);
  });

  it('writes an export nowhere when asked over HTTP: the browser downloads it', async () => {
    const before = { outside: await snapshot(outside), project: await snapshot(project) };
    const response = await post('exportCorpus', { format: 'factmark-json' });
    expect(response.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('the browser downloads it') } });
    expect(await snapshot(outside)).toEqual(before.outside);
    expect(await snapshot(project)).toEqual(before.project);
  });

  it('does not carry the host-only methods that take paths', async () => {
    for (const method of ['importFilesAt', 'importAnnotationsAt', 'exportToFile', 'syncProjectAs', 'constructor', '__proto__']) {
      expect((await post(method, { path: sentinel })).status, method).toBe(404);
      await expect(service.call(method as never, {}), method).rejects.toMatchObject({ code: 'BAD_INPUT', message: `Unknown method "${method}"` });
    }
    expect(await readFile(sentinel, 'utf8')).toBe('{"precious": true}\n');
  });
});

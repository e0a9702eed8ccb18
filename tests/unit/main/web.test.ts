import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { TOKEN_HEADER, startWebServer, type WebServer } from '../../../main/web.js';
import { exampleProject, repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';
import { writeBenchProject } from '../../../bench/corpus.js';
import { mkdir, writeFile } from 'node:fs/promises';

let server: WebServer;
let base: string;

beforeAll(async () => {
  const rendererDir = path.join(await tempDir(), 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Factmark</title>');
  const service = new FactmarkService();
  await service.openProject({ dir: exampleProject });
  server = await startWebServer({ service, rendererDir });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

const post = (method: string, body: unknown, token: string | null = server.token) =>
  fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) }, body: JSON.stringify(body) });

describe('browser mode server', () => {
  it('prints an address on 127.0.0.1 with a random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(server.token).not.toBe(new URL(server.url).port);
  });

  it('answers api calls that carry the token', async () => {
    const response = await post('listDocuments', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, result: [{ id: 'd_827ea7de7a88' }] });
  });

  it('refuses calls without the right token, unknown methods and bad params', async () => {
    expect((await post('listDocuments', {}, null)).status).toBe(403);
    expect((await post('listDocuments', {}, `${server.token.slice(1)}x`)).status).toBe(403);
    expect((await post('rmRf', {})).status).toBe(404);
    expect(await (await post('getDocument', { documentId: '../x', annotator: 'a' })).json()).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    const broken = await fetch(`${base}/api/getProject`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: '{oops' });
    expect(broken.status).toBe(400);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number | undefined>((resolve) => {
      http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: `evil.example:${server.port}` } }, (response) => resolve(response.statusCode));
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    for (const escape of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/package.json', `/${encodeURIComponent(path.join(repoRoot, 'package.json'))}`]) {
      expect((await fetch(`${base}${escape}`)).status, escape).toBe(404);
    }
  });

  it('streams the corpus download to a caller with the token', async () => {
    expect((await fetch(`${base}/download/corpus.json`)).status).toBe(403);
    const response = await fetch(`${base}/download/corpus.json?token=${server.token}`);
    expect(response.headers.get('content-disposition')).toContain('filename="example-k-1-hand-over.json"');
    expect((await response.json()).documents).toHaveLength(1);
    const w3c = await fetch(`${base}/download/corpus.json?token=${server.token}&format=w3c`);
    expect(w3c.headers.get('content-disposition')).toContain('filename="example-k-1-hand-over.w3c.jsonld"');
    expect((await w3c.json()).first.items).toHaveLength(13);
    expect((await fetch(`${base}/download/corpus.json?token=${server.token}&format=xml`)).status).toBe(400);
  });

  it('stops the export when the browser drops the download, and says it stopped', async () => {
    const dir = path.join(await tempDir(), 'big');
    await writeBenchProject(dir, Array.from({ length: 20 }, (_, i) => ({ name: `Article ${i}`, bytes: 30_000, spans: 1_000, seed: i })), 'alice');
    const service = new FactmarkService();
    await service.openProject({ dir });
    const big = await startWebServer({ service, rendererDir: path.join(await tempDir()) });
    try {
      const abort = new AbortController();
      const response = await fetch(`http://127.0.0.1:${big.port}/download/corpus.json?token=${big.token}&format=w3c-jsonl`, { signal: abort.signal });
      const reader = response.body!.getReader();
      await reader.read();
      abort.abort();
      await expect.poll(async () => (await service.getExportProgress({}))?.finished, { timeout: 10_000 }).toBe(true);
      const progress = await service.getExportProgress({});
      expect(progress).toMatchObject({ failed: 'stopped before the end', total: 20 });
      expect(progress!.done).toBeLessThan(20);
    } finally {
      await big.close();
    }
  });
});

/**
 * Importing from web addresses, against a web server of the test's own on 127.0.0.1:
 * the page, redirects (to http and to other schemes), 404, a picture, a page with no
 * article, a server that never answers, a page over the limit, a PDF, and a port where
 * nothing listens.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWebAddress } from '../../../main/importers/web-page.js';
import { FactmarkService } from '../../../main/service.js';
import { MAX_WEB_PAGE_BYTES } from '../../../shared/limits.js';
import { articlePages, makePdf } from '../../helpers/pdf-writer.js';
import { repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const page = readFileSync(path.join(repoRoot, 'tests/fixtures/import/news-page.html'));
const pdf = makePdf(articlePages([['The ministry said on Monday that 1,200 people remain in shelters along the coast road.']], { title: 'Flood statement' }));

let server: Server;
let base: string;
let closedPort: number;
const hanging = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = request.url ?? '/';
    const send = (status: number, type: string, body: string | Buffer) => response.writeHead(status, { 'content-type': type }).end(body);
    if (route === '/story') send(200, 'text/html; charset=utf-8', page);
    else if (route === '/old-address') response.writeHead(301, { location: '/story' }).end();
    else if (route === '/loop') response.writeHead(302, { location: '/loop' }).end();
    else if (route === '/to-file') response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (route === '/photo') send(200, 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff]));
    else if (route === '/menu') send(200, 'text/html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
    else if (route === '/statement.pdf') send(200, 'application/pdf', pdf);
    else if (route === '/unlabelled') send(200, 'application/octet-stream', pdf);
    else if (route === '/slow') hanging.add(response); // never answers
    else if (route === '/huge') {
      // No Content-Length: only counting the bytes as they come stops it.
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(256 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (sent < MAX_WEB_PAGE_BYTES * 2) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      response.write('<html><body><p>');
      more();
      response.on('close', () => (sent = Number.POSITIVE_INFINITY));
    } else if (route === '/down') send(503, 'text/plain', 'down for maintenance');
    else send(404, 'text/html', '<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was free a moment ago, where nothing listens now.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('importing from a web address', () => {
  it('fetches the page, extracts its article, and keeps the address and when it was fetched', async () => {
    const service = new FactmarkService({ now: () => NOW });
    await service.createProject({ dir: path.join(await tempDir(), 'p') });
    const [outcome] = await service.importUrls({ urls: [`${base}/old-address`], importedBy: 'alice' });
    expect(outcome).toMatchObject({ file: `${base}/old-address`, status: 'imported', title: 'Relief convoy reaches flood-hit Ras Zahrun' });
    const [doc] = await service.listDocuments({});
    expect(doc?.meta).toMatchObject({
      title: 'Relief convoy reaches flood-hit Ras Zahrun',
      author: 'Marguerite Ashdell',
      // The page's own canonical address; where it was fetched from is kept apart.
      url: 'https://example.com/harbour-ledger/convoy-reaches-ras-zahrun',
      source: { retrievedFrom: `${base}/old-address`, retrievedAt: NOW.toISOString(), file: 'story.html' },
    });
    const { document } = await service.getDocument({ documentId: doc!.id, annotator: 'alice' });
    expect(document.text).toContain('The first relief convoy to reach Ras Zahrun');
  });

  it('reads a PDF at an address, by its type or, unlabelled, by its first bytes', async () => {
    for (const route of ['/statement.pdf', '/unlabelled']) {
      const article = await readWebAddress(`${base}${route}`, { now: () => NOW });
      expect(article).toMatchObject({ found: { title: 'Flood statement', url: `${base}${route}` }, pages: [{ page: 1, line: 0 }], retrieved: { from: `${base}${route}`, at: NOW.toISOString() } });
    }
  });

  it('names what went wrong, address by address, and imports the rest', async () => {
    const service = new FactmarkService({ now: () => NOW });
    await service.createProject({ dir: path.join(await tempDir(), 'p') });
    const urls = [`${base}/missing`, `${base}/photo`, `${base}/menu`, `${base}/loop`, `${base}/to-file`, `${base}/down`, `http://127.0.0.1:${closedPort}/story`, 'ftp://example.org/story.txt', 'file:///etc/passwd', 'not an address', `${base}/story`];
    const outcomes = await service.importUrls({ urls });
    const messages = outcomes.map((outcome) => (outcome.status === 'failed' ? outcome.error.message : outcome.status));
    expect(messages).toEqual([
      `${base}/missing: the site has no such page (404 Not Found); check the address`,
      `${base}/photo is a picture (image/jpeg), not a web page or an article Factmark can import`,
      `${base}/menu: no article text found in the page`,
      `${base}/loop redirects more than 5 times (a loop?); open it in a browser and give the address it ends at`,
      `${base}/to-file redirects to file: (file:///etc/passwd), which Factmark does not follow: it fetches only http:// and https:// addresses`,
      `${base}/down: the site had an error (503); try again later`,
      `http://127.0.0.1:${closedPort}/story: 127.0.0.1:${closedPort} refused the connection (nothing answers there)`,
      'ftp://example.org/story.txt: Factmark fetches only http:// and https:// addresses',
      'file:///etc/passwd: Factmark fetches only http:// and https:// addresses',
      '“not an address” is not a web address: give one such as https://example.org/news/story',
      'imported',
    ]);
  });

  it('stops a page over the limit as it arrives, and a server that does not answer in time', async () => {
    await expect(readWebAddress(`${base}/huge`)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE', message: `${base}/huge is larger than 4 MB; Factmark imports web pages of up to 4 MB` });
    await expect(readWebAddress(`${base}/slow`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'IO_ERROR', message: `${base}/slow: the site did not answer within 300 ms; try again later` });
  });

  it('says "are you offline?" when the name of the site cannot be found', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND news.example'), { code: 'ENOTFOUND' }) });
    }) as typeof fetch;
    await expect(readWebAddress('https://news.example/story', { fetch: offline })).rejects.toMatchObject({ message: 'https://news.example/story: cannot find news.example: no such site, or no connection to the internet (are you offline?)' });
  });
});

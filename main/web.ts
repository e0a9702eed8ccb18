/**
 * Browser mode: the same service over HTTP, serving the built renderer. Listens on
 * 127.0.0.1 only; every api call must carry the per-run random token, and requests for
 * another Host are refused (no DNS-rebinding from a web page).
 *
 *   POST /api/<method>           JSON params -> ApiResponse JSON (header x-factmark-token)
 *   GET  /download/corpus.json   an export as a download (?token=...[&format=F][&doc=ID...])
 *   GET  /*                      the renderer's files
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { isApiMethodName } from '../shared/api-methods.js';
import { toErrorInfo } from '../shared/errors.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, type ExportFormat, type ExportFormatId } from '../shared/formats/registry.js';
import { AnnotatorName, DocumentId } from '../shared/model/common.js';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveAsset } from './renderer-assets.js';
import type { FactmarkService } from './service.js';

export const TOKEN_HEADER = 'x-factmark-token';
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface WebServerOptions {
  service: FactmarkService;
  rendererDir: string;
  port?: number;
  /** Fixed for tests; random otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer({ service, rendererDir, port = 0, token = randomBytes(24).toString('base64url') }: WebServerOptions): Promise<WebServer> {
  const expected = Buffer.from(token);
  const tokenMatches = (given: string | null | undefined) => {
    const bytes = Buffer.from(given ?? '');
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: toErrorInfo(error) });
      else response.destroy();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) return sendText(response, 421, 'Misdirected request');
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendText(response, 405, 'Use POST');
      if (!tokenMatches(request.headers[TOKEN_HEADER] as string | undefined)) return sendJson(response, 403, { ok: false, error: { code: 'BAD_INPUT', message: 'Missing or wrong token' } });
      const method = url.pathname.slice('/api/'.length);
      if (!isApiMethodName(method)) return sendJson(response, 404, { ok: false, error: { code: 'BAD_INPUT', message: `Unknown method "${method}"` } });
      let params: unknown;
      try {
        const body = await readBody(request);
        params = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (error) {
        return sendJson(response, 400, { ok: false, error: { code: 'BAD_INPUT', message: `Request body: ${toErrorInfo(error).message}` } });
      }
      return sendJson(response, 200, await service.respond(method, params));
    }

    if (url.pathname === '/download/corpus.json') {
      if (!tokenMatches(url.searchParams.get('token'))) return sendText(response, 403, 'Missing or wrong token');
      const documentIds = url.searchParams.getAll('doc');
      if (!documentIds.every((id) => DocumentId.safeParse(id).success)) return sendText(response, 400, 'Bad document id');
      const annotators = url.searchParams.getAll('annotator');
      if (!annotators.every((name) => AnnotatorName.safeParse(name).success)) return sendText(response, 400, 'Bad annotator name');
      const format = url.searchParams.get('format') ?? 'factmark-json';
      if (!(EXPORT_FORMAT_IDS as string[]).includes(format)) return sendText(response, 400, `Unknown format "${format}"`);
      const chunks = service.exportChunks({ format: format as ExportFormatId, documentIds: documentIds.length ? documentIds : undefined, annotators: annotators.length ? annotators : undefined });
      const first = await chunks.next().catch((error: unknown) => error as Error); // fails before any header is sent if no project is open
      if (first instanceof Error) return sendJson(response, 400, { ok: false, error: toErrorInfo(first) });
      const spec: ExportFormat = EXPORT_FORMATS[format as ExportFormatId];
      response.writeHead(200, { 'content-type': spec.binary ? spec.mediaType : `${spec.mediaType}; charset=utf-8`, 'content-disposition': `attachment; filename="factmark-corpus${format === 'factmark-json' ? '' : `.${format}`}${spec.extension}"` });
      const opening = first;
      async function* pieces() {
        if (!opening.done) yield opening.value;
        yield* chunks;
      }
      // pipeline stops the export when the browser drops the download (cancelled, tab
      // closed) instead of waiting for a drain that never comes.
      await pipeline(pieces(), response);
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const file = resolveAsset(rendererDir, url.pathname);
    if (!file) return sendText(response, 404, 'Not found');
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      sendText(response, 404, 'Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  return {
    url: `http://127.0.0.1:${actualPort}/?token=${token}`,
    token,
    port: actualPort,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

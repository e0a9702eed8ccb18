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
import { EXPORT_FORMATS, type ExportFormatInfo as ExportFormat } from '../shared/formats/catalog.js';
import { hostParams } from '../shared/host-api.js';
import { MAX_UPLOAD_BYTES, tooLargeMessage } from '../shared/limits.js';
import { contentTypeOf, rendererPolicy, resolveAsset } from './renderer-assets.js';
import type { FactmarkService } from './service.js';

export const TOKEN_HEADER = 'x-factmark-token';

/**
 * The largest request body taken. The largest request the app makes is an annotation
 * import: the files of one import together, at most MAX_UPLOAD_BYTES, as base64 (4
 * bytes for every 3) in JSON, with a megabyte for names and the rest of the JSON.
 * Article imports are sent in batches well under it (renderer/src/panels/ImportPanel.tsx);
 * a layer of 10,000 spans is about 5 MB.
 */
export const MAX_BODY_BYTES = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 1024 * 1024;

/**
 * After refusing a body, what the client is still sending is read and thrown away, so
 * it gets to read the answer: closing at once resets the connection under a client
 * still writing, and it then reports "connection reset" instead of the 413. Up to a
 * point: a client that goes on past these is cut off.
 */
const DISCARD_LIMIT_BYTES = 1024 * 1024 * 1024;
const DISCARD_LIMIT_MS = 30_000;

export interface WebServerOptions {
  service: FactmarkService;
  rendererDir: string;
  port?: number;
  /** Fixed for tests; random otherwise. */
  token?: string;
  /** MAX_BODY_BYTES unless a test sets a smaller one. */
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer({ service, rendererDir, port = 0, token = randomBytes(24).toString('base64url'), maxBodyBytes = MAX_BODY_BYTES }: WebServerOptions): Promise<WebServer> {
  const policy = rendererPolicy(rendererDir);
  const expected = Buffer.from(token);
  const tokenMatches = (given: string | null | undefined) => {
    const bytes = Buffer.from(given ?? '');
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };
  let allowedHosts: Set<string> = new Set();

  const serve = (request: http.IncomingMessage, response: http.ServerResponse) => {
    handle(request, response)
      .catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: toErrorInfo(error) });
        else response.destroy();
      })
      // A body no one read (a refused request) is thrown away, but not without end.
      .finally(() => discardRest(request));
  };
  const server = http.createServer(serve);
  // A client that asks before sending a body ("Expect: 100-continue", as curl does for
  // large ones) is told 413 at once and never sends it.
  server.on('checkContinue', (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (declaredLength(request) > maxBodyBytes) {
      response.setHeader('connection', 'close');
      return refuseBody(request, response, declaredLength(request), true);
    }
    response.writeContinue();
    serve(request, response);
  });

  function refuseBody(request: http.IncomingMessage, response: http.ServerResponse, size: number, known: boolean): void {
    if (!request.complete && !response.hasHeader('connection')) {
      // Kept open to read the rest, even when the client said "close": Node closes such a
      // connection as soon as the answer is out, resetting it under the client's upload.
      response.setHeader('connection', 'keep-alive');
    }
    // Before the answer goes: Node would otherwise read the rest without a limit.
    discardRest(request);
    sendJson(response, 413, { ok: false, error: { code: 'BAD_INPUT', message: tooLargeMessage('The request', size, known, maxBodyBytes, 'takes requests') } });
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) return sendText(response, 421, 'Misdirected request');
    // Refused before a byte of the body is read, when its length says it is too large.
    if (declaredLength(request) > maxBodyBytes) return refuseBody(request, response, declaredLength(request), true);
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendText(response, 405, 'Use POST');
      if (!tokenMatches(request.headers[TOKEN_HEADER] as string | undefined)) return sendJson(response, 403, { ok: false, error: { code: 'BAD_INPUT', message: 'Missing or wrong token' } });
      const method = url.pathname.slice('/api/'.length);
      if (!isApiMethodName(method)) return sendJson(response, 404, { ok: false, error: { code: 'BAD_INPUT', message: `Unknown method "${method}"` } });
      let params: unknown;
      try {
        const body = await readBody(request, maxBodyBytes);
        params = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (error) {
        if (error instanceof BodyTooLarge) return refuseBody(request, response, error.size, false);
        return sendJson(response, 400, { ok: false, error: { code: 'BAD_INPUT', message: `Request body: ${toErrorInfo(error).message}` } });
      }
      return sendJson(response, 200, await service.respond(method, params));
    }

    if (url.pathname === '/download/corpus.json') {
      if (!tokenMatches(url.searchParams.get('token'))) return sendText(response, 403, 'Missing or wrong token');
      // The same parameters, checked by the same schema, as every other way to export.
      const query = {
        format: url.searchParams.get('format') ?? 'factmark-json',
        ...(url.searchParams.has('doc') ? { documentIds: url.searchParams.getAll('doc') } : {}),
        ...(url.searchParams.has('annotator') ? { annotators: url.searchParams.getAll('annotator') } : {}),
      };
      const given = hostParams.exportChunks.safeParse(query);
      if (!given.success) return sendText(response, 400, `Bad export request: ${given.error.issues[0]?.message ?? 'invalid'}`);
      const params = given.data;
      const chunks = service.exportChunks(params);
      const first = await chunks.next().catch((error: unknown) => error as Error); // fails before any header is sent if no project is open
      if (first instanceof Error) return sendJson(response, 400, { ok: false, error: toErrorInfo(first) });
      const spec: ExportFormat = EXPORT_FORMATS[params.format];
      const name = await service.exportName({ format: params.format, documentIds: params.documentIds ?? [] });
      response.writeHead(200, { 'content-type': spec.binary ? spec.mediaType : `${spec.mediaType}; charset=utf-8`, 'content-disposition': attachment(name) });
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
      response.writeHead(200, { 'content-type': contentTypeOf(file), 'content-security-policy': policy, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
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

/** The body's length as its Content-Length header gives it; 0 without one (chunked, or none). */
function declaredLength(request: http.IncomingMessage): number {
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) ? length : 0;
}

class BodyTooLarge extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/**
 * The body, up to `limit` bytes. A chunked body (no length given) is counted as it
 * comes: past the limit, what was kept is let go and the rest is not kept at all.
 */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // With a length given (checked against the limit already), one buffer of that size:
    // collecting chunks and joining them would hold the body twice.
    const declared = declaredLength(request);
    const whole = declared > 0 ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit || (whole && size + chunk.length > whole.length)) {
        stop();
        chunks.length = 0;
        reject(new BodyTooLarge(size + chunk.length));
        return;
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    const onEnd = () => {
      stop();
      resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

/** Reads and drops what is left of a request's body, up to the discard limits (see above). */
const discarding = new WeakSet<http.IncomingMessage>();

function discardRest(request: http.IncomingMessage): void {
  if (request.complete || request.destroyed || discarding.has(request)) return;
  discarding.add(request);
  let discarded = 0;
  const cutOff = () => request.socket.destroy();
  const timer = setTimeout(cutOff, DISCARD_LIMIT_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) cutOff();
  });
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(body);
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/**
 * A download's file name in its header: plain ASCII for every browser, and the name as
 * it is (any script) in RFC 6266's filename* for the browsers that read it.
 */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

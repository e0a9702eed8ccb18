/**
 * Serves dist/renderer over app://factmark/ instead of file://, so the renderer gets no
 * file-system privileges, a real origin for the CSP, and nothing outside its folder.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf, rendererPolicy, resolveAsset } from '../renderer-assets.js';
import { APP_SCHEME } from './security.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const policy = rendererPolicy(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAsset(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeOf(file), 'content-security-policy': policy } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

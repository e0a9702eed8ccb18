/**
 * Serving the built renderer (dist/renderer), for both the Electron app:// protocol and
 * browser mode: the path check that keeps requests inside the folder, content types, and
 * the Content-Security-Policy every page is served with.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * No inline or eval'd script, no plugins, no framing, no base or form tricks; fetch only
 * to our own origin (the HTTP api in browser mode). Styles allow 'unsafe-inline' for
 * React's style attributes (highlight colours), which cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy the built renderer in `rendererDir` is served with: CONTENT_SECURITY_POLICY,
 * with the page's own inline scripts allowed by their hashes (vite.config.ts puts two in
 * index.html: the start-up question, and the first paint, which must run before any
 * script file could arrive). Only those scripts, as built, run: no other inline script
 * does, nor one changed by a character. Read once, when the server or the app starts.
 */
export function rendererPolicy(rendererDir: string): string {
  let page: string;
  try {
    page = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    return CONTENT_SECURITY_POLICY; // an unbuilt renderer: nothing inline to allow
  }
  const hashes = inlineScripts(page).map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  return hashes.length === 0 ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);
}

/** The text of each inline <script> (one without src) of a page the build wrote. */
export function inlineScripts(page: string): string[] {
  return [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] as string);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names ("/" is index.html), or null when the path
 * would leave `root` (`..`, encoded slashes, absolute paths) or is malformed.
 */
export function resolveAsset(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const base = path.resolve(root);
  return resolved.startsWith(base + path.sep) ? resolved : null;
}

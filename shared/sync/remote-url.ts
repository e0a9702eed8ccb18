/**
 * Which remotes a project may sync with. HTTPS only, so the token and the analysts' work
 * never cross a network in clear; plain HTTP only to 127.0.0.1 (a server on this very
 * machine: the tests' `git http-backend`, an SSH tunnel's end). A token is never part of
 * the address: it would be written into `.git/config`, inside the project folder that is
 * shared and copied. Checked by pattern (shared/ has no URL class).
 */
import { z } from 'zod';

const PATTERN = /^(https?):\/\/(?:([^/?#@]*)@)?(\[[^\]]*\]|[^/?#:@]+)(?::(\d{1,5}))?(\/[^?#\s]*)?$/i;

export interface RemoteUrlParts {
  scheme: 'http' | 'https';
  host: string;
  port: string | null;
  path: string;
}

/** The parts of an acceptable remote address, or why it is not one. */
export function checkRemoteUrl(url: string): { ok: true; parts: RemoteUrlParts } | { ok: false; reason: string } {
  const match = PATTERN.exec(url.trim());
  if (!match) return { ok: false, reason: `"${url}" is not an https:// address of a git repository` };
  const [, scheme = '', userinfo, host = '', port, path = '/'] = match;
  if (userinfo !== undefined) return { ok: false, reason: 'the address holds a user name or token; give the address without it, and the token in Sync settings (or FACTMARK_GIT_TOKEN)' };
  const lower = scheme.toLowerCase() as 'http' | 'https';
  if (lower === 'http' && host !== '127.0.0.1') return { ok: false, reason: `plain http:// sends your work and token unencrypted; use https:// (http:// is taken only for 127.0.0.1, this machine)` };
  return { ok: true, parts: { scheme: lower, host: host.toLowerCase(), port: port ?? null, path } };
}

/** One remote, however it is written: lower-case host, no trailing slash or `.git`. For keeping its token. */
export function remoteKey(url: string): string {
  const checked = checkRemoteUrl(url);
  if (!checked.ok) return url.trim();
  const { scheme, host, port, path } = checked.parts;
  return `${scheme}://${host}${port ? `:${port}` : ''}${path.replace(/\/+$/, '').replace(/\.git$/, '')}`;
}

export const RemoteUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((url, ctx) => {
    const checked = checkRemoteUrl(url);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
  });

/**
 * Talking to the remote: the token (credentials.ts) offered when the server asks for
 * one, and what a failure means for a person. No network, a server that is down, a name
 * that does not resolve: OFFLINE, which is not an error to the analyst (work goes on here,
 * the next sync sends it). A token missing or refused: AUTH. Anything else the server
 * says: REMOTE, with its words.
 */
import type { AuthCallback, AuthFailureCallback } from 'isomorphic-git';
import { FactmarkError, isFactmarkError } from '../../shared/errors.js';
import { checkRemoteUrl } from '../../shared/sync/remote-url.js';
import { TOKEN_VARIABLE, type CredentialStore } from './credentials.js';

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

export interface RemoteAccess {
  url: string;
  onAuth: AuthCallback;
  onAuthFailure: AuthFailureCallback;
}

/**
 * The token for `url`, offered only when the server asks (a 401), over HTTPS or to this
 * machine alone. Hosts name the user differently (GitHub any name, GitLab "oauth2"); a
 * user name stored with the token, or FACTMARK_GIT_USERNAME, is used as given.
 */
export function remoteAccess(url: string, credentials: CredentialStore | null): RemoteAccess {
  const checked = checkRemoteUrl(url);
  if (!checked.ok) throw new FactmarkError('BAD_INPUT', `Cannot sync with ${url}: ${checked.reason}`);
  return {
    url,
    onAuth: () => {
      const credential = credentials?.get(url) ?? null;
      if (!credential) return { cancel: true };
      const username = credential.username ?? (checked.parts.host === 'github.com' ? 'x-access-token' : 'oauth2');
      return { username, password: credential.token };
    },
    // Refused: stop, rather than offer the same token again.
    onAuthFailure: () => ({ cancel: true }),
  };
}

/** A failure of fetch, push or clone, as a FactmarkError a person can act on. */
export function remoteError(error: unknown, url: string): FactmarkError {
  if (isFactmarkError(error)) return error;
  const found = error as { code?: string; message?: string; data?: { statusCode?: number; statusMessage?: string; response?: string }; cause?: { code?: string } } | null;
  const code = found?.code ?? found?.cause?.code ?? '';
  const message = found?.message ?? String(error);
  if (OFFLINE_CODES.has(code) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket hang up|network/i.test(message)) {
    return new FactmarkError('OFFLINE', `Cannot reach ${url} (${code || message}): you seem to be offline, or the server is down. Your work is kept here and goes out at the next sync.`);
  }
  const status = found?.data?.statusCode;
  if (code === 'UserCanceledError' || status === 401 || status === 403) {
    return new FactmarkError('AUTH', `${url} asks for a token, and ${code === 'UserCanceledError' ? 'none was accepted' : `refused the request (${status})`}: enter one in Sync settings, or set ${TOKEN_VARIABLE}.`);
  }
  if (status === 404) return new FactmarkError('REMOTE', `${url} has no git repository (404): check the address.`);
  if (code === 'SmartHttpError' || code === 'HttpError' || status !== undefined) {
    return new FactmarkError('REMOTE', `${url} answered with an error${status ? ` (${status}${found?.data?.statusMessage ? ` ${found.data.statusMessage}` : ''})` : ''}: ${message}`);
  }
  return new FactmarkError('REMOTE', `Syncing with ${url} failed: ${message}`);
}

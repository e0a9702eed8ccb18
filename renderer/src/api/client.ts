/**
 * The renderer's only way to the service: the same typed api over whichever transport
 * this window has — Electron's preload bridge, or HTTP with the token in browser mode.
 */
import type { ApiMethod, ApiParams, ApiResponse, ApiResults } from '../../../shared/api.js';
import type { MenuMessage } from '../../../shared/commands.js';
import type { ErrorInfo } from '../../../shared/errors.js';

interface Bridge {
  call(method: string, params: unknown): Promise<unknown>;
  onMenu(listener: (message: MenuMessage) => void): () => void;
}

declare global {
  interface Window {
    factmark?: Bridge;
  }
}

/** An api failure, with the service's code and message for the user. */
export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** Whether a call failed with this code (CONFLICT: a file changed since it was read). */
export function isApiError(error: unknown, code: ErrorInfo['code']): error is ApiError {
  return error instanceof ApiError && error.info.code === code;
}

export interface ApiClient {
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResults[M]>;
  /** Browser mode: the address of the corpus download; null in Electron (save dialog). */
  downloadUrl: string | null;
  onMenu(listener: (message: MenuMessage) => void): () => void;
}

/** A transport's response as the caller sees it: the result, or an ApiError thrown. */
export function unwrap<M extends ApiMethod>(response: ApiResponse<M>): ApiResults[M] {
  if (response.ok) return response.result;
  throw new ApiError(response.error);
}

/** Bodies above this are built in steps, with the window free in between. */
const LARGE_BODY = 1_000_000;

/**
 * The JSON of a call's params. A long one (an imported file, as base64) is written out
 * and then turned into bytes in separate tasks: done in one, with the encoding fetch does
 * to a string body, a 10 MB file held the window for a third of a second.
 */
async function requestBody(params: unknown): Promise<string | Blob> {
  const json = JSON.stringify(params);
  if (json.length < LARGE_BODY) return json;
  await nextTask();
  const blob = new Blob([json], { type: 'application/json' });
  await nextTask();
  return blob;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createApiClient(): ApiClient {
  const bridge = window.factmark;
  if (bridge) {
    return {
      call: async (method, params) => unwrap((await bridge.call(method, params)) as ApiResponse<typeof method>),
      downloadUrl: null,
      onMenu: (listener) => bridge.onMenu(listener),
    };
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return {
    call: async (method, params) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-factmark-token': token },
        body: await requestBody(params),
      });
      return unwrap((await response.json()) as ApiResponse<typeof method>);
    },
    downloadUrl: `/download/corpus.json?token=${encodeURIComponent(token)}`,
    onMenu: () => () => undefined,
  };
}

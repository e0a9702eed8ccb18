/**
 * The start-up answer asked for by public/early-start.js before the bundle loaded. Taken
 * once, and only for the same question (the same `#doc=`): otherwise the app asks itself.
 */
import type { ApiParams, ApiResponse, ApiResults } from '../../../shared/api.js';
import { unwrap, type ApiClient } from './client.js';

declare global {
  interface Window {
    __factmarkEarlyStart?: { params: { documentId?: string }; answer: Promise<unknown> };
  }
}

export function startup(api: ApiClient, params: ApiParams<'getStartup'>): Promise<ApiResults['getStartup']> {
  const early = window.__factmarkEarlyStart;
  delete window.__factmarkEarlyStart;
  if (!early || early.params.documentId !== params.documentId) return api.call('getStartup', params);
  // Asked with the same transport the client uses, so the answer has the same shape (ApiResponse).
  return early.answer.then((response) => unwrap(response as ApiResponse<'getStartup'>));
}

/**
 * The same answer for the first paint (prepaint/), without taking it: the window takes
 * it afterwards (startup). Null when there is none, or it failed (the window says why).
 */
export async function peekStartup(): Promise<ApiResults['getStartup'] | null> {
  const early = window.__factmarkEarlyStart;
  if (!early) return null;
  try {
    return unwrap((await early.answer) as ApiResponse<'getStartup'>);
  } catch {
    return null;
  }
}

// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Startup } from '../../../shared/api.js';
import type { ApiClient } from '../../../renderer/src/api/client.js';
import { peekStartup, startup } from '../../../renderer/src/api/early-start.js';

const START = { session: { annotator: 'ana', suggestedAnnotator: 'ana', theme: 'light', recentProjects: [] }, project: null, documents: [], entities: [], document: null } satisfies Startup;

function client() {
  const call = vi.fn(async () => ({ ...START, session: { ...START.session, annotator: 'asked again' } }));
  return { api: { call, downloadUrl: null, onMenu: () => () => undefined } as unknown as ApiClient, call };
}

describe('the start-up answer asked for before the bundle loaded', () => {
  it('is used once, for the same question', async () => {
    const { api, call } = client();
    window.__factmarkEarlyStart = { params: { documentId: 'd_1' }, answer: Promise.resolve({ ok: true, result: START }) };
    await expect(startup(api, { documentId: 'd_1' })).resolves.toEqual(START);
    expect(call).not.toHaveBeenCalled();
    // Taken: a second start asks the service.
    expect((await startup(api, { documentId: 'd_1' })).session.annotator).toBe('asked again');
  });

  it('is not used for another document, and its failure is the api error', async () => {
    const { api, call } = client();
    window.__factmarkEarlyStart = { params: {}, answer: Promise.resolve({ ok: true, result: START }) };
    await startup(api, { documentId: 'd_2' });
    expect(call).toHaveBeenCalledWith('getStartup', { documentId: 'd_2' });
    window.__factmarkEarlyStart = { params: {}, answer: Promise.resolve({ ok: false, error: { code: 'NO_PROJECT', message: 'No project is open' } }) };
    await expect(startup(api, {})).rejects.toMatchObject({ info: { code: 'NO_PROJECT' } });
  });

  it('can be looked at by the first paint without being taken from the window', async () => {
    const { api, call } = client();
    window.__factmarkEarlyStart = { params: {}, answer: Promise.resolve({ ok: true, result: START }) };
    await expect(peekStartup()).resolves.toEqual(START);
    await expect(startup(api, {})).resolves.toEqual(START);
    expect(call).not.toHaveBeenCalled();
    // Taken by the window: nothing left to look at.
    await expect(peekStartup()).resolves.toBeNull();
  });

  it('gives the first paint nothing when it failed, so the window asks and says why', async () => {
    window.__factmarkEarlyStart = { params: {}, answer: Promise.resolve({ ok: false, error: { code: 'NO_PROJECT', message: 'No project is open' } }) };
    await expect(peekStartup()).resolves.toBeNull();
    window.__factmarkEarlyStart = { params: {}, answer: Promise.reject(new Error('offline')) };
    await expect(peekStartup()).resolves.toBeNull();
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { SettingsStore } from '../../../main/settings.js';
import { tempDir } from '../../helpers/temp.js';

/** A project with two articles, and app settings in their own folder. */
async function setup() {
  const settings = await SettingsStore.load(await tempDir());
  const api = new FactmarkService({ settings });
  await api.createProject({ dir: path.join(await tempDir(), 'p') });
  const outcomes = await api.importTexts({
    files: ['First article text.', 'Second article text.'].map((text, at) => ({ name: `a${at}.txt`, data: Buffer.from(text).toString('base64') })),
    importedBy: 'alice',
  });
  const ids = outcomes.map((outcome) => (outcome.status === 'imported' ? outcome.documentId : ''));
  return { api, ids };
}

describe('getStartup: the first screen in one answer', () => {
  it('without a project: the session alone', async () => {
    const api = new FactmarkService({ settings: await SettingsStore.load(await tempDir()) });
    const start = await api.getStartup({});
    expect(start).toMatchObject({ project: null, documents: [], entities: [], document: null });
    expect(start.session.annotator).toBeNull();
  });

  it('before the annotator is named: the documents, but no document opened', async () => {
    const { api, ids } = await setup();
    const start = await api.getStartup({ documentId: ids[1] });
    expect(start.documents.map((doc) => doc.id).sort()).toEqual([...ids].sort());
    expect(start.document).toBeNull();
  });

  it('opens the document the link names with the user layer, else the first; a stale link is no error', async () => {
    const { api, ids } = await setup();
    await api.updateSession({ annotator: 'bob' });
    const named = await api.getStartup({ documentId: ids[1] });
    expect(named.document?.document.id).toBe(ids[1]);
    expect(named.document?.document.text).toBe('Second article text.');
    expect(named.document?.layer.annotator).toBe('bob');
    const stale = await api.getStartup({ documentId: 'gone-away' });
    expect(stale.document?.document.id).toBe(stale.documents[0]?.id);
    await expect(api.call('getStartup', { documentId: 7 })).rejects.toMatchObject({ code: 'INVALID' });
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { SettingsStore } from '../../../main/settings.js';
import { SAMPLE_PROJECT_FOLDER, openStartupProject } from '../../../main/startup.js';
import { validateProject } from '../../../main/store/validate.js';
import { repoRoot, samplesDir } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

const resourcesDir = path.join(repoRoot, 'resources');
const sampleDir = path.join(resourcesDir, 'sample-project');

describe('the built-in sample project', () => {
  it('is a valid project of short articles with metadata, one each with CRLF, emoji and Arabic', async () => {
    expect((await validateProject(sampleDir)).problems).toEqual([]);
    const service = new FactmarkService();
    await service.openProject({ dir: sampleDir });
    const docs = await Promise.all((await service.listDocuments({})).map(async (summary) => (await service.getDocument({ documentId: summary.id, annotator: 'x' })).document));
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const doc of docs) expect(doc.meta).toMatchObject({ title: expect.any(String), outlet: expect.any(String), published: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), url: expect.stringMatching(/^https:\/\/example\.(org|com|net)\//) });
    expect(docs.some((doc) => doc.text.includes('\r\n') && !/[^\r]\n/.test(doc.text))).toBe(true);
    expect(docs.some((doc) => /\p{Extended_Pictographic}\u200d/u.test(doc.text))).toBe(true);
    expect(docs.some((doc) => /\p{Script=Arabic}{3,}/u.test(doc.text))).toBe(true);
    expect(docs.some((doc) => /last week|on (Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)/.test(doc.text))).toBe(true);
  });

  it('is written by the team, not copied from the third-party samples', async () => {
    const service = new FactmarkService();
    await service.openProject({ dir: sampleDir });
    const texts = await Promise.all((await service.listDocuments({})).map(async (summary) => (await service.getDocument({ documentId: summary.id, annotator: 'x' })).document.text));
    const samples = JSON.parse(await readFile(path.join(samplesDir, 'articles.json'), 'utf8')) as { file: string }[];
    for (const sample of samples) {
      const sentences = (await readFile(path.join(samplesDir, sample.file), 'utf8')).split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 40);
      for (const sentence of sentences) for (const text of texts) expect(text.includes(sentence)).toBe(false);
    }
  });

  it('is copied to the data folder and opened when the app starts with no project', async () => {
    const dataDir = await tempDir();
    const settings = await SettingsStore.load(dataDir);
    const service = new FactmarkService();
    const info = await openStartupProject(service, settings, { resourcesDir, dataDir });
    expect(info.root).toBe(path.join(dataDir, SAMPLE_PROJECT_FOLDER));
    expect(info.documentCount).toBeGreaterThanOrEqual(3);
    // A second start opens the same copy, with whatever the analyst did to it.
    const again = await openStartupProject(new FactmarkService(), settings, { resourcesDir, dataDir });
    expect(again.root).toBe(info.root);
  });

  it('opens the most recent project that still exists, or the one named', async () => {
    const dataDir = await tempDir();
    const settings = await SettingsStore.load(dataDir);
    const named = path.join(await tempDir(), 'named');
    const info = await openStartupProject(new FactmarkService(), settings, { project: named, resourcesDir, dataDir });
    expect(info.root).toBe(named);
    await settings.rememberProject('/gone/away');
    const reopened = await openStartupProject(new FactmarkService(), await SettingsStore.load(dataDir), { resourcesDir, dataDir });
    expect(reopened.root).toBe(named);
  });
});

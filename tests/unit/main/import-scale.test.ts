import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { article } from '../../../bench/corpus.js';
import { tempDir } from '../../helpers/temp.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('large and many imports', () => {
  it('imports a 20 MB article whole', async () => {
    const api = new FactmarkService();
    await api.createProject({ dir: path.join(await tempDir(), 'p') });
    const text = article(20_000_000, 7);
    const [outcome] = await api.importTexts({ files: [{ name: 'big.txt', data: b64(text) }] });
    expect(outcome?.status).toBe('imported');
    if (outcome?.status !== 'imported') return;
    expect((await api.getDocument({ documentId: outcome.documentId, annotator: 'a' })).document.text).toBe(text);
  }, 60_000);

  it('imports a batch of 500 files, listing each failure by name', async () => {
    const api = new FactmarkService();
    await api.createProject({ dir: path.join(await tempDir(), 'p') });
    const files = Array.from({ length: 500 }, (_, i) =>
      i % 100 === 0 ? { name: `scan-${i}.pdf`, data: b64('%PDF-1.4') } : i % 100 === 1 ? { name: `empty-${i}.txt`, data: '' } : { name: `article-${i}.txt`, data: b64(article(2_000, i)) },
    );
    const outcomes = await api.importTexts({ files });
    expect(outcomes).toHaveLength(500);
    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    expect(failed.map((outcome) => outcome.file)).toEqual(files.filter((_, i) => i % 100 < 2).map((file) => file.name));
    expect(failed.every((outcome) => outcome.status === 'failed' && outcome.error.message.startsWith(path.basename(outcome.file)))).toBe(true);
    expect((await api.listDocuments({})).length).toBe(490);
  }, 120_000);
});

/**
 * The cases of issue 15, one test file per format: files shaped as other tools write
 * them that lost data, now imported without loss or refused loudly. What the files
 * share: a project with articles, files written beside it, its layers and manifest as on
 * disk, and the report's promise that its counts add up.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { AnnotationImportOutcome } from '../../../../shared/api.js';
import { FactmarkService } from '../../../../main/service.js';
import { tempDir } from '../../../helpers/temp.js';

export const NOW = new Date('2026-12-01T00:00:00.000Z');
export const ARTICLE = 'Google was founded on September 4, 1998, by Larry Page and Sergey Brin.\n';

export async function project(articles: Record<string, string> = {}) {
  const root = await tempDir();
  const dir = path.join(root, 'p');
  const service = new FactmarkService({ now: () => NOW });
  await service.createProject({ dir });
  const files: string[] = [];
  for (const [name, text] of Object.entries(articles)) {
    const file = path.join(root, name);
    await writeFile(file, text);
    files.push(file);
  }
  const ids = files.length ? (await service.importFilesAt(files, { importedBy: 'ann' })).map((outcome) => (outcome.status === 'imported' ? outcome.documentId : '')) : [];
  const write = async (name: string, content: string | object) => {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const layer = async (annotator: string, documentId: string) => JSON.parse(await readFile(path.join(dir, 'annotations', annotator, `${documentId}.json`), 'utf8')) as { spans: { label: string; start: number; end: number; quote: { exact: string }; note?: string }[]; relations: { type: string }[]; status: string };
  const manifest = async () => JSON.parse(await readFile(path.join(dir, 'factmark.json'), 'utf8')) as { labels: { id: string; key: string }[]; relationTypes: { id: string; from: string[]; to: string[]; rules?: unknown[] }[]; interchange?: unknown };
  return { root, dir, service, ids, write, layer, manifest };
}

/** The report's promise: what was read is what was placed plus what was left out, each listed. */
export function expectCountsAddUp(outcomes: readonly AnnotationImportOutcome[]) {
  for (const outcome of outcomes) {
    if (outcome.error) continue;
    const counts = outcome.counts;
    expect(counts, outcome.file).toBeDefined();
    if (!counts) continue;
    expect(counts.placed + counts.leftOut, outcome.file).toBe(counts.annotations);
    expect(outcome.failed.reduce((total, failure) => total + (failure.count ?? 1), 0), outcome.file).toBe(counts.leftOut);
    const relations = counts.placed - Object.values(outcome.added).reduce((total, n) => total + n, 0);
    expect(relations, outcome.file).toBeGreaterThanOrEqual(0);
    // The safety net in withCounts never had to catch anything.
    expect(outcome.failed.filter((failure) => failure.reason.includes('neither placed nor reported')), outcome.file).toEqual([]);
  }
}

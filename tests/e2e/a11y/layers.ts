/**
 * Annotation layers written straight to a project folder for the accessibility tests:
 * spans over given words of a document, as a colleague's file that arrived by git would
 * be. (The tagging itself is tested elsewhere; here the screens need something to show.)
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface SpanSpec {
  id: string;
  label: string;
  /** The words; its first occurrence at or after `after` is tagged. */
  exact: string;
  after?: string;
  /** Cuts the span short, in characters (for a boundary difference). */
  length?: number;
  attributes?: Record<string, string>;
}

export async function writeLayer(projectDir: string, documentId: string, annotator: string, specs: readonly SpanSpec[]): Promise<void> {
  const document = JSON.parse(await readFile(path.join(projectDir, 'documents', `${documentId}.json`), 'utf8')) as { text: string; sha256: string };
  const codePoints = [...document.text];
  const spans = specs.map(({ id, label, exact, after = '', length = exact.length, attributes = {} }) => {
    const at = document.text.indexOf(exact, after ? document.text.indexOf(after) : 0);
    if (at < 0) throw new Error(`"${exact}" is not in ${documentId}`);
    const cut = exact.slice(0, length);
    const start = [...document.text.slice(0, at)].length;
    const end = start + [...cut].length;
    const quote = { exact: cut, prefix: codePoints.slice(Math.max(0, start - 32), start).join(''), suffix: codePoints.slice(end, end + 32).join('') };
    return { id, label, start, end, quote, attributes, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
  });
  const layer = { format: 'factmark-annotations', version: 1, document: documentId, documentSha256: document.sha256, annotator, status: 'in-progress', updatedAt: '2026-11-22T10:00:00.000Z', spans, relations: [] };
  await mkdir(path.join(projectDir, 'annotations', annotator), { recursive: true });
  await writeFile(path.join(projectDir, 'annotations', annotator, `${documentId}.json`), JSON.stringify(layer, null, 2));
}

/** The app's settings (who annotates, the theme), as the app would have saved them. */
export async function writeSettings(dataDir: string, settings: { annotator?: string; theme: 'light' | 'dark' | 'system' }): Promise<void> {
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
}

/**
 * Bringing articles in from the window: files chosen or dropped are read here (as
 * base64, off the page's thread) and sent to the service in batches, so a long list
 * shows progress; text pasted becomes a file the same way.
 */
import type { ImportMeta, ImportOutcome, ImportPreview } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import { batches, tooLargeToSend, type FilePayload } from './import-batches.js';

/** Articles, and metadata sheets (.csv, .json) to apply to the articles chosen with them. */
export const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,.eml,.csv,.json';

/**
 * Bytes as base64, encoded by the browser off the page's thread (FileReader): a 10 MB
 * file encoded here in JavaScript held the window for a third of a second.
 */
export function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** "5.0 MB", "820 KB": a size as a person reads it. */
export interface ImportProgress {
  done: number;
  total: number;
  outcomes: ImportOutcome[];
  finished: boolean;
  /** What is happening before the files go in: reading them, looking for furniture. */
  step?: string;
  /** What the analyst should know besides each file's outcome (a metadata sheet's rows that matched nothing). */
  notes?: string[];
}

export type { FilePayload } from './import-batches.js';

export async function readFiles(files: readonly File[]): Promise<FilePayload[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, data: await toBase64(file) })));
}

/** What each file would bring in, to show page furniture before anything is removed. */
export async function previewFiles(api: ApiClient, files: readonly FilePayload[]): Promise<ImportPreview[]> {
  const previews: ImportPreview[] = [];
  for (const { start, end } of batches(files)) {
    const batch = files.slice(start, end);
    const tooLarge = batch.length === 1 ? tooLargeToSend(batch[0] as FilePayload) : null;
    // Not sent: the service would refuse it anyway, and the request would be too large.
    if (tooLarge) previews.push({ file: tooLarge.file, error: tooLarge.error });
    else previews.push(...(await api.call('previewImport', { files: batch })));
  }
  return previews;
}

/**
 * Imports `files` in batches, reporting progress after each. `removeLines[i]` lists the
 * lines the analyst chose to drop from file i.
 */
export async function importPayloads(
  api: ApiClient,
  files: readonly FilePayload[],
  removeLines: Readonly<Record<number, number[]>>,
  annotator: string | null,
  onProgress: (progress: ImportProgress) => void,
  sheet: { meta: Readonly<Record<string, ImportMeta>>; notes: string[] } = { meta: {}, notes: [] },
): Promise<void> {
  const outcomes: ImportOutcome[] = [];
  const notes = sheet.notes;
  onProgress({ done: 0, total: files.length, outcomes, finished: false, notes });
  for (const { start, end } of batches(files)) {
    const batch = files.slice(start, end).map((file, j) => ({ ...file, removeLines: removeLines[start + j] ?? [], ...(sheet.meta[file.name] ? { meta: sheet.meta[file.name] } : {}) }));
    const tooLarge = batch.length === 1 ? tooLargeToSend(batch[0] as FilePayload) : null;
    try {
      outcomes.push(...(tooLarge ? [tooLarge] : await api.call('importTexts', { files: batch, importedBy: annotator })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push(...batch.map((file) => ({ file: file.name, status: 'failed' as const, error: { code: 'INTERNAL' as const, message: `${file.name}: ${message}` } })));
    }
    onProgress({ done: end, total: files.length, outcomes: [...outcomes], finished: false, notes });
  }
  onProgress({ done: files.length, total: files.length, outcomes, finished: true, notes });
}

/** Text as a file for importTexts: UTF-8 bytes, base64. */
export async function textFile(name: string, text: string): Promise<FilePayload> {
  return { name, data: await toBase64(new Blob([text], { type: 'text/plain;charset=utf-8' })) };
}

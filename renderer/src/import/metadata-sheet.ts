/**
 * A metadata sheet dropped (or chosen) with articles: the .csv and .json files among
 * them are sheets, read by the service and matched there to the other files' names; the
 * metadata each row gives goes with its file, and what matched nothing is reported.
 */
import type { ImportMeta } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import { toBase64 } from './read-files.js';

const SHEET = /\.(csv|json)$/i;

export function splitSheets(files: readonly File[]): { sheets: File[]; articles: File[] } {
  return { sheets: files.filter((file) => SHEET.test(file.name)), articles: files.filter((file) => !SHEET.test(file.name)) };
}

export interface SheetMeta {
  meta: Record<string, ImportMeta>;
  notes: string[];
}

/** Every sheet matched to the articles' names; a later sheet's row wins for a file both name. */
export async function matchSheets(api: ApiClient, sheets: readonly File[], names: readonly string[]): Promise<SheetMeta> {
  const result: SheetMeta = { meta: {}, notes: [] };
  for (const sheet of sheets) {
    const match = await api.call('readMetadataSheet', { sheet: { name: sheet.name, data: await toBase64(sheet) }, files: [...names] });
    Object.assign(result.meta, match.meta);
    result.notes.push(`${match.sheet}: ${match.applied} of ${match.rows} rows applied`, ...match.notes);
  }
  return result;
}

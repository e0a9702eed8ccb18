/** Articles from web addresses: the service fetches them one by one; the report shows how it goes. */
import type { ImportOutcome } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import type { ImportProgress } from './read-files.js';

/** A few at a time, so the report moves while a long list is fetched. */
const BATCH = 5;

export async function importUrls(api: ApiClient, urls: readonly string[], annotator: string | null, onProgress: (progress: ImportProgress) => void): Promise<void> {
  const outcomes: ImportOutcome[] = [];
  onProgress({ done: 0, total: urls.length, outcomes, finished: false, step: `Fetching ${urls.length === 1 ? urls[0] : `${urls.length} pages`}…` });
  for (let start = 0; start < urls.length; start += BATCH) {
    const batch = urls.slice(start, start + BATCH);
    try {
      outcomes.push(...(await api.call('importUrls', { urls: batch, importedBy: annotator })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push(...batch.map((url) => ({ file: url, status: 'failed' as const, error: { code: 'INTERNAL' as const, message: `${url}: ${message}` } })));
    }
    onProgress({ done: Math.min(urls.length, start + BATCH), total: urls.length, outcomes: [...outcomes], finished: false });
  }
  onProgress({ done: urls.length, total: urls.length, outcomes, finished: true });
}

import { describe, expect, it } from 'vitest';
import { batches, tooLargeToSend } from '../../../renderer/src/import/import-batches.js';
import { MAX_TEXT_ARTICLE_BYTES } from '../../../shared/limits.js';

const file = (name: string, characters: number) => ({ name, data: 'A'.repeat(characters) });
const MB = 1024 * 1024;

describe('sending files from the window in batches', () => {
  it('ends a batch at 20 files or 24 MB of base64, and sends a larger file alone', () => {
    expect(batches(Array.from({ length: 45 }, (_, i) => file(`${i}.txt`, 10)))).toEqual([{ start: 0, end: 20 }, { start: 20, end: 40 }, { start: 40, end: 45 }]);
    expect(batches([file('a', 10 * MB), file('b', 10 * MB), file('c', 10 * MB), file('big', 30 * MB), file('d', 1)])).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 5 },
    ]);
    expect(batches([])).toEqual([]);
  });

  it('refuses, unsent, a file larger than any article, naming the limit', () => {
    expect(tooLargeToSend(file('fits.txt', (MAX_TEXT_ARTICLE_BYTES / 3) * 4))).toBeNull();
    expect(tooLargeToSend(file('huge.txt', 64 * MB))).toMatchObject({ file: 'huge.txt', status: 'failed', error: { code: 'UNSUPPORTED_FILE', message: 'huge.txt is 48 MB; Factmark imports articles of up to 32 MB' } });
  });
});

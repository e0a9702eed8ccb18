/**
 * What Factmark reads, and how much: only regular files (a pipe or a device is named and
 * refused, never waited on), no more bytes than the limit however the file reports its
 * size, and no article of more lines than the limit, counted before it is decoded.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { readArticle } from '../../../main/importers/article-file.js';
import { countLines } from '../../../main/importers/decode.js';
import { readRegularFile, readRegularFileSync } from '../../../main/store/regular-file.js';
import { MAX_ARTICLE_LINES, MAX_WEB_PAGE_BYTES } from '../../../shared/limits.js';
import { tempDir } from '../../helpers/temp.js';

const linux = process.platform === 'linux';
const limit = (bytes: number) => ({ bytes, takes: 'reads test files' });

describe('reading only regular files, up to a limit', () => {
  it.runIf(linux)('refuses a named pipe at once instead of waiting for a writer, and devices and folders', async () => {
    const dir = await tempDir();
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    for (const read of [readRegularFile, async (file: string, max: ReturnType<typeof limit>) => readRegularFileSync(file, max)]) {
      await expect(read(fifo, limit(1000))).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE', message: `${fifo} is not a regular file (it is a named pipe)` });
      await expect(read('/dev/zero', limit(1000))).rejects.toMatchObject({ message: '/dev/zero is not a regular file (it is a device)' });
      await expect(read(dir, limit(1000))).rejects.toMatchObject({ message: `${dir} is a folder, not a file` });
    }
  });

  it.runIf(linux)('reads a /proc file, which says it is empty, and counts what it reads against the limit', async () => {
    const status = await readRegularFile('/proc/self/status', limit(1024 * 1024));
    expect(status.toString()).toMatch(/^Name:/);
    expect(readRegularFileSync('/proc/self/status', limit(1024 * 1024)).toString()).toMatch(/^Name:/);
    // Its stat says 0 bytes: only counting what arrives can stop it.
    await expect(readRegularFile('/proc/self/status', limit(64))).rejects.toMatchObject({ message: '/proc/self/status is larger than 64 bytes; Factmark reads test files of up to 64 bytes' });
    expect(() => readRegularFileSync('/proc/self/status', limit(64))).toThrow('/proc/self/status is larger than 64 bytes');
  });

  it('refuses a regular file over the limit by its size, before reading it', async () => {
    const file = path.join(await tempDir(), 'big.json');
    await writeFile(file, 'x'.repeat(100));
    await expect(readRegularFile(file, limit(64))).rejects.toMatchObject({ message: `${file} is 100 bytes; Factmark reads test files of up to 64 bytes` });
    expect((await readRegularFile(file, limit(100))).length).toBe(100);
    expect(readRegularFileSync(file, limit(100)).length).toBe(100);
  });
});

describe('lines in an article', () => {
  it('counts lines on the bytes as the import splits them: \\n, \\r\\n and a lone \\r, in UTF-8 and UTF-16', () => {
    expect(countLines(Buffer.from(''))).toBe(0);
    expect(countLines(Buffer.from('one'))).toBe(1);
    expect(countLines(Buffer.from('one\n'))).toBe(1);
    expect(countLines(Buffer.from('one\ntwo'))).toBe(2);
    expect(countLines(Buffer.from('one\r\ntwo\r\nthree\rfour\n\n'))).toBe(5);
    const text = 'één\r\ntwo\nthree';
    expect(countLines(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(3);
    expect(countLines(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toBe(3);
    // UTF-16 without a mark; U+0A0D (a Gurmukhi letter) holds the bytes of \r and \n but is neither.
    expect(countLines(Buffer.from('Some text without a mark, \u0a0d\u0d0a, in UTF-16.\nTwo', 'utf16le'))).toBe(2);
  });

  it(`imports an article of ${MAX_ARTICLE_LINES.toLocaleString('en')} lines and refuses one line more, naming the limit`, () => {
    const atLimit = Buffer.from('x\n'.repeat(MAX_ARTICLE_LINES));
    expect(readArticle(atLimit, 'long.txt').text.length).toBe(atLimit.length);
    expect(() => readArticle(Buffer.from('x\n'.repeat(MAX_ARTICLE_LINES + 1)), 'longer.txt')).toThrow('longer.txt has 1,000,001 lines; Factmark imports articles of up to 1,000,000 lines');
  });

  it('refuses a file of ten million lines quickly and without reading it whole into a string', async () => {
    const file = path.join(await tempDir(), 'ten-million.txt');
    const out = createWriteStream(file);
    const block = 'x\n'.repeat(100_000);
    for (let i = 0; i < 100; i++) if (!out.write(block)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const api = new FactmarkService();
    await api.createProject({ dir: path.join(await tempDir(), 'p') });
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const [outcome] = await api.importFilesAt([file]);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'UNSUPPORTED_FILE', message: `${file} has 10,000,000 lines; Factmark imports articles of up to 1,000,000 lines` } });
    expect(performance.now() - started).toBeLessThan(5_000);
    // Its 20 MB are read; nothing is decoded or split (that once took 1.5 GB).
    expect((process.memoryUsage().rss - before) / 1048576).toBeLessThan(150);
    expect(await api.documentIds()).toEqual([]);
  }, 30_000);
});

describe('web pages', () => {
  it('refuses a page over the limit, naming it, before building its DOM', () => {
    const page = Buffer.alloc(MAX_WEB_PAGE_BYTES + 1, 0x20);
    expect(() => readArticle(page, 'huge.html')).toThrow('huge.html is larger than 4 MB; Factmark imports web pages of up to 4 MB');
    expect(() => readArticle(Buffer.alloc(MAX_WEB_PAGE_BYTES * 2, 0x20), 'huger.html')).toThrow('huger.html is 8 MB; Factmark imports web pages of up to 4 MB');
  });
});

describe.runIf(linux)('project folders', () => {
  it('refuses a project under /proc at once (fs.mkdir with `recursive` never returns there)', async () => {
    const api = new FactmarkService();
    await expect(api.createProject({ dir: '/proc/factmark-test/p' })).rejects.toMatchObject({ code: 'IO_ERROR', message: 'Could not create the folder /proc/factmark-test: /proc does not take new folders' });
  });
});

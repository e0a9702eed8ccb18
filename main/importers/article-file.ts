/**
 * Reading an article file for import: check what it is, decode it to Unicode, and say
 * clearly why not when it cannot be. Plain text and Markdown for now; HTML and legacy
 * encodings arrive with the import issue.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FactmarkError } from '../../shared/errors.js';
import { decodeUtf8, ioError } from '../store/files.js';

export const IMPORTABLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

export interface ArticleFile {
  /** The decoded text, exactly as written (line endings kept). */
  text: string;
  /** A title read from the file (first Markdown heading or first line), if any. */
  title: string | null;
  fileName: string;
}

/** Files larger than this are refused until streaming import exists (issue: import). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export async function readArticleFile(file: string): Promise<ArticleFile> {
  const fileName = path.basename(file);
  const extension = path.extname(file).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new FactmarkError('UNSUPPORTED_FILE', `${fileName}: cannot import "${extension || 'no extension'}" files; use ${IMPORTABLE_EXTENSIONS.join(', ')}`, { file });
  }
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new FactmarkError('UNSUPPORTED_FILE', `${fileName} is not a file`, { file });
    if (stat.size > MAX_IMPORT_BYTES) throw new FactmarkError('UNSUPPORTED_FILE', `${fileName} is ${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`, { file });
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof FactmarkError) throw error;
    throw ioError(file, error, 'read');
  }
  const text = decodeArticleBytes(bytes, fileName);
  if (text.trim() === '') throw new FactmarkError('BAD_INPUT', `${fileName} is empty`, { file });
  return { text, title: extension === '.txt' ? firstLineTitle(text) : markdownTitle(text), fileName };
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; binary content is refused. */
export function decodeArticleBytes(bytes: Uint8Array, fileName: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new FactmarkError('PARSE_ERROR', `${fileName} starts like UTF-16 text but is not valid UTF-16`, { file: fileName });
    }
  }
  // A NUL byte never appears in UTF-8 text, and always in the first bytes of binaries.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new FactmarkError('UNSUPPORTED_FILE', `${fileName} looks like a binary file, not text`, { file: fileName });
  }
  return decodeUtf8(bytes, fileName);
}

const MAX_TITLE = 200;

function firstLineTitle(text: string): string | null {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim();
  return line && line.length <= MAX_TITLE ? line : null;
}

function markdownTitle(text: string): string | null {
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
  return heading && heading.length <= MAX_TITLE ? heading : firstLineTitle(text);
}

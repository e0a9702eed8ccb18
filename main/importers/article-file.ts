/**
 * Reading an article for import, from a file or from bytes the UI sends (drag and drop,
 * paste): check what it is, decode it to Unicode, extract the article from web pages,
 * and say clearly why not when it cannot be done.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportMeta } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { ioError } from '../store/files.js';
import { decodeText, decodeWindows1252 } from './decode.js';
import { declaredCharset, extractArticle } from './html.js';

const TEXT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'];
const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];
export const IMPORTABLE_EXTENSIONS = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS] as const;

export interface ArticleFile {
  /** The decoded text, exactly as written (line endings kept); for pages, the article. */
  text: string;
  /** What the file itself says about the article (title, byline, date, ...). */
  found: ImportMeta;
  fileName: string;
  /** The encoding the bytes were in: utf-8, utf-16le, windows-1252, or a page's charset. */
  encoding: string;
}

/** Larger files are refused: an article is not 64 MB, and the UI must stay responsive. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export async function readArticleFile(file: string): Promise<ArticleFile> {
  const fileName = path.basename(file);
  checkExtension(fileName);
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
  return readArticle(bytes, fileName);
}

export function readArticle(bytes: Uint8Array, fileName: string): ArticleFile {
  const extension = checkExtension(fileName);
  if (bytes.length > MAX_IMPORT_BYTES) throw new FactmarkError('UNSUPPORTED_FILE', `${fileName} is larger than ${MAX_IMPORT_BYTES / 1048576} MB`, { file: fileName });
  if (HTML_EXTENSIONS.includes(extension)) return readPage(bytes, fileName);
  const { text, encoding } = decodeText(bytes, fileName);
  if (text.trim() === '') throw new FactmarkError('BAD_INPUT', `${fileName} is empty`, { file: fileName });
  const title = extension === '.md' || extension === '.markdown' ? markdownTitle(text) : firstLineTitle(text);
  return { text, found: title ? { title } : {}, fileName, encoding };
}

function readPage(bytes: Uint8Array, fileName: string): ArticleFile {
  // A page that declares another charset is decoded with it (browsers do the same).
  const charset = declaredCharset(bytes);
  const legacy = charset && !['utf-8', 'utf8'].includes(charset) && bytes[0] !== 0xef && bytes[0] !== 0xff && bytes[0] !== 0xfe;
  let decoded: { text: string; encoding: string };
  if (legacy && ['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'cp1252'].includes(charset)) {
    // The web treats all of these as Windows-1252.
    decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  } else if (legacy) {
    try {
      decoded = { text: new TextDecoder(charset, { fatal: true }).decode(bytes), encoding: charset };
    } catch {
      throw new FactmarkError('PARSE_ERROR', `${fileName} declares charset "${charset}" but is not valid in it`, { file: fileName });
    }
  } else {
    decoded = decodeText(bytes, fileName);
  }
  if (decoded.text.trim() === '') throw new FactmarkError('BAD_INPUT', `${fileName} is empty`, { file: fileName });
  const page = extractArticle(decoded.text, fileName);
  const found: ImportMeta = {};
  if (page.title) found.title = page.title;
  if (page.author) found.author = page.author;
  if (page.outlet) found.outlet = page.outlet;
  if (page.published) found.published = page.published;
  if (page.url) found.url = page.url;
  if (page.language) found.language = page.language;
  return { text: page.text, found, fileName, encoding: decoded.encoding };
}

function checkExtension(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new FactmarkError('UNSUPPORTED_FILE', `${fileName}: cannot import "${extension || 'no extension'}" files; use ${IMPORTABLE_EXTENSIONS.join(', ')}`, { file: fileName });
  }
  return extension;
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

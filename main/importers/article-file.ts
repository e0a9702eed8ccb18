/**
 * Reading an article for import, from a file or from bytes the UI sends (drag and drop,
 * paste): check what it is, decode it to Unicode, extract the article from web pages,
 * and say clearly why not when it cannot be done.
 */
import path from 'node:path';
import type { ImportMeta } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_ARTICLE_LINES, MAX_TEXT_ARTICLE_BYTES, MAX_WEB_PAGE_BYTES, formatCount, tooLargeMessage } from '../../shared/limits.js';
import { readRegularFile, type ReadLimit } from '../store/regular-file.js';
import { countLines, decodeText, decodeWindows1252 } from './decode.js';
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

/** The most bytes an article file of this name may have. */
function byteLimit(extension: string): ReadLimit {
  return HTML_EXTENSIONS.includes(extension) ? { bytes: MAX_WEB_PAGE_BYTES, takes: 'imports web pages' } : { bytes: MAX_TEXT_ARTICLE_BYTES, takes: 'imports text articles' };
}

/**
 * An article from a file the user named (the command line, the desktop's Open dialog):
 * a regular file of at most the limit, read no further than the limit whatever its
 * stat says. Messages name the file as it was given.
 */
export async function readArticleFile(file: string): Promise<ArticleFile> {
  const fileName = path.basename(file);
  const bytes = await readRegularFile(file, byteLimit(checkExtension(fileName, file)));
  return readArticle(bytes, fileName, file);
}

/**
 * An article from its bytes. `fileName` is recorded in the document; `shownAs` names
 * the file in messages (the path given, when there was one).
 */
export function readArticle(bytes: Uint8Array, fileName: string, shownAs = fileName): ArticleFile {
  const extension = checkExtension(fileName, shownAs);
  const limit = byteLimit(extension);
  if (bytes.length > limit.bytes) throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(shownAs, bytes.length, true, limit.bytes, limit.takes), { file: shownAs });
  if (HTML_EXTENSIONS.includes(extension)) return readPage(bytes, shownAs, fileName);
  // Counted on the bytes: a file of ten million short lines is refused before it is
  // decoded and split (it once took 1.5 GB to import).
  const lines = countLines(bytes);
  if (lines > MAX_ARTICLE_LINES) throw new FactmarkError('UNSUPPORTED_FILE', `${shownAs} has ${formatCount(lines)} lines; Factmark imports articles of up to ${formatCount(MAX_ARTICLE_LINES)} lines`, { file: shownAs });
  const { text, encoding } = decodeText(bytes, shownAs);
  if (text.trim() === '') throw new FactmarkError('BAD_INPUT', `${shownAs} is empty`, { file: shownAs });
  const title = extension === '.md' || extension === '.markdown' ? markdownTitle(text) : firstLineTitle(text);
  return { text, found: title ? { title } : {}, fileName, encoding };
}

function readPage(bytes: Uint8Array, shownAs: string, fileName: string): ArticleFile {
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
      throw new FactmarkError('PARSE_ERROR', `${shownAs} declares charset "${charset}" but is not valid in it`, { file: shownAs });
    }
  } else {
    decoded = decodeText(bytes, shownAs);
  }
  if (decoded.text.trim() === '') throw new FactmarkError('BAD_INPUT', `${shownAs} is empty`, { file: shownAs });
  const page = extractArticle(decoded.text, shownAs);
  const found: ImportMeta = {};
  if (page.title) found.title = page.title;
  if (page.author) found.author = page.author;
  if (page.outlet) found.outlet = page.outlet;
  if (page.published) found.published = page.published;
  if (page.url) found.url = page.url;
  if (page.language) found.language = page.language;
  return { text: page.text, found, fileName, encoding: decoded.encoding };
}

function checkExtension(fileName: string, shownAs: string): string {
  const extension = path.extname(fileName).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new FactmarkError('UNSUPPORTED_FILE', `${shownAs}: cannot import "${extension || 'no extension'}" files; use ${IMPORTABLE_EXTENSIONS.join(', ')}`, { file: shownAs });
  }
  return extension;
}

const MAX_TITLE = 200;

function firstLineTitle(text: string): string | null {
  // The first non-blank line, found without splitting the whole text into lines.
  const line = /\S[^\r\n]*/.exec(text)?.[0].trim();
  return line && line.length <= MAX_TITLE ? line : null;
}

function markdownTitle(text: string): string | null {
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
  return heading && heading.length <= MAX_TITLE ? heading : firstLineTitle(text);
}

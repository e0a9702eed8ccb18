/**
 * Reading an article for import, from a file or from bytes the UI sends (drag and drop,
 * paste): check what it is, decode it to Unicode, extract the article from web pages,
 * PDF, Word and e-mail files (each in a module of its own), and say clearly why not when
 * it cannot be done.
 */
import path from 'node:path';
import type { ImportMeta } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_ARTICLE_LINES, MAX_EMAIL_BYTES, MAX_PDF_BYTES, MAX_TEXT_ARTICLE_BYTES, MAX_WEB_PAGE_BYTES, MAX_WORD_BYTES, formatCount, tooLargeMessage } from '../../shared/limits.js';
import { findFurniture, type FurnitureLine } from '../../shared/text/furniture.js';
import { guessMeta } from '../../shared/text/guess-meta.js';
import type { PageLine } from '../../shared/text/pages.js';
import { readRegularFile, type ReadLimit } from '../store/regular-file.js';
import { countLines, decodeText, decodeWindows1252 } from './decode.js';
import { declaredCharset, extractArticle } from './html.js';

const TEXT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'];
const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];
/** The readers of binary formats, loaded when the first such file is read (see document-readers.ts). */
const readers = () => import('./document-readers.js');

/** Formats with a reader of their own, each with its limit. */
const DOCUMENT_READERS: Record<string, { read: (bytes: Uint8Array, fileName: string, shownAs: string) => Promise<ArticleFile>; limit: ReadLimit }> = {
  '.pdf': { read: async (...args) => (await readers()).readPdf(...args), limit: { bytes: MAX_PDF_BYTES, takes: 'imports PDF files' } },
  '.docx': { read: async (...args) => (await readers()).readDocx(...args), limit: { bytes: MAX_WORD_BYTES, takes: 'imports Word documents' } },
  '.eml': { read: async (...args) => (await readers()).readEmail(...args), limit: { bytes: MAX_EMAIL_BYTES, takes: 'imports e-mails' } },
};
export const IMPORTABLE_EXTENSIONS = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, ...Object.keys(DOCUMENT_READERS)] as const;

export interface ArticleFile {
  /** The decoded text, exactly as written (line endings kept); for pages, the article. */
  text: string;
  /** What the file itself says about the article (title, byline, date, ...). */
  found: ImportMeta;
  fileName: string;
  /**
   * The encoding the bytes were in: utf-8, utf-16le, windows-1252, or a page's charset;
   * utf-8 for PDF, Word and e-mail, whose formats say how their text is stored.
   */
  encoding: string;
  /** Fields of `found` read off the text itself (a byline, a date line), not stated by the file: guesses. */
  guessed?: (keyof ImportMeta)[];
  /** Where each page begins (a PDF's). */
  pages?: PageLine[];
  /** Lines the layout shows to be furniture (a PDF's running heads and page numbers), besides those findFurniture sees in any text. */
  furniture?: FurnitureLine[];
  /** An e-mail's attachments, every one… */
  attachments?: { name: string; type: string; bytes: number }[];
  /** …and those that are articles themselves (PDF, Word), to import as documents of their own. */
  attached?: { name: string; bytes: Uint8Array }[];
  /** A page fetched from the web: the address asked for, and when. */
  retrieved?: { from: string; at: string };
}

/** Every line of an article that looks like page furniture: found in its text, and by its reader. */
export function furnitureOf(article: ArticleFile): FurnitureLine[] {
  const lines = new Map(findFurniture(article.text).map((line) => [line.line, line]));
  for (const line of article.furniture ?? []) lines.set(line.line, line);
  return [...lines.values()].sort((a, b) => a.line - b.line);
}

/** The most bytes an article file of this name may have. */
function byteLimit(extension: string): ReadLimit {
  const reader = DOCUMENT_READERS[extension];
  if (reader) return reader.limit;
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
  return readAnyArticle(bytes, fileName, file);
}

/**
 * An article of any kind Factmark imports, from its bytes: PDF, Word and e-mail files
 * are read by their own readers (asynchronously), text and web pages by readArticle.
 */
export async function readAnyArticle(bytes: Uint8Array, fileName: string, shownAs = fileName): Promise<ArticleFile> {
  const reader = DOCUMENT_READERS[checkExtension(fileName, shownAs)];
  if (!reader) return readArticle(bytes, fileName, shownAs);
  if (bytes.length > reader.limit.bytes) throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(shownAs, bytes.length, true, reader.limit.bytes, reader.limit.takes), { file: shownAs });
  return reader.read(bytes, fileName, shownAs);
}

/**
 * An article from its bytes. `fileName` is recorded in the document; `shownAs` names
 * the file in messages (the path given, when there was one).
 */
export function readArticle(bytes: Uint8Array, fileName: string, shownAs = fileName): ArticleFile {
  const extension = checkExtension(fileName, shownAs);
  if (DOCUMENT_READERS[extension]) throw new Error(`${shownAs}: read with readAnyArticle`);
  const limit = byteLimit(extension);
  if (bytes.length > limit.bytes) throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(shownAs, bytes.length, true, limit.bytes, limit.takes), { file: shownAs });
  if (HTML_EXTENSIONS.includes(extension)) return readPage(bytes, shownAs, fileName);
  // Counted on the bytes: a file of ten million short lines is refused before it is
  // decoded and split (it once took 1.5 GB to import).
  const lines = countLines(bytes);
  if (lines > MAX_ARTICLE_LINES) throw new FactmarkError('UNSUPPORTED_FILE', `${shownAs} has ${formatCount(lines)} lines; Factmark imports articles of up to ${formatCount(MAX_ARTICLE_LINES)} lines`, { file: shownAs });
  const { text, encoding } = decodeText(bytes, shownAs);
  if (text.trim() === '') throw new FactmarkError('BAD_INPUT', `${shownAs} is empty`, { file: shownAs });
  // A Markdown heading states the title; the rest is read off the text, as a guess.
  const heading = extension === '.md' || extension === '.markdown' ? markdownHeading(text) : null;
  const found: ImportMeta = guessMeta(text, heading ? { title: heading } : {});
  const guessed = (Object.keys(found) as (keyof ImportMeta)[]).filter((key) => !(key === 'title' && heading));
  return { text, found, fileName, encoding, ...(guessed.length ? { guessed } : {}) };
}

/**
 * A web page's article. `charset`: what the server said (Content-Type), which comes
 * before what the page declares, as in browsers.
 */
export function readPage(bytes: Uint8Array, shownAs: string, fileName: string, charset: string | null = declaredCharset(bytes)): ArticleFile {
  // A page that declares another charset is decoded with it (browsers do the same).
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

function markdownHeading(text: string): string | null {
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
  return heading && heading.length <= MAX_TITLE ? heading : null;
}

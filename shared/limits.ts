/**
 * How much Factmark reads at once, and how the limits are named in messages. Each limit
 * keeps one import within about 500 MB of memory above the idle process on the team's
 * machines (measured with the CLI, whose idle process is about 110 MB), far above any
 * real news article, and is named in the message that turns a file away.
 */
const MB = 1024 * 1024;

/**
 * A text article (.txt, .md): 32 MB is ten times War and Peace, and still imports
 * whole (a 20 MB article must). Measured: 20 MB of prose peaked at 315 MB, 60 MB at
 * 850 MB (the text, its bytes, its word 5-gram set and the document written out).
 */
export const MAX_TEXT_ARTICLE_BYTES = 32 * MB;

/**
 * Lines in an article. The import splits the text into lines (page furniture, lines to
 * remove) and the app shows one paragraph per line, so lines cost more than bytes: a
 * 20 MB file of 10 million one-letter lines peaked at 850 MB. A million lines is ten
 * times a hard-wrapped book; counted on the bytes, before the text is decoded.
 */
export const MAX_ARTICLE_LINES = 1_000_000;

/**
 * A web page (.html): the DOM built to extract its article takes about 100 times the
 * page's size (a 4 MB page of paragraphs peaked at 500 MB, an 8.5 MB one at 990 MB).
 * News pages are well under 2 MB; a larger one can be saved as text.
 */
export const MAX_WEB_PAGE_BYTES = 4 * MB;

/**
 * A PDF file. pdf.js holds the whole file in memory and reads the text of one page at a
 * time; images are never decoded for their text, so a report full of photographs costs
 * little more than its size. 64 MB takes the long reports analysts receive, with their
 * pictures, and fits one request of the app (see MAX_UPLOAD_BYTES).
 */
export const MAX_PDF_BYTES = 64 * MB;

/**
 * Pages of one PDF. An article, a statement or a report is tens of pages; a 500-page
 * PDF is a book. Reading it would be quick (100 pages take under half a second once
 * pdf.js is loaded, bench/RESULTS.md), but its text, about 3,000 characters a page, would
 * pass the 1 MB document the article view is measured to open within its budget, and
 * its chapters are better annotated as documents of their own. 300 pages is about 0.9 MB
 * of text. Counted before any page is read.
 */
export const MAX_PDF_PAGES = 300;

/**
 * A Word document (.docx): a zip whose text is XML, which the reader (mammoth) holds
 * unpacked with its parse. 32 MB of .docx is mostly pictures; what it unpacks to is
 * limited separately.
 */
export const MAX_WORD_BYTES = 32 * MB;

/** What a Word document may unpack to: checked on the sizes the zip declares before anything is unpacked. */
export const MAX_WORD_UNPACKED_BYTES = 128 * MB;

/**
 * An e-mail (.eml) with its attachments, which MIME carries as base64 (a third larger
 * than the files): a message with a 20 MB PDF attached fits.
 */
export const MAX_EMAIL_BYTES = 32 * MB;

/** A metadata sheet (CSV or JSON, one row per file): a million rows would be 100 MB; 4 MB is tens of thousands. */
export const MAX_METADATA_SHEET_BYTES = 4 * MB;

/**
 * Fetching a web address: the whole exchange (connection, redirects, body) must end
 * within 30 seconds, and at most 5 redirects are followed (browsers allow 20, but a news
 * page that needs more than a couple is a loop or a tracker). The body is held to the
 * limit of what it is: a page MAX_WEB_PAGE_BYTES, a PDF MAX_PDF_BYTES.
 */
export const FETCH_TIMEOUT_MS = 30_000;
export const MAX_REDIRECTS = 5;

/** The largest article file of any kind: what the app sends at most for one file. */
export const MAX_ARTICLE_FILE_BYTES = Math.max(MAX_TEXT_ARTICLE_BYTES, MAX_PDF_BYTES, MAX_WORD_BYTES, MAX_EMAIL_BYTES);

/**
 * One annotation file, or what a zip of them unpacks to: it is parsed whole. 60 MB of
 * W3C JSON Lines peaked at 520 MB.
 */
export const MAX_ANNOTATION_FILE_BYTES = 64 * MB;

/**
 * What the app sends in one request: the files of one annotation import together, as
 * base64. Articles go in batches well under it (see the import panel).
 */
export const MAX_UPLOAD_BYTES = MAX_ANNOTATION_FILE_BYTES;

/**
 * A file of the project itself (a document, a layer). Factmark writes nothing near it:
 * the largest document holds a 32 MB article. It only stops a broken or hostile file
 * from being read without end.
 */
export const MAX_PROJECT_FILE_BYTES = 256 * MB;

/**
 * "x.txt is 75 MB; Factmark imports text articles of up to 32 MB": `takes` says what
 * the limit is for. When the size is not known (a file that reports none, read until
 * the limit was passed), or rounds to the limit, it is "larger than" the limit.
 */
export function tooLargeMessage(name: string, size: number, known: boolean, limit: number, takes: string): string {
  // "is 4 MB; ... up to 4 MB" would puzzle: a size that rounds to the limit is "larger than" it.
  const shown = known && formatBytes(size) !== formatBytes(limit) ? formatBytes(size) : `larger than ${formatBytes(limit)}`;
  return `${name} is ${shown}; Factmark ${takes} of up to ${formatBytes(limit)}`;
}

/** "32 MB", "1.5 MB", "700 KB": sizes as the limits above are named. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** "1,000,000": counts with thousands separators, the same whatever the locale. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

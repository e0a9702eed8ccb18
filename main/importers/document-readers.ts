/**
 * The readers of PDF, Word and e-mail files, with the libraries they need (pdf.js,
 * mammoth, postal-mime): bundled apart from the programs (dist/document-readers.cjs, see
 * scripts/build.mjs) and loaded the first time such a file is read. They are most of
 * the code by size, and every start of the CLI or the browser-mode server would
 * otherwise pay for parsing them (0.3 s here), whether or not it reads a PDF.
 */
export { readDocx } from './docx.js';
export { readEmail } from './eml.js';
export { readPdf } from './pdf.js';

/**
 * PDF files: the text of each page read with pdf.js (pdf-engine.ts), laid out as an
 * article (pdf-layout.ts) with where each page begins, and running heads, feet and page
 * numbers offered as page furniture. A PDF that opens only with a password, one that is
 * damaged, one with more pages than Factmark takes, and one whose pages are pictures
 * (a scan with no text layer) are refused, each saying so.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ImportMeta } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_PDF_PAGES, formatCount } from '../../shared/limits.js';
import { guessMeta } from '../../shared/text/guess-meta.js';
import type { ArticleFile } from './article-file.js';
import { loadPdfJs } from './pdf-engine.js';
import { layoutPdf, type PdfPageRuns, type PdfRun } from './pdf-layout.js';

/** Fewer letters than this outside page furniture, and the PDF has no text layer to speak of. */
const MIN_TEXT_CHARACTERS = 20;

export async function readPdf(bytes: Uint8Array, fileName: string, shownAs: string): Promise<ArticleFile> {
  const pdfjs = await loadPdfJs();
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // A copy: pdf.js may take the buffer it is given over.
    const cMaps = cMapDirectory();
    document = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, ...(cMaps ? { cMapUrl: cMaps, cMapPacked: true } : {}) }).promise;
  } catch (error) {
    throw openError(error, shownAs);
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw new FactmarkError('UNSUPPORTED_FILE', `${shownAs} has ${formatCount(document.numPages)} pages; Factmark imports PDF files of up to ${MAX_PDF_PAGES} pages: save the pages you need as a PDF of their own (print them to PDF) and import that`, { file: shownAs });
    }
    const labels = await document.getPageLabels().catch(() => null);
    const pages: PdfPageRuns[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number).catch((error: unknown) => {
        throw new FactmarkError('PARSE_ERROR', `${shownAs} is damaged: page ${number} cannot be read (${error instanceof Error ? error.message : String(error)})`, { file: shownAs });
      });
      const [left = 0, bottom = 0, right = 612, top = 792] = page.view;
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue; // marked-content boundaries carry no text
        const transform = item.transform as number[];
        runs.push({
          text: item.str,
          x: (transform[4] ?? 0) - left,
          y: (transform[5] ?? 0) - bottom,
          width: item.width,
          size: Math.hypot(transform[2] ?? 0, transform[3] ?? 0) || item.height,
          hasEOL: item.hasEOL,
          rtl: item.dir === 'rtl',
        });
      }
      const label = labels?.[number - 1];
      pages.push({ runs, width: right - left, height: top - bottom, ...(label && label !== String(number) ? { label } : {}) });
      page.cleanup();
    }
    const layout = layoutPdf(pages);
    if (layout.bodyCharacters < MIN_TEXT_CHARACTERS) {
      const what = document.numPages === 1 ? 'its page is a picture' : `its ${formatCount(document.numPages)} pages are pictures`;
      throw new FactmarkError('UNSUPPORTED_FILE', `${shownAs} has no text to import: ${what} (a scan?). Run text recognition (OCR) on it, for example in your PDF reader or scanner's software, and import the result`, { file: shownAs });
    }
    const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    return { text: layout.text, fileName, encoding: 'utf-8', pages: layout.pages, furniture: layout.furniture, ...metadataOf(layout.text, layout.furniture.map((line) => line.line), layout.headline, info) };
  } finally {
    await document.destroy();
  }
}

/**
 * What the PDF says about itself, all of it a guess: the title its author's software
 * wrote (when it is not a file name), else the headline set in the largest type, else
 * what the text's first lines say; the byline and the date from the text. The file's
 * Author is the account that made it and its CreationDate the day it was saved, neither
 * the article's, so neither is taken.
 */
function metadataOf(text: string, furnitureLines: readonly number[], headline: string | null, info: Record<string, unknown>): { found: ImportMeta; guessed?: (keyof ImportMeta)[] } {
  const stated = typeof info.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() : '';
  const usable = stated && !/^(untitled|microsoft word - .*|document\d*)$|\.(docx?|odt|pdf|indd|qxd|rtf|txt)$/i.test(stated) ? stated : null;
  const fromText = guessMeta(withoutLines(text, furnitureLines), usable ?? headline ? { title: usable ?? headline } : {});
  const found: ImportMeta = { ...fromText };
  if (typeof info.Language === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/i.test(info.Language)) found.language = info.Language;
  const guessed = (Object.keys(found) as (keyof ImportMeta)[]).filter((key) => key !== 'language');
  return { found, ...(guessed.length ? { guessed } : {}) };
}

/** The text with the given lines emptied (kept as blank lines), for reading the rest. */
function withoutLines(text: string, lines: readonly number[]): string {
  const drop = new Set(lines);
  return text
    .split('\n')
    .map((line, i) => (drop.has(i) ? '' : line))
    .join('\n');
}

/**
 * Adobe's predefined character maps, which pdf.js needs to read text in the Chinese,
 * Japanese and Korean fonts a PDF does not embed (what office software in those
 * languages writes): beside the bundle (dist/pdfjs-cmaps, copied there by the build),
 * or in pdfjs-dist itself when Factmark runs from its sources (tests, benchmarks).
 */
function cMapDirectory(): string | null {
  const candidates: string[] = [];
  if (typeof __dirname === 'string') candidates.push(path.join(__dirname, 'pdfjs-cmaps'));
  try {
    candidates.push(path.join(path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('pdfjs-dist/package.json')), 'cmaps'));
  } catch {
    // Not run from the sources: the bundle's copy it is.
  }
  const found = candidates.find((directory) => existsSync(path.join(directory, 'UniJIS-UCS2-H.bcmap')));
  return found ? `${found}${path.sep}` : null;
}

/** Why a PDF could not be opened, in words. pdf.js names its errors; their classes may come from another copy of it. */
function openError(error: unknown, shownAs: string): FactmarkError {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new FactmarkError('UNSUPPORTED_FILE', `${shownAs} is protected by a password (encrypted), so its text cannot be read. Open it with the password in a PDF reader, save or print a copy without one, and import that`, { file: shownAs });
  }
  if (name === 'InvalidPDFException') return new FactmarkError('PARSE_ERROR', `${shownAs} is not a PDF file, or it is damaged (${detail})`, { file: shownAs });
  return new FactmarkError('PARSE_ERROR', `${shownAs} could not be read as a PDF: ${detail}`, { file: shownAs });
}

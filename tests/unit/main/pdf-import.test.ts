import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnyArticle } from '../../../main/importers/article-file.js';
import { joinLines } from '../../../main/importers/pdf-layout.js';
import { loadPdfJs } from '../../../main/importers/pdf-engine.js';
import { FactmarkService } from '../../../main/service.js';
import { MAX_PDF_PAGES } from '../../../shared/limits.js';
import { codePointSlice } from '../../../shared/text/offsets.js';
import { articlePages, makePdf, type PdfPage } from '../../helpers/pdf-writer.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

const story = [
  [
    'The coalition handed over the K-1 air base to Iraqi forces on Sunday, officials said, in a cere~mony that took most of the morning.',
    'A well-known commander attended. The hand-over was the third this month, after al-Qaim and Q-West, and a spokes~person said more would follow.',
  ],
  ['The base had hosted coalition troops since 2017, and the well-~known airfield will now be run by the Iraqi air force, the statement added.'],
  ['Rocket attacks on bases hosting coalition troops have increased in recent months, and Washington blames militias backed by Iran.'],
];

async function project() {
  const service = new FactmarkService({ now: () => NOW });
  await service.createProject({ dir: path.join(await tempDir(), 'p') });
  return service;
}

async function importPdfs(service: FactmarkService, files: Record<string, Uint8Array>, trimFurniture = false) {
  const dir = await tempDir('factmark-pdf-');
  const paths = [];
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(path.join(dir, name), bytes);
    paths.push(path.join(dir, name));
  }
  return service.importFilesAt(paths, { trimFurniture, importedBy: 'alice' });
}

describe('importing a PDF', () => {
  it('reads the text in paragraphs, joins words split by a hyphen, and offers running heads and page numbers as furniture', async () => {
    const pdf = makePdf(articlePages(story, { header: 'The Harbour Ledger — 30 March 2020', title: 'Coalition leaves K-1 air base' }), { info: { Title: 'Microsoft Word - k1-draft.docx', Author: 'laptop-42' } });
    const article = await readAnyArticle(pdf, 'k1.pdf');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toContain('The coalition handed over the K-1 air base to Iraqi forces on Sunday, officials said, in a ceremony that took most of the morning.');
    // "spokes-" + "person" is one word again; "well-" + "known" keeps its hyphen, as the document writes it on one line elsewhere.
    expect(article.text).toContain('a spokesperson said more would follow.');
    expect(article.text).toContain('the well-known airfield');
    expect(article.text).not.toMatch(/cere-|ceremony\n/);
    expect(article.furniture).toEqual([
      { line: 0, text: 'The Harbour Ledger — 30 March 2020', reason: 'running header' },
      { line: 7, text: '1', reason: 'page number' },
      { line: 8, text: 'The Harbour Ledger — 30 March 2020', reason: 'running header' },
      { line: 11, text: '2', reason: 'page number' },
      { line: 12, text: 'The Harbour Ledger — 30 March 2020', reason: 'running header' },
      { line: 15, text: '3', reason: 'page number' },
    ]);
    // The headline is the line in the largest type, not the file's "Microsoft Word - …" title, and not the running head.
    expect(article.found).toMatchObject({ title: 'Coalition leaves K-1 air base' });
    expect(article.found.author).toBeUndefined();
    expect(article.guessed).toContain('title');
    expect(article.pages).toEqual([
      { page: 1, line: 0 },
      { page: 2, line: 8 },
      { page: 3, line: 12 },
    ]);
  });

  it('keeps where each page begins, in code points, after the furniture the analyst leaves out', async () => {
    const service = await project();
    // Text before the pages' own text that is longer in UTF-16 than in code points.
    const pdf = makePdf(articlePages(story, { header: 'Ledger – “Iraq” dispatch', title: 'Coalition leaves K-1 air base' }));
    const [outcome] = await importPdfs(service, { 'k1.pdf': pdf }, true);
    expect(outcome).toMatchObject({ status: 'imported', removedLines: [{ reason: 'running header' }, { reason: 'page number' }, { reason: 'running header' }, { reason: 'page number' }, { reason: 'running header' }, { reason: 'page number' }] });
    if (outcome?.status !== 'imported') throw new Error('not imported');
    const { document } = await service.getDocument({ documentId: outcome.documentId, annotator: 'alice' });
    expect(document.text).not.toContain('Ledger');
    // What is left reads as if the furniture had never been there: paragraphs one blank line apart.
    expect(document.text).toMatch(/^Coalition leaves K-1 air base\n\nThe coalition/);
    expect(document.text).not.toMatch(/\n\n\n/);
    const pages = document.meta.source?.pages ?? [];
    expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(codePointSlice(document.text, pages[0]!.start, pages[0]!.start + 9)).toBe('Coalition');
    expect(codePointSlice(document.text, pages[1]!.start, pages[1]!.start + 8)).toBe('The base');
    expect(codePointSlice(document.text, pages[2]!.start, pages[2]!.start + 6)).toBe('Rocket');
  });

  it('reads two columns one after the other, whatever order the file wrote their lines in', async () => {
    const left = ['The left column begins the', 'story of the convoy that', 'crossed the pass at dawn', 'with thirty trucks of flour.'];
    const right = ['The right column goes on:', 'twelve trucks were turned', 'back at the checkpoint by', 'the border police, they said.'];
    // Written row by row across the page, as some layout programs do.
    const texts = left.flatMap((line, i) => [
      { x: 72, y: 700 - i * 14, text: line },
      { x: 320, y: 700 - i * 14, text: right[i]! },
    ]);
    const article = await readAnyArticle(makePdf([{ texts: [{ x: 72, y: 740, text: 'Convoy crosses the Kessary Pass', size: 20 }, ...texts] }]), 'columns.pdf');
    expect(article.text).toBe(
      'Convoy crosses the Kessary Pass\n\nThe left column begins the story of the convoy that crossed the pass at dawn with thirty trucks of flour.\n\nThe right column goes on: twelve trucks were turned back at the checkpoint by the border police, they said.\n',
    );
  });

  it('joins a word split at a line end, unless the hyphen belongs to it', () => {
    expect(joinLines('a recon-', 'struction')).toBe('a reconstruction');
    expect(joinLines('the Franco-', 'German border')).toBe('the Franco- German border');
    expect(joinLines('a well-', 'known fact', new Set(['well-known']))).toBe('a well-known fact');
    expect(joinLines('co\u00ad', 'operation')).toBe('cooperation');
    expect(joinLines('the end.', 'Next')).toBe('the end. Next');
  });

  it('refuses a PDF that needs a password, naming the file and the reason', async () => {
    const locked = makePdf(articlePages(story), { userPassword: 'k1-secret' });
    await expect(readAnyArticle(locked, 'locked.pdf')).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/^locked\.pdf is protected by a password \(encrypted\)/) });
    // The file is really encrypted, and really holds the text: with the password, pdf.js reads it.
    const pdfjs = await loadPdfJs();
    const document = await pdfjs.getDocument({ data: new Uint8Array(locked), password: 'k1-secret', verbosity: 0 }).promise;
    const content = await (await document.getPage(1)).getTextContent();
    expect(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')).toContain('The coalition handed over');
    await document.destroy();
  });

  it('refuses a PDF of pictures (a scan), one of too many pages and a damaged one, and imports the rest of the batch', async () => {
    const service = await project();
    const scan: PdfPage[] = [{ image: true }, { image: true, texts: [{ x: 300, y: 40, text: '2', size: 9 }] }];
    const book = Array.from({ length: 500 }, (_, i): PdfPage => ({ texts: [{ x: 72, y: 700, text: `Chapter text of page ${i + 1}.` }] }));
    const good = makePdf(articlePages(story, { title: 'Coalition leaves K-1 air base' }));
    const outcomes = await importPdfs(service, {
      'scan.pdf': makePdf(scan),
      'book.pdf': makePdf(book),
      'damaged.pdf': Buffer.from('%PDF-1.4\nthis is where the rest of the file was lost'),
      'truncated.pdf': good.subarray(0, 200),
      'good.pdf': good,
    });
    const byName = Object.fromEntries(outcomes.map((outcome) => [path.basename(outcome.file), outcome]));
    expect(byName['scan.pdf']).toMatchObject({ status: 'failed', error: { code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/scan\.pdf has no text to import: its 2 pages are pictures \(a scan\?\)\. Run text recognition \(OCR\)/) } });
    expect(byName['book.pdf']).toMatchObject({ status: 'failed', error: { code: 'UNSUPPORTED_FILE', message: expect.stringMatching(new RegExp(`book\\.pdf has 500 pages; Factmark imports PDF files of up to ${MAX_PDF_PAGES} pages`)) } });
    expect(byName['damaged.pdf']).toMatchObject({ status: 'failed', error: { code: 'PARSE_ERROR', message: expect.stringContaining('damaged.pdf') } });
    expect(byName['truncated.pdf']).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('truncated.pdf') } });
    expect(byName['good.pdf']).toMatchObject({ status: 'imported', title: 'Coalition leaves K-1 air base' });
    expect(await service.listDocuments({})).toHaveLength(1);
  });

  it('reads Japanese text in a font the PDF does not embed, through Adobe\'s character maps', async () => {
    const pdf = makePdf([
      {
        texts: [
          { x: 72, y: 720, text: '連合軍がK1基地を引き渡した', font: 'cjk', size: 16 },
          { x: 72, y: 690, text: 'イラク治安部隊に基地が引き渡されたと当局者が述べた。', font: 'cjk' },
        ],
      },
    ]);
    const article = await readAnyArticle(pdf, 'japanese.pdf');
    expect(article.text).toBe('連合軍がK1基地を引き渡した\n\nイラク治安部隊に基地が引き渡されたと当局者が述べた。\n');
  });

  it('reads the byline and the date line at the top of a PDF as guesses', async () => {
    const pdf = makePdf([
      {
        texts: [
          { x: 72, y: 720, text: 'Relief convoy reaches Ras Zahrun', size: 20 },
          { x: 72, y: 690, text: 'By MARGUERITE ASHDELL' },
          { x: 72, y: 676, text: 'Published: 7 March 2025' },
          { x: 72, y: 640, text: 'Thirty trucks crossed the Kessary Pass on Thursday, a logistics officer said.' },
          { x: 72, y: 626, text: 'Twelve more were turned back at the checkpoint.' },
        ],
      },
    ]);
    const article = await readAnyArticle(pdf, 'convoy.pdf');
    expect(article.found).toEqual({ title: 'Relief convoy reaches Ras Zahrun', author: 'Marguerite Ashdell', published: '2025-03-07' });
    expect(article.guessed?.sort()).toEqual(['author', 'published', 'title']);
  });
});

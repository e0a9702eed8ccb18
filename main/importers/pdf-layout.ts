/**
 * From the pieces of text a PDF places on its pages to an article's text: lines made of
 * the pieces that share a baseline, put in reading order (two columns side by side are
 * read one after the other, whatever order the file wrote them in), lines joined into
 * paragraphs with words split across lines by a hyphen joined again, running headers,
 * footers and page numbers kept as lines of their own and offered as page furniture, and
 * where each page begins. Pure: pdf.ts reads the pieces with pdf.js.
 *
 * What a PDF holds is positioned glyphs, not paragraphs: every rule here is a reading of
 * the layout, tuned to how word processors, news sites' "print to PDF" and press-release
 * templates lay pages out. Paragraphs are separated by a blank line, as in articles
 * extracted from web pages.
 */
import type { FurnitureLine } from '../../shared/text/furniture.js';
import type { PageLine } from '../../shared/text/pages.js';

/** One piece of text as pdf.js gives it, in PDF units with y from the bottom of the page. */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size (the text matrix's vertical scale). */
  size: number;
  /** pdf.js saw the end of a line after this piece. */
  hasEOL: boolean;
  rtl?: boolean;
}

export interface PdfPageRuns {
  runs: PdfRun[];
  width: number;
  height: number;
  /** The page number printed on it, when the PDF names one. */
  label?: string;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface PdfLayout {
  /** Paragraphs separated by a blank line, ending with a line break; empty when the PDF has no text. */
  text: string;
  pages: PageLine[];
  furniture: FurnitureLine[];
  /** The headline, when the first page sets one in larger type than its text. */
  headline: string | null;
  /** Characters of text that is not furniture: 0 for a scan. */
  bodyCharacters: number;
}

interface Placed extends PdfLine {
  furniture: FurnitureLine['reason'] | null;
  /** Which column the line is in: 0 the only or left one, 1 the right one. */
  column: number;
}

export function layoutPdf(pages: readonly PdfPageRuns[]): PdfLayout {
  const placed = pages.map((page) => orderLines(linesOf(page.runs), page.width, page.height));
  markFurniture(placed, pages);
  const hyphenated = hyphenatedWords(placed);
  const paragraphs: { text: string; furniture: FurnitureLine['reason'] | null; page: number }[] = [];
  placed.forEach((lines, index) => paragraphs.push(...paragraphsOf(lines, hyphenated).map((paragraph) => ({ ...paragraph, page: index + 1 }))));
  // Paragraphs are separated by a blank line; a line of furniture follows its paragraph
  // after that blank line and the next comes straight after it, so that leaving it out
  // leaves the text as if it had never been there ("A\n\n1\nB" less "1" is "A\n\nB").
  let text = '';
  let line = 0;
  const furniture: FurnitureLine[] = [];
  const firstLines = new Map<number, number>();
  paragraphs.forEach((paragraph, i) => {
    const previous = paragraphs[i - 1];
    if (previous) {
      const separator = previous.furniture ? '\n' : paragraph.furniture || !previous.furniture ? '\n\n' : '\n';
      text += separator;
      line += separator.length;
    }
    if (!firstLines.has(paragraph.page)) firstLines.set(paragraph.page, line);
    if (paragraph.furniture) furniture.push({ line, text: paragraph.text, reason: paragraph.furniture });
    text += paragraph.text;
  });
  if (text) text += '\n';
  // A page with no text begins where the next one does.
  const pageLines: PageLine[] = [];
  for (let page = pages.length; page >= 1; page--) {
    const start = firstLines.get(page) ?? pageLines[0]?.line ?? line + 1;
    pageLines.unshift({ page, line: start, ...(pages[page - 1]?.label ? { label: pages[page - 1]?.label } : {}) });
  }
  const bodyCharacters = paragraphs.reduce((sum, paragraph) => sum + (paragraph.furniture ? 0 : paragraph.text.replace(/\s/g, '').length), 0);
  return { text, pages: pageLines, furniture, headline: headlineOf(placed[0] ?? []), bodyCharacters };
}

// --- lines -------------------------------------------------------------------------------

/**
 * Pieces that follow each other on one baseline make a line. A piece far to the right of
 * the last (more than three letters' width) starts another: it is the next column's line
 * at the same height, which the file may well have written in the same breath.
 */
export function linesOf(runs: readonly PdfRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  for (const run of runs) {
    const size = run.size > 0 ? run.size : 10;
    const blank = run.text.trim() === '';
    if (current && sameLine(current, run, size)) {
      if (blank) current.text = current.text.endsWith(' ') ? current.text : `${current.text} `;
      else {
        const gap = run.rtl ? current.x0 - (run.x + run.width) : run.x - current.x1;
        const space = gap > size * 0.2 && !current.text.endsWith(' ') && !run.text.startsWith(' ') ? ' ' : '';
        current.text += space + run.text;
        current.x0 = Math.min(current.x0, run.x);
        current.x1 = Math.max(current.x1, run.x + run.width);
        current.size = Math.max(current.size, size);
      }
    } else if (!blank) {
      current = { text: run.text, x0: run.x, x1: run.x + run.width, y: run.y, size };
      lines.push(current);
    }
    if (run.hasEOL) current = null;
  }
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines.filter((line) => line.text !== '');
}

function sameLine(line: PdfLine, run: PdfRun, size: number): boolean {
  if (Math.abs(line.y - run.y) > Math.max(line.size, size) * 0.5) return false;
  if (run.rtl) return run.x + run.width <= line.x0 + size && line.x0 - (run.x + run.width) < size * 3;
  return run.x >= line.x1 - size && run.x - line.x1 < size * 3;
}

// --- reading order -----------------------------------------------------------------------

/** The share of the page at the top and at the foot where running heads and page numbers sit. */
const MARGIN_BAND = 0.1;

/**
 * Lines top to bottom; where the page has two columns, the left one's lines (in that
 * band of the page) before the right one's. Lines that cross the gutter (a headline
 * across the page) and those in the top and bottom margins divide the bands.
 */
export function orderLines(lines: readonly PdfLine[], width: number, height: number): Placed[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const inMargin = (line: PdfLine) => line.y > height * (1 - MARGIN_BAND) || line.y < height * MARGIN_BAND;
  const split = gutterOf(sorted.filter((line) => !inMargin(line)), width);
  if (split === null) return sorted.map((line) => ({ ...line, furniture: null, column: 0 }));
  const ordered: Placed[] = [];
  let band: { left: Placed[]; right: Placed[] } = { left: [], right: [] };
  const flush = () => {
    ordered.push(...band.left, ...band.right);
    band = { left: [], right: [] };
  };
  for (const line of sorted) {
    if (line.x1 <= split && !inMargin(line)) band.left.push({ ...line, furniture: null, column: 0 });
    else if (line.x0 >= split && !inMargin(line)) band.right.push({ ...line, furniture: null, column: 1 });
    else {
      flush();
      ordered.push({ ...line, furniture: null, column: 0 });
    }
  }
  flush();
  return ordered;
}

/**
 * The x of the gap between two columns, or null for a page of one. Columns are lines of
 * text side by side: at least three lines a sixth of the page wide on each side of a
 * gap in the middle of the page, at the same heights, with few lines crossing it. (A
 * table's short cells are not columns of text.)
 */
function gutterOf(lines: readonly PdfLine[], width: number): number | null {
  const wide = (line: PdfLine) => line.x1 - line.x0 >= width * 0.15;
  let best: { x: number; crossing: number } | null = null;
  if (lines.filter(wide).length < 6) return null;
  for (let x = width * 0.3; x <= width * 0.7; x += 2) {
    const left = lines.filter((line) => line.x1 <= x);
    const right = lines.filter((line) => line.x0 >= x);
    const crossing = lines.length - left.length - right.length;
    if (left.filter(wide).length < 3 || right.filter(wide).length < 3 || crossing > (left.length + right.length) / 4) continue;
    // Side by side: the right column's lines are at the heights of the left one's.
    const top = Math.min(Math.max(...left.map((line) => line.y)), Math.max(...right.map((line) => line.y)));
    const bottom = Math.max(Math.min(...left.map((line) => line.y)), Math.min(...right.map((line) => line.y)));
    if (top <= bottom) continue;
    if (!best || crossing < best.crossing || (crossing === best.crossing && Math.abs(x - width / 2) < Math.abs(best.x - width / 2))) best = { x, crossing };
  }
  return best?.x ?? null;
}

// --- furniture ---------------------------------------------------------------------------

const PAGE_NUMBER = /^(?:(?:page|p\.|pg\.?|seite|página|pag\.)\s*)?[-–—(]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?(?:\s*(?:of|\/|de|von|sur)\s*\d{1,4})?$/i;

/** How a line reads once its numbers are set aside: "Page 3 of 12" and "Page 4 of 12" are one running foot. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Running heads and feet are the lines at the top or foot of a page that come back on
 * at least half of the pages (two at least); a page number is a number alone there.
 * Either is kept as a line of its own, to leave out at import if the analyst agrees.
 */
function markFurniture(placed: readonly Placed[][], pages: readonly PdfPageRuns[]): void {
  const edges = placed.map((lines, i) => {
    const height = pages[i]?.height ?? 792;
    const top = lines.slice(0, 2).filter((line) => line.y > height * (1 - MARGIN_BAND * 1.5));
    const foot = lines.slice(-2).filter((line) => line.y < height * MARGIN_BAND * 1.5);
    return { top, foot };
  });
  const counts = new Map<string, number>();
  for (const { top, foot } of edges) {
    for (const shapeOf of new Set([...top, ...foot].map((line) => shape(line.text)))) counts.set(shapeOf, (counts.get(shapeOf) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(placed.length * 0.5));
  for (const { top, foot } of edges) {
    for (const [lines, where] of [
      [top, 'running header'],
      [foot, 'running footer'],
    ] as const) {
      for (const line of lines) {
        if (PAGE_NUMBER.test(line.text)) line.furniture = 'page number';
        else if ((counts.get(shape(line.text)) ?? 0) >= needed) line.furniture = where;
      }
    }
  }
}

// --- paragraphs --------------------------------------------------------------------------

/** Words written elsewhere in the document with their hyphen inside a line ("well-known"): kept whole when split at it. */
function hyphenatedWords(placed: readonly Placed[][]): Set<string> {
  const words = new Set<string>();
  for (const lines of placed) for (const line of lines) for (const match of line.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) words.add(match[0].toLowerCase());
  return words;
}

const SENTENCE_END = /[.!?:;"”’)\]]$/;

function paragraphsOf(lines: readonly Placed[], hyphenated: ReadonlySet<string>): { text: string; furniture: FurnitureLine['reason'] | null }[] {
  const paragraphs: { text: string; furniture: FurnitureLine['reason'] | null }[] = [];
  // The usual distance from one line to the next: most gaps between lines of one size
  // are that, and the larger ones are between paragraphs.
  const gaps = lines.slice(1).flatMap((line, i) => {
    const above = lines[i] as Placed;
    const gap = above.y - line.y;
    return gap > 0 && Math.abs(above.size - line.size) < 0.5 ? [gap] : [];
  });
  const spacing = quantile(gaps, 0.25) ?? 14;
  // The edges of each column's text, for each size of type (a headline may be wider than the text).
  const right = new Map<string, number>();
  const left = new Map<string, number>();
  for (const line of lines) {
    if (line.furniture) continue;
    right.set(edgeKey(line), Math.max(right.get(edgeKey(line)) ?? 0, line.x1));
    left.set(edgeKey(line), Math.min(left.get(edgeKey(line)) ?? Number.POSITIVE_INFINITY, line.x0));
  }
  let previous: Placed | null = null;
  for (const line of lines) {
    const last = paragraphs[paragraphs.length - 1];
    if (!previous || !last || startsParagraph(previous, line, spacing, right, left)) {
      paragraphs.push({ text: line.text, furniture: line.furniture });
    } else {
      last.text = joinLines(last.text, line.text, hyphenated);
    }
    previous = line;
  }
  return paragraphs;
}

const edgeKey = (line: Placed) => `${line.column}:${Math.round(line.size)}`;

function startsParagraph(previous: Placed, line: Placed, spacing: number, right: ReadonlyMap<string, number>, left: ReadonlyMap<string, number>): boolean {
  if (previous.furniture || line.furniture) return true;
  if (Math.abs(previous.size - line.size) > Math.max(previous.size, line.size) * 0.15) return true;
  // Into the next column: the paragraph goes on unless the last one ended a sentence.
  if (line.column !== previous.column) return SENTENCE_END.test(previous.text);
  const gap = previous.y - line.y;
  if (gap <= 0 || gap > spacing * 1.5) return true;
  // A first line set in.
  if (line.x0 > previous.x0 + line.size && line.x0 > (left.get(edgeKey(line)) ?? 0) + line.size * 0.8) return true;
  // The last line of a paragraph stops short of the column's right edge: a little, after
  // a sentence; well short (a byline, a date line, a heading), whatever its end.
  const start = left.get(edgeKey(previous)) ?? previous.x0;
  const edge = right.get(edgeKey(previous)) ?? previous.x1;
  const columnWidth = edge - start;
  if (previous.x1 - start < columnWidth * 0.6) return true;
  return previous.x1 < edge - columnWidth * 0.15 && SENTENCE_END.test(previous.text);
}

/**
 * "recon-" + "struction" is "reconstruction"; "well-" + "known" stays "well-known" when
 * the document writes it so elsewhere, and a capital after the hyphen ("Franco-" +
 * "German") keeps it. A soft hyphen at the end of a line is always a split word.
 */
export function joinLines(before: string, after: string, hyphenated: ReadonlySet<string> = new Set()): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  const split = /(\p{L}+)-$/u.exec(before);
  const next = /^\p{Ll}[\p{L}]*/u.exec(after);
  if (split?.[1] && next) {
    const whole = `${split[1]}-${next[0]}`.toLowerCase();
    return hyphenated.has(whole) ? before + after : before.slice(0, -1) + after;
  }
  return `${before} ${after}`;
}

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)] as number;
}

const median = (values: readonly number[]) => quantile(values, 0.5);

// --- headline ------------------------------------------------------------------------------

/**
 * The first page's headline: the lines in its top half set in the largest type, when
 * that type is clearly larger (by a sixth) than most of the page's text.
 */
function headlineOf(lines: readonly Placed[]): string | null {
  const body = lines.filter((line) => !line.furniture);
  const usual = median(body.map((line) => line.size));
  if (usual === null || body.length < 2) return null;
  const top = Math.max(...body.map((line) => line.y));
  const bottom = Math.min(...body.map((line) => line.y));
  const upper = body.filter((line) => line.y >= (top + bottom) / 2);
  const largest = Math.max(...upper.map((line) => line.size));
  if (largest < usual * 1.17) return null;
  const first = upper.findIndex((line) => line.size === largest);
  const parts: string[] = [];
  for (const line of upper.slice(first)) {
    if (line.size !== largest) break;
    parts.push(line.text);
  }
  const headline = parts.reduce((text, part) => (text ? joinLines(text, part) : part), '');
  return headline.length > 0 && headline.length <= 300 ? headline : null;
}

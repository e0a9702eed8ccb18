/**
 * The pages of a document made from a PDF: where each begins in the text, so a span can
 * be cited with its page ("Characters 265–341 · page 3"). A reader gives each page as
 * the line it starts on; the import turns lines into code point offsets once the lines
 * the analyst left out (page furniture) are gone.
 */

export interface PageLine {
  /** 1-based, in the file's order. */
  page: number;
  /** The 0-based line of the text as read on which the page begins. */
  line: number;
  /** The number printed on the page, when the file names one ("iv", "A-3"). */
  label?: string;
}

// A type, not an interface: it is stored in documents, whose schema allows more keys.
export type PageStart = {
  page: number;
  /** Code point offset into the document's text. */
  start: number;
  label?: string;
};

/**
 * Code point offsets of the pages in `text`, which is the text as read without the
 * lines `removed` (0-based line numbers of the text as read). A page whose first lines
 * were removed (a running head) begins at its first kept line with text on it; one with
 * no text left, where the next begins.
 */
export function pageStarts(text: string, pages: readonly PageLine[], removed: readonly number[] = []): PageStart[] {
  const gone = new Set(removed);
  const dropped = [...gone];
  // The start of every line of `text`, in code points, and which lines are empty.
  const lineStarts = [0];
  const empty: boolean[] = [];
  let offset = 0;
  let previous = '';
  let hasText = false;
  for (const character of text) {
    offset++;
    if (character === '\n' || character === '\r') {
      // \r\n is one line break: its \n moves the start just recorded one further.
      if (character === '\n' && previous === '\r') lineStarts[lineStarts.length - 1] = offset;
      else {
        empty.push(!hasText);
        lineStarts.push(offset);
      }
      hasText = false;
    } else if (!/\s/.test(character)) hasText = true;
    previous = character;
  }
  empty.push(!hasText);
  // Each page's first line in `text`: past its own first lines if they went (and the
  // blank lines after them, up to the next page), less the lines gone before it.
  const kept = pages.map((page) => {
    let line = page.line;
    while (gone.has(line)) line++;
    return { line: line - dropped.filter((number) => number < line).length, moved: line !== page.line };
  });
  return pages.map((page, i) => {
    let line = kept[i]?.line ?? 0;
    const next = kept[i + 1]?.line ?? lineStarts.length;
    if (kept[i]?.moved) while (line < next && line < empty.length - 1 && empty[line]) line++;
    const start = line < lineStarts.length ? (lineStarts[line] as number) : offset;
    return { page: page.page, start: Math.min(start, offset), ...(page.label !== undefined ? { label: page.label } : {}) };
  });
}

/** The pages a span from `start` to `end` (code points) lies on; empty without pages. */
export function pagesOf(pages: readonly PageStart[] | undefined, start: number, end: number): PageStart[] {
  if (!pages?.length) return [];
  const last = Math.max(start, end - 1);
  const found: PageStart[] = [];
  pages.forEach((page, i) => {
    const next = pages[i + 1];
    const pageEnd = next ? next.start : Number.POSITIVE_INFINITY;
    // A page with no text of its own (it starts where the next does) holds nothing.
    if (next && next.start === page.start) return;
    if (page.start <= last && pageEnd > start) found.push(page);
  });
  return found;
}

/** "page 3", "pages 3–4", "page iv": how a citation names the pages of a span. */
export function describePages(pages: readonly PageStart[]): string | null {
  const first = pages[0];
  const last = pages[pages.length - 1];
  if (!first || !last) return null;
  const name = (page: PageStart) => page.label ?? String(page.page);
  return first === last ? `page ${name(first)}` : `pages ${name(first)}–${name(last)}`;
}

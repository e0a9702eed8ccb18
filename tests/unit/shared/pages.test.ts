import { describe, expect, it } from 'vitest';
import { describePages, pageStarts, pagesOf } from '../../../shared/text/pages.js';
import { removeLines } from '../../../shared/text/furniture.js';

describe('where the pages of a PDF begin', () => {
  const read = 'Head\n\n😀 One\n\n1\n\nHead\n\nTwo\r\n\r\n2\n\nThree\n';
  const pages = [
    { page: 1, line: 0 },
    { page: 2, line: 6 },
    { page: 3, line: 12 },
  ];

  it('counts code points, with \\r\\n as two', () => {
    expect(pageStarts(read, pages)).toEqual([
      { page: 1, start: 0 },
      { page: 2, start: 16 },
      { page: 3, start: 32 },
    ]);
  });

  it('moves with the lines left out, and a page whose first line went begins at its next line with text', () => {
    // Page 1's and page 2's first lines (running heads) and the page numbers go.
    const removed = [0, 4, 6, 10];
    const text = removeLines(read, removed);
    const starts = pageStarts(text, pages, removed);
    expect(starts).toEqual([
      { page: 1, start: 1 },
      { page: 2, start: 10 },
      { page: 3, start: 18 },
    ]);
    expect([...text].slice(starts[0]!.start, starts[0]!.start + 5).join('')).toBe('😀 One');
    expect([...text].slice(starts[1]!.start, starts[1]!.start + 3).join('')).toBe('Two');
  });

  it('names the pages a span lies on', () => {
    const starts = [
      { page: 1, start: 0 },
      { page: 2, start: 100, label: 'ii' },
      { page: 3, start: 150 }, // a page with no text: it begins where the next does
      { page: 4, start: 150 },
    ];
    expect(describePages(pagesOf(starts, 10, 20))).toBe('page 1');
    expect(describePages(pagesOf(starts, 90, 120))).toBe('pages 1–ii');
    expect(describePages(pagesOf(starts, 120, 160))).toBe('pages ii–4');
    expect(describePages(pagesOf(starts, 100, 100))).toBe('page ii');
    expect(describePages(pagesOf(undefined, 1, 2))).toBeNull();
  });
});

/**
 * A text as the document view shows it: one line per paragraph element, the line breaks
 * (\r\n, \n or \r) between them kept out of the view but counted in the source. Maps
 * between (line, offset in line) and UTF-16 offsets into the source text, so that a
 * selection in the view becomes exact source offsets whatever the line endings.
 */

export interface Line {
  /** UTF-16 offset of the line's first character in the source text. */
  start: number;
  text: string;
}

export interface LineLayout {
  lines: Line[];
  /** Line holding UTF-16 offset `utf16` and the offset within it. An offset inside a
   *  line break (between \r and \n, or on the break) maps to the end of its line. */
  locate(utf16: number): { line: number; offset: number };
  /** Source UTF-16 offset of a position in the view. */
  toSource(line: number, offset: number): number;
}

export function layoutLines(text: string): LineLayout {
  const lines: Line[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, text: text.slice(start) });

  const locate = (utf16: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((lines[mid] as Line).start <= utf16) lo = mid;
      else hi = mid - 1;
    }
    const line = lines[lo] as Line;
    return { line: lo, offset: Math.min(utf16 - line.start, line.text.length) };
  };
  const toSource = (line: number, offset: number) => {
    const found = lines[Math.max(0, Math.min(line, lines.length - 1))] as Line;
    return found.start + Math.max(0, Math.min(offset, found.text.length));
  };
  return { lines, locate, toSource };
}

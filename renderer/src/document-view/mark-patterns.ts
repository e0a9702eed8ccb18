/**
 * A line pattern per label, so that labels (and the compare view's kinds of difference,
 * drawn as labels) are told apart by the shape of their underline as well as its colour:
 * a reader who cannot tell the colours apart (deuteranopia turns the claim's amber and
 * the date's green into one olive) still can. The n-th label of a schema gets the n-th
 * pattern; legends (the span list, the review's) show the same pattern as the article.
 */

export interface MarkPattern {
  /** Said in legends' titles ("solid line"). */
  name: string;
  /** Lengths along the line, in px: drawn, gap, drawn, gap… (empty: solid). */
  dashes: readonly number[];
}

export const MARK_PATTERNS: readonly MarkPattern[] = [
  { name: 'solid line', dashes: [] },
  { name: 'dotted line', dashes: [3, 3] },
  { name: 'dashed line', dashes: [9, 4] },
  { name: 'dash-dot line', dashes: [9, 3, 3, 3] },
  { name: 'short dashes, wide gaps', dashes: [4, 7] },
  { name: 'pairs of dots', dashes: [2, 2, 2, 8] },
  { name: 'long dashes', dashes: [16, 4] },
];

export function patternOf(index: number): MarkPattern {
  return MARK_PATTERNS[index % MARK_PATTERNS.length] as MarkPattern;
}

/**
 * The CSS background that draws the pattern along a line, left to right, in
 * var(--label-color) (repeating-linear-gradient stops: colour over each dash, nothing over each gap).
 */
export function patternBackground(pattern: MarkPattern): string {
  if (pattern.dashes.length === 0) return 'linear-gradient(var(--label-color), var(--label-color))';
  const stops: string[] = [];
  let at = 0;
  pattern.dashes.forEach((length, i) => {
    const colour = i % 2 === 0 ? 'var(--label-color)' : 'transparent';
    stops.push(`${colour} ${at}px ${at + length}px`);
    at += length;
  });
  return `repeating-linear-gradient(to right, ${stops.join(', ')})`;
}

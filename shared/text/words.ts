/**
 * Snapping a selection to whole words, as analysts expect when they drag across text:
 * a boundary inside a word moves out to the word's edge, and white space at either end
 * is dropped. Works in UTF-16 indexes (the DOM's unit) with Intl.Segmenter, so it
 * follows Unicode word rules for every script (Arabic, CJK, emoji).
 */

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(key, found);
  }
  return found;
}

/** How far around a boundary to look for its word: words are never this long. */
const WINDOW = 256;

/** The [start, end) of the segment that contains UTF-16 index `at`, or null at the end. */
function segmentAt(text: string, at: number, locale?: string): { start: number; end: number; isWordLike: boolean } | null {
  if (at >= text.length) return null;
  const from = Math.max(0, at - WINDOW);
  const slice = text.slice(from, Math.min(text.length, at + WINDOW));
  const found = segmenter(locale).segment(slice).containing(at - from);
  if (!found) return null;
  return { start: from + found.index, end: from + found.index + found.segment.length, isWordLike: found.isWordLike ?? false };
}

/**
 * Expands [start, end) (UTF-16) to whole words and trims surrounding white space.
 * Returns the range unchanged when it holds nothing but white space.
 */
export function snapToWords(text: string, start: number, end: number, locale?: string): { start: number; end: number } {
  if (end <= start) return { start, end };
  let from = start;
  let to = end;
  const first = segmentAt(text, from, locale);
  if (first?.isWordLike) from = first.start;
  const last = segmentAt(text, to - 1, locale);
  if (last?.isWordLike) to = last.end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return from < to ? { start: from, end: to } : { start, end };
}

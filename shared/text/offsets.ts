/**
 * Offsets in Factmark are Unicode code points (ARCHITECTURE.md); JavaScript strings,
 * the DOM and Lexical count UTF-16 code units. These helpers convert between the two.
 *
 * A code point is what `for (const c of text)` yields: a surrogate pair counts once, a
 * lone surrogate counts once, `\r\n` counts twice. An index that falls between the two
 * halves of a pair is rounded down to the pair's start, so a position from the DOM can
 * never split a character.
 */

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when UTF-16 index `i` starts a surrogate pair (so the code point is two units). */
function startsPair(text: string, i: number): boolean {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
}

export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (startsPair(text, i)) i++;
    count++;
  }
  return count;
}

/**
 * Precomputed index for one text: conversions in O(log a), where a is the number of
 * astral characters. Build it once per document; the per-call helpers below are for
 * one-off conversions.
 */
export interface OffsetIndex {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  toUtf16(codePoint: number): number;
  toCodePoint(utf16: number): number;
  slice(start: number, end: number): string;
}

export function createOffsetIndex(text: string): OffsetIndex {
  // UTF-16 positions of every surrogate pair's first unit, in order. For a code point
  // offset cp, the UTF-16 offset is cp plus the number of pairs that start before it.
  const pairsAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (startsPair(text, i)) {
      pairsAt.push(i);
      i++;
    }
  }
  const length = text.length - pairsAt.length;

  /** Number of pairs whose UTF-16 start is < utf16. */
  const pairsBeforeUtf16 = (utf16: number): number => {
    let lo = 0;
    let hi = pairsAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairsAt[mid] as number) < utf16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const toUtf16 = (codePoint: number): number => {
    checkOffset(codePoint, length, 'code point');
    // The k-th pair (0-based) starts at code point pairsAt[k] - k; count pairs starting
    // strictly before codePoint.
    let lo = 0;
    let hi = pairsAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairsAt[mid] as number) - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  };

  const toCodePoint = (utf16: number): number => {
    checkOffset(utf16, text.length, 'UTF-16');
    // If utf16 is the low half of a pair, that pair is counted in `before` and the
    // result is the pair's own code point: rounding down comes for free.
    return utf16 - pairsBeforeUtf16(utf16);
  };

  return {
    text,
    length,
    toUtf16,
    toCodePoint,
    slice: (start, end) => text.slice(toUtf16(start), toUtf16(end)),
  };
}

function checkOffset(offset: number, max: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${unit} offset ${offset} is outside 0..${max}`);
  }
}

/** UTF-16 index of code point offset `codePoint` in `text`. */
export function codePointToUtf16(text: string, codePoint: number): number {
  let cp = 0;
  let i = 0;
  while (cp < codePoint && i < text.length) {
    i += startsPair(text, i) ? 2 : 1;
    cp++;
  }
  if (cp !== codePoint || !Number.isInteger(codePoint)) {
    throw new RangeError(`code point offset ${codePoint} is outside 0..${cp}`);
  }
  return i;
}

/** Code point offset of UTF-16 index `utf16` (rounded down inside a surrogate pair). */
export function utf16ToCodePoint(text: string, utf16: number): number {
  checkOffset(utf16, text.length, 'UTF-16');
  let cp = 0;
  let i = 0;
  while (i < utf16) {
    const step = startsPair(text, i) ? 2 : 1;
    if (i + step > utf16) break; // utf16 is the low half of a pair
    i += step;
    cp++;
  }
  return cp;
}

/**
 * `text[start:end]` in code points. Unlike Python it does not clamp: an offset outside
 * the text or `end < start` throws a RangeError, because here such an offset is a bug.
 */
export function codePointSlice(text: string, start: number, end: number): string {
  if (!Number.isInteger(end) || end < start) throw new RangeError(`span end ${end} is before start ${start}`);
  const from = codePointToUtf16(text, start);
  let i = from;
  for (let cp = start; cp < end; cp++) {
    if (i >= text.length) throw new RangeError(`code point offset ${end} is outside 0..${cp}`);
    i += startsPair(text, i) ? 2 : 1;
  }
  return text.slice(from, i);
}

/**
 * fast-check generators for the text that breaks offset code: astral characters,
 * combining marks, ZWJ emoji sequences, CRLF, tabs and right-to-left scripts, mixed with
 * plain ASCII and the occasional lone surrogate.
 */
import fc from 'fast-check';

const pieces = [
  'a', 'b', 'Z', ' ', '.', '\n', '\r\n', '\t',
  '😀', '👍🏽', '👩‍🚒', '👨‍👩‍👧‍👦', '🇮🇶', '𝔘', '𐍈', // astral, modifiers, ZWJ and flag sequences
  'e\u0301', 'ñ', 'a\u0308\u0323', // combining marks
  'مرحبا', 'بغداد', 'שלום', '\u200f', '\u200e', // right-to-left text and marks
  '“', '”', '\u00a0', '\u2022',
];

/** Strings built from the tricky pieces above plus arbitrary full-Unicode characters. */
export const trickyText = (maxPieces = 40) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) }), { maxLength: maxPieces })
    .map((parts) => parts.join(''));

/** Text of at least one code point, with a valid [start, end) code point range in it. */
export const textWithRange = trickyText().chain((text) => {
  const length = [...text].length;
  return fc
    .tuple(fc.nat({ max: length }), fc.nat({ max: length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) }));
});

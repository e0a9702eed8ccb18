import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointSlice, codePointToUtf16, createOffsetIndex, utf16ToCodePoint } from '../../../shared/text/offsets.js';
import { textWithRange, trickyText } from '../../helpers/arbitraries.js';

/** The reference: JavaScript's own code point iteration. */
const codePoints = (text: string) => [...text];

describe('code point offsets', () => {
  it('count like Python: surrogate pairs once, CRLF twice, combining marks separately', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\r\n')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(codePointLength('👩‍🚒')).toBe(3); // woman, ZWJ, fire engine
    expect(codePointLength('بغداد')).toBe(5);
    expect(codePointSlice('a😀b👍🏽c', 1, 4)).toBe('😀b👍');
    expect(codePointSlice('x\r\ny', 1, 3)).toBe('\r\n');
  });

  it('length agrees with [...text] for any text', () => {
    fc.assert(fc.property(trickyText(), (text) => codePointLength(text) === codePoints(text).length));
  });

  it('codePointSlice agrees with slicing the code point array', () => {
    fc.assert(
      fc.property(textWithRange, ({ text, start, end }) => {
        expect(codePointSlice(text, start, end)).toBe(codePoints(text).slice(start, end).join(''));
        expect(createOffsetIndex(text).slice(start, end)).toBe(codePoints(text).slice(start, end).join(''));
      }),
    );
  });

  it('code point -> UTF-16 -> code point is the identity at every boundary', () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        const index = createOffsetIndex(text);
        for (let cp = 0; cp <= index.length; cp++) {
          const utf16 = codePointToUtf16(text, cp);
          expect(index.toUtf16(cp)).toBe(utf16);
          expect(utf16ToCodePoint(text, utf16)).toBe(cp);
          expect(index.toCodePoint(utf16)).toBe(cp);
          expect(text.slice(0, utf16)).toBe(codePoints(text).slice(0, cp).join(''));
        }
      }),
    );
  });

  it('a UTF-16 index inside a surrogate pair rounds down to the pair, never splits it', () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        const index = createOffsetIndex(text);
        for (let i = 0; i <= text.length; i++) {
          const cp = index.toCodePoint(i);
          expect(utf16ToCodePoint(text, i)).toBe(cp);
          const back = index.toUtf16(cp);
          expect(back === i || back === i - 1).toBe(true);
          if (back === i - 1) expect(text.codePointAt(back)).toBeGreaterThan(0xffff);
        }
      }),
    );
  });

  it('refuses offsets outside the text instead of clamping', () => {
    expect(() => codePointSlice('abc', 1, 4)).toThrow(RangeError);
    expect(() => codePointSlice('abc', 2, 1)).toThrow(RangeError);
    expect(() => codePointToUtf16('a😀', 3)).toThrow(RangeError);
    expect(() => codePointToUtf16('a😀', -1)).toThrow(RangeError);
    expect(() => createOffsetIndex('a😀').toUtf16(2.5)).toThrow(RangeError);
    expect(() => utf16ToCodePoint('a😀', 4)).toThrow(RangeError);
  });

  it('handles a lone surrogate as one code point, as JavaScript iteration does', () => {
    const text = 'a\ud800b\udc00';
    expect(codePointLength(text)).toBe(4);
    expect(codePointSlice(text, 1, 3)).toBe('\ud800b');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../shared/text/words.js';
import { trickyText } from '../../helpers/arbitraries.js';

const snapped = (text: string, selected: string, from = 0) => {
  const start = text.indexOf(selected, from);
  const range = snapToWords(text, start, start + selected.length);
  return text.slice(range.start, range.end);
};

describe('snapping a selection to words', () => {
  const text = 'The coalition handed K-1 Air Base, near Kirkuk, to Iraqi forces on Sunday.';
  it('extends a boundary inside a word to the whole word', () => {
    expect(snapped(text, 'alition hand')).toBe('coalition handed');
    expect(snapped(text, 'irkuk')).toBe('Kirkuk');
    expect(snapped(text, 'K-1 Air Ba')).toBe('K-1 Air Base');
  });

  it('drops white space at the ends but keeps punctuation that was selected', () => {
    expect(snapped(text, ' Kirkuk, ')).toBe('Kirkuk,');
    expect(snapped(text, ' on Sunday')).toBe('on Sunday');
  });

  it('works for Arabic, emoji and CRLF text', () => {
    const arabic = 'قال المتحدث إن القوات غادرت القاعدة';
    expect(snapped(arabic, 'تحدث إن الق')).toBe('المتحدث إن القوات');
    const emoji = 'Fire crews 👩‍🚒 arrived\r\nat dawn';
    expect(snapped(emoji, 'rived\r\nat da')).toBe('arrived\r\nat dawn');
    expect(snapped(emoji, '👩‍🚒')).toBe('👩‍🚒');
  });

  it('always contains the selection, minus surrounding white space, and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(trickyText(), fc.nat(), fc.nat(), (value, a, b) => {
        const start = Math.min(a, b) % (value.length + 1);
        const end = Math.max(start, Math.max(a, b) % (value.length + 1));
        const range = snapToWords(value, start, end);
        const trimmedStart = start + (value.slice(start, end).length - value.slice(start, end).trimStart().length);
        if (value.slice(start, end).trim() !== '') {
          expect(range.start).toBeLessThanOrEqual(trimmedStart);
          expect(range.end).toBeGreaterThanOrEqual(start + value.slice(start, end).trimEnd().length);
        }
        const isLow = (i: number) => /[\udc00-\udfff]/.test(value[i] ?? '') && /[\ud800-\udbff]/.test(value[i - 1] ?? '');
        if (!isLow(start)) expect(isLow(range.start)).toBe(false);
        if (!isLow(end)) expect(isLow(range.end)).toBe(false);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSpans } from '../../../shared/text/anchoring.js';
import { codePointSlice } from '../../../shared/text/offsets.js';
import { QUOTE_CONTEXT, makeQuote, reanchorQuote } from '../../../shared/text/quote.js';
import { textWithRange, trickyText } from '../../helpers/arbitraries.js';

describe('quote selectors', () => {
  it('hold the exact slice and up to 32 code points of context on each side', () => {
    fc.assert(
      fc.property(textWithRange, ({ text, start, end }) => {
        const quote = makeQuote(text, start, end);
        const all = [...text];
        expect(quote.exact).toBe(all.slice(start, end).join(''));
        expect(quote.prefix).toBe(all.slice(Math.max(0, start - QUOTE_CONTEXT), start).join(''));
        expect(quote.suffix).toBe(all.slice(end, end + QUOTE_CONTEXT).join(''));
      }),
    );
  });

  it('re-anchor to the same place when the text has not changed', () => {
    fc.assert(
      fc.property(textWithRange, ({ text, start, end }) => {
        fc.pre(end > start);
        const quote = makeQuote(text, start, end);
        const anchor = reanchorQuote(text, quote, start);
        expect(anchor).not.toBeNull();
        // Another occurrence with identical context is equally good; it must slice the same.
        expect(codePointSlice(text, anchor!.start, anchor!.end)).toBe(quote.exact);
        if (anchor!.start !== start) expect(makeQuote(text, anchor!.start, anchor!.end)).toEqual(quote);
      }),
    );
  });

  it('follow the text when something is inserted before the span', () => {
    fc.assert(
      fc.property(textWithRange, trickyText(10), ({ text, start, end }, inserted) => {
        fc.pre(end > start);
        const quote = makeQuote(text, start, end);
        const edited = inserted + text;
        const anchor = reanchorQuote(edited, quote, start);
        expect(anchor).not.toBeNull();
        expect(codePointSlice(edited, anchor!.start, anchor!.end)).toBe(quote.exact);
      }),
    );
  });

  it('prefer the occurrence whose context matches, then the one nearest the old position', () => {
    const text = 'Sunday is here. The attack came on Sunday, officials said. Sunday again.';
    const before = makeQuote(text, 35, 41); // "Sunday" after "came on "
    const edited = `Update: ${text}`;
    expect(reanchorQuote(edited, before, 35)).toEqual({ start: 43, end: 49 });
    // Without context every occurrence is equal: the nearest to the hint wins.
    expect(reanchorQuote(edited, { exact: 'Sunday', prefix: '', suffix: '' }, 60)).toEqual({ start: 67, end: 73 });
    expect(reanchorQuote(edited, { exact: 'Sunday', prefix: '', suffix: '' }, 0)).toEqual({ start: 8, end: 14 });
  });

  it('never match half of a surrogate pair', () => {
    // "\ude00x" occurs in the UTF-16 of "😀x", starting on the low half of the emoji.
    const text = '😀x';
    expect(reanchorQuote(text, { exact: '\ude00x', prefix: '', suffix: '' }, 0)).toBeNull();
  });

  it('report spans whose quote is gone, keep them unchanged, and move the others', () => {
    const text = 'Troops left K-1 on Sunday.';
    const spans = [
      { id: 'fits', start: 12, end: 15, quote: makeQuote(text, 12, 15) },
      { id: 'moved', start: 0, end: 6, quote: { exact: 'Sunday', prefix: 'K-1 on ', suffix: '.' } },
      { id: 'gone', start: 3, end: 8, quote: { exact: 'Q-West', prefix: '', suffix: '' } },
    ];
    const result = anchorSpans(text, spans);
    expect(result.unplaced).toEqual(['gone']);
    expect(result.moved).toEqual([{ id: 'moved', from: { start: 0, end: 6 }, to: { start: 19, end: 25 } }]);
    expect(result.spans[0]).toBe(spans[0]);
    expect(result.spans[1]).toMatchObject({ id: 'moved', start: 19, end: 25, quote: makeQuote(text, 19, 25) });
    expect(result.spans[2]).toBe(spans[2]);
  });
});

/**
 * TextQuoteSelector (W3C Web Annotation): the exact text of a span plus some context
 * before and after it. Offsets locate a span fast; the quote lets it be found again when
 * the offsets no longer fit the text (a re-imported article, a hand-edited file).
 */
import { createOffsetIndex, type OffsetIndex } from './offsets.js';

// A type alias, not an interface, so that it fits the model's open (loose) objects.
export type Quote = {
  exact: string;
  prefix: string;
  suffix: string;
};

/** Context kept on each side of a span, in code points. */
export const QUOTE_CONTEXT = 32;

export function makeQuote(text: string | OffsetIndex, start: number, end: number, context = QUOTE_CONTEXT): Quote {
  const index = typeof text === 'string' ? createOffsetIndex(text) : text;
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - context), start),
    suffix: index.slice(end, Math.min(index.length, end + context)),
  };
}

export interface Anchor {
  start: number;
  end: number;
}

/**
 * Finds where `quote` sits in `text` now. Every occurrence of `quote.exact` is a
 * candidate; the one whose surrounding text agrees most with the stored prefix and
 * suffix wins, and among equals the one nearest `hint` (the old start offset). Returns
 * null when the exact text no longer occurs: the caller reports the span, never drops it.
 */
export function reanchorQuote(text: string | OffsetIndex, quote: Quote, hint: number): Anchor | null {
  const index = typeof text === 'string' ? createOffsetIndex(text) : text;
  if (quote.exact === '') return null;
  const exactLength = createOffsetIndex(quote.exact).length;
  let best: { anchor: Anchor; context: number; distance: number } | null = null;
  for (let at = index.text.indexOf(quote.exact); at !== -1; at = index.text.indexOf(quote.exact, at + 1)) {
    // A match that starts on the low half of a surrogate pair is not a real occurrence.
    const start = index.toCodePoint(at);
    if (index.toUtf16(start) !== at) continue;
    const end = start + exactLength;
    const context = agreement(index, quote, start, end);
    const distance = Math.abs(start - hint);
    if (best === null || context > best.context || (context === best.context && distance < best.distance)) {
      best = { anchor: { start, end }, context, distance };
    }
  }
  return best?.anchor ?? null;
}

/** How many code points of stored context still stand next to the candidate. */
function agreement(index: OffsetIndex, quote: Quote, start: number, end: number): number {
  const prefixNow = [...index.slice(Math.max(0, start - QUOTE_CONTEXT), start)];
  const suffixNow = [...index.slice(end, Math.min(index.length, end + QUOTE_CONTEXT))];
  const prefixThen = [...quote.prefix];
  const suffixThen = [...quote.suffix];
  let score = 0;
  while (score < prefixThen.length && prefixNow[prefixNow.length - 1 - score] === prefixThen[prefixThen.length - 1 - score]) score++;
  let after = 0;
  while (after < suffixThen.length && suffixNow[after] === suffixThen[after]) after++;
  return score + after;
}

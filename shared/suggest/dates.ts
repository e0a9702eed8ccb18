/**
 * Date suggestions: the temporal expressions of a text as TimeML (TIMEX3) defines them,
 * found and resolved by the tagger in ./timex/ (rules.ts says what is found and how spans
 * are drawn, resolve.ts how values are worked out, context.ts how tense and quotations
 * decide the direction). Values are resolved against the document's publication date,
 * never against today; without one, only expressions that carry their own year, amounts
 * of time, sets and the PRESENT_REF/PAST_REF/FUTURE_REF references get a value.
 *
 * Each suggestion carries the date label's attributes: `value` and `timexType`, and
 * where they apply `mod` (START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...), `anchor`
 * and `anchorRole` (the point an anchored duration begins or ends at: "the past two
 * months" ends at publication), `quant` and `freq` (sets: "every Sunday", "twice a week").
 */
import { createOffsetIndex } from '../text/offsets.js';
import { tagTimexes } from './timex/tagger.js';
import type { Suggestion } from './suggestion.js';

export { isoWeek } from './timex/calendar.js';

export interface Timex {
  value: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}

/**
 * Date suggestions for a text published on `published` (YYYY-MM-DD, or null), with the
 * TIMEX3 attributes the date label defines.
 */
export function suggestDates(text: string, published: string | null): Suggestion[] {
  const index = createOffsetIndex(text);
  return tagTimexes(text, published).map((timex): Suggestion => {
    // The type is known even where the value needs a publication date the document lacks.
    const attributes: Suggestion['attributes'] = timex.value !== null ? { value: timex.value, timexType: timex.type } : { timexType: timex.type };
    if (timex.value !== null) {
      if (timex.mod) attributes.mod = timex.mod;
      if (timex.anchor) {
        attributes.anchor = timex.anchor.value;
        attributes.anchorRole = timex.anchor.role === 'begins' ? 'beginPoint' : 'endPoint';
      }
      if (timex.quant) attributes.quant = timex.quant;
      if (timex.freq) attributes.freq = timex.freq;
    }
    return {
      label: 'date',
      start: index.toCodePoint(timex.start),
      end: index.toCodePoint(timex.end),
      text: text.slice(timex.start, timex.end),
      attributes,
      reason: timex.reason,
    };
  });
}

/**
 * Date and time expressions, found with chrono-node and a few patterns of our own, and
 * normalized to TIMEX3 values resolved against the document's publication date — never
 * against today. The rules (docs/suggestions.md says the same, with examples):
 *
 * 1. News talks about the past. A weekday ("on Sunday"), or a month and day without a
 *    year ("December 27"), or a month alone ("in December"), is the latest such day or
 *    month on or before publication — unless it says "next" or "coming", or its sentence
 *    speaks of the future ("will", "scheduled", "due to", "plans to", "expected to"),
 *    then it is the first on or after.
 * 2. "last/this/next week|month|year" are the calendar week (YYYY-Www, ISO weeks), month
 *    (YYYY-MM) or year (YYYY) before, of or after publication; "N days/weeks ago" the day
 *    (or month, or year) that long before it.
 * 3. Amounts of time are DURATIONs: "three days" P3D, "two weeks" P2W, "the past month"
 *    P1M, "the next two months" P2M, "in a week" P1W, "several days" PXD; "N days after",
 *    "N days earlier" too (their anchor is another event, which a value cannot name).
 * 4. Repetitions are SETs: "every Sunday" XXXX-WXX-7, "every day" or "daily" P1D, "weekly"
 *    P1W, "monthly" P1M, "yearly" or "annually" P1Y.
 * 5. A time of day makes a TIME: YYYY-MM-DDTHH:MM.
 * 6. Leading prepositions ("on", "in", "at", "since", "by", "from", "until", "during"), a
 *    leading "the", and trailing punctuation are trimmed from the span. "Now" is left alone (no calendar
 *    value); without a publication date, only expressions that carry their own year get
 *    a value.
 */
import * as chrono from 'chrono-node';
import { createOffsetIndex } from '../text/offsets.js';
import type { Suggestion } from './suggestion.js';

export interface Timex {
  value: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}

interface Found {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  timex: Timex | null;
  reason: string;
}

const NUMBERS: Record<string, number | null> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: null, few: null, 'a few': null };
const UNIT_LETTER: Record<string, string> = { day: 'D', week: 'W', month: 'M', year: 'Y', hour: 'H', minute: 'M' };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const COUNT = '(\\d+|a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)';
const UNIT = '(day|week|month|year|hour|minute)s?';
const FUTURE = /\b(will|upcoming|scheduled|due to|plans? to|expected to|is set to|are set to)\b/i;
/** Words without which chrono finds nothing: month and day names, relative days, clock times, years. */
const MAYBE_TIME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|now|noon|midnight|morning|evening|afternoon|night|week|month|year|ago|later|earlier|\d{1,2}[:.]\d\d|\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)|\d{4}|\d{1,2}[/-]\d{1,2})/i;
const LEADING = /^(?:(?:on|in|at|since|by|from|until|till|during)\s+)?(?:the\s+)?/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const utc = (year: number, month: number, dayOfMonth: number) => new Date(Date.UTC(year, month - 1, dayOfMonth));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** ISO 8601 week: YYYY-Www of the week holding `date` (weeks start on Monday). */
export function isoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const firstThursday = utc(thursday.getUTCFullYear(), 1, 4);
  const week = 1 + Math.round((thursday.getTime() - addDays(firstThursday, -((firstThursday.getUTCDay() + 6) % 7) + 3).getTime()) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

function duration(count: string, unit: string): string {
  const n = NUMBERS[count.toLowerCase()] ?? (/^\d+$/.test(count) ? Number(count) : null);
  const letter = UNIT_LETTER[unit.toLowerCase()] ?? 'D';
  const time = unit.toLowerCase() === 'hour' || unit.toLowerCase() === 'minute';
  return `P${time ? 'T' : ''}${n === null ? 'X' : n}${letter}`;
}

/** The sentence around UTF-16 offset `at`, to read its tense. */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
  const ends = [text.indexOf('.', at), text.indexOf('\n', at)].filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** Patterns chrono does not read as we need: sets, relative periods, durations, "ago". */
function ownPatterns(text: string, published: Date | null): Found[] {
  const found: Found[] = [];
  const add = (match: RegExpExecArray, timex: Timex | null, reason: string) => found.push({ start: match.index, end: match.index + match[0].length, timex, reason });
  for (const match of text.matchAll(new RegExp(`\\bevery\\s+(${WEEKDAYS.join('|')}|day|week|month|year)\\b`, 'gi'))) {
    const what = (match[1] as string).toLowerCase();
    const weekday = WEEKDAYS.indexOf(what);
    add(match, { type: 'SET', value: weekday >= 0 ? `XXXX-WXX-${weekday === 0 ? 7 : weekday}` : duration('1', what) }, 'repetition');
  }
  for (const match of text.matchAll(/\b(daily|weekly|monthly|yearly|annually)\b/gi)) {
    const unit = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year' }[(match[1] as string).toLowerCase()] as string;
    add(match, { type: 'SET', value: duration('1', unit) }, 'repetition');
  }
  for (const match of text.matchAll(new RegExp(`\\b(?:the\\s+)?(next|past|last|previous|coming|first|final)\\s+${COUNT}\\s+${UNIT}\\b`, 'gi'))) {
    add(match, { type: 'DURATION', value: duration(match[2] as string, match[3] as string) }, 'amount of time');
  }
  for (const match of text.matchAll(/\b(?:the\s+)?(past|previous)\s+(week|month|year)\b/gi)) {
    add(match, { type: 'DURATION', value: duration('1', match[2] as string) }, 'amount of time');
  }
  for (const match of text.matchAll(/\b(last|this|next)\s+(week|month|year)\b/gi)) {
    const [which, unit] = [(match[1] as string).toLowerCase(), (match[2] as string).toLowerCase()];
    const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    let value: string | null = null;
    if (published) {
      if (unit === 'week') value = isoWeek(addDays(published, 7 * shift));
      else if (unit === 'month') {
        const month = utc(published.getUTCFullYear(), published.getUTCMonth() + 1 + shift, 1);
        value = `${month.getUTCFullYear()}-${pad(month.getUTCMonth() + 1)}`;
      } else value = String(published.getUTCFullYear() + shift);
    }
    add(match, value ? { type: 'DATE', value } : null, value ? `${which} ${unit}, from the publication date` : 'needs a publication date');
  }
  for (const match of text.matchAll(new RegExp(`\\b${COUNT}\\s+(?:more\\s+)?${UNIT}(\\s+(ago|after|before|earlier|later))?\\b`, 'gi'))) {
    const [count, unit, , relation] = [match[1] as string, (match[2] as string).toLowerCase(), match[3], match[4]?.toLowerCase()];
    if (relation === 'ago') {
      const n = NUMBERS[count.toLowerCase()] ?? (/^\d+$/.test(count) ? Number(count) : null);
      if (!published || n === null) add(match, null, published ? 'an unknown amount ago' : 'needs a publication date');
      else if (unit === 'day' || unit === 'week') add(match, { type: 'DATE', value: day(addDays(published, -n * (unit === 'week' ? 7 : 1))) }, `${count} ${unit}s before publication`);
      else if (unit === 'month') {
        const month = utc(published.getUTCFullYear(), published.getUTCMonth() + 1 - n, 1);
        add(match, { type: 'DATE', value: `${month.getUTCFullYear()}-${pad(month.getUTCMonth() + 1)}` }, `${count} months before publication`);
      } else if (unit === 'year') add(match, { type: 'DATE', value: String(published.getUTCFullYear() - n) }, `${count} years before publication`);
      else add(match, { type: 'DURATION', value: duration(count, unit) }, 'amount of time');
    } else add(match, { type: 'DURATION', value: duration(count, unit) }, relation ? `amount of time ${relation} another event` : 'amount of time');
  }
  return found;
}

/** The latest date on or before `published` with this month and day (or the first after, for the future). */
function resolveMonthDay(month: number, dayOfMonth: number | null, published: Date, future: boolean): Date {
  let candidate = utc(published.getUTCFullYear(), month, dayOfMonth ?? 1);
  const last = (date: Date) => (dayOfMonth === null ? utc(date.getUTCFullYear(), month + 1, 0) : date);
  if (!future && candidate > published) candidate = utc(published.getUTCFullYear() - 1, month, dayOfMonth ?? 1);
  if (future && last(candidate) < published) candidate = utc(published.getUTCFullYear() + 1, month, dayOfMonth ?? 1);
  return candidate;
}

function fromChrono(result: Pick<chrono.ParsedResult, 'index' | 'text' | 'start'>, text: string, published: Date | null): Found | null {
  const start = result.start;
  const span = { start: result.index, end: result.index + result.text.length };
  if (/^(right\s+)?now$/i.test(result.text.trim())) return null;
  const has = (component: chrono.Component) => start.isCertain(component);
  // The expression's own "next" or "coming", or a sentence about the future.
  const future = /\b(next|coming)\b/i.test(result.text) || FUTURE.test(sentenceAt(text, span.start));
  const value = (): Timex | null => {
    const year = has('year') ? start.get('year') : null;
    const month = has('month') ? start.get('month') : null;
    const dayOfMonth = has('day') ? start.get('day') : null;
    let date: string | null = null;
    if (year !== null && month !== null && dayOfMonth !== null) date = day(utc(year, month, dayOfMonth));
    else if (year !== null && month !== null) return { type: 'DATE', value: `${year}-${pad(month)}` };
    else if (year !== null) return { type: 'DATE', value: String(year) };
    else if (!published) return null;
    else if (month !== null) {
      const resolved = resolveMonthDay(month, dayOfMonth, published, future);
      if (dayOfMonth === null) return { type: 'DATE', value: `${resolved.getUTCFullYear()}-${pad(month)}` };
      date = day(resolved);
    } else if (has('weekday')) {
      const weekday = start.get('weekday') ?? 0;
      const back = (published.getUTCDay() - weekday + 7) % 7;
      // Ahead, the same weekday as publication is a week later ("next Monday" said on a Monday).
      date = day(future ? addDays(published, (weekday - published.getUTCDay() + 7) % 7 || 7) : addDays(published, -back));
    } else return null;
    if (has('hour')) return { type: 'TIME', value: `${date}T${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}` };
    return { type: 'DATE', value: date };
  };
  const timex = value();
  return { ...span, timex, reason: timex ? (has('year') ? 'date with its year' : 'resolved against the publication date') : 'needs a publication date' };
}

/** Trims leading prepositions and trailing punctuation and spaces from a UTF-16 range. */
function trim(text: string, found: Found): Found {
  let { start, end } = found;
  const leading = LEADING.exec(text.slice(start, end));
  if (leading && leading[0].length > 0 && leading[0].length < end - start) start += leading[0].length;
  while (end > start && /[\s,.;:!?)\]"”’]/.test(text.charAt(end - 1))) end--;
  while (start < end && /[\s("“‘[]/.test(text.charAt(start))) start++;
  return { ...found, start, end };
}

/**
 * Date suggestions for a text published on `published` (YYYY-MM-DD, or null), with
 * `value` and `timexType` attributes as the date label defines them.
 */
export function suggestDates(text: string, published: string | null): Suggestion[] {
  const reference = published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : null;
  const claimed: Found[] = [];
  const overlaps = (found: Found) => claimed.some((other) => other.start < found.end && found.start < other.end);
  for (const found of ownPatterns(text, reference).sort((a, b) => b.end - b.start - (a.end - a.start))) if (!overlaps(found)) claimed.push(found);
  // chrono resolves against an instant: noon UTC on the publication day is that day in
  // every time zone from UTC-11 to UTC+11. It is given one paragraph at a time, and only
  // paragraphs with a word it could read as time: most of a long article has none, and
  // chrono's many patterns over a whole megabyte take seconds.
  const instant = reference ?? new Date(Date.UTC(2000, 0, 1, 12));
  for (const paragraph of text.matchAll(/[^\n]+/g)) {
    if (!MAYBE_TIME.test(paragraph[0])) continue;
    for (const result of chrono.parse(paragraph[0], instant)) {
      const found = fromChrono({ index: paragraph.index + result.index, text: result.text, start: result.start }, text, reference);
      if (found && !overlaps(trim(text, found))) claimed.push(found);
    }
  }
  const index = createOffsetIndex(text);
  return claimed
    .map((found) => trim(text, found))
    .filter((found) => found.end > found.start)
    .sort((a, b) => a.start - b.start)
    .map((found): Suggestion => ({
      label: 'date',
      start: index.toCodePoint(found.start),
      end: index.toCodePoint(found.end),
      text: text.slice(found.start, found.end),
      attributes: found.timex ? { value: found.timex.value, timexType: found.timex.type } : {},
      reason: found.reason,
    }));
}

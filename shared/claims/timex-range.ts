/**
 * The days a TIMEX3 calendar value covers, so that two claims' dates compare by what they
 * mean: "2020-03-29" lies within "2020-03" and within "2020-W13", and not within
 * "2020-W12". Values that are not a stretch of the calendar (durations such as "P1W",
 * PRESENT_REF, sets) have no range and are not compared.
 */

export type Granularity = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface DayRange {
  /** Days since 1970-01-01 (UTC), first and last, inclusive. */
  first: number;
  last: number;
  granularity: Granularity;
}

const DAY = 86_400_000;
const dayNumber = (year: number, month: number, day: number) => Math.floor(Date.UTC(year, month - 1, day) / DAY);
/** Date.UTC reads years 0-99 as 1900-1999; TIMEX years are as written. */
const validYear = (year: number) => year >= 100;

/** The range of a TIMEX3 value, or null when it is not a calendar date, week, month, quarter or year. */
export function dayRange(value: string): DayRange | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!validYear(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const at = dayNumber(year, month, day);
    return { first: at, last: at, granularity: 'day' };
  }
  match = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (match) {
    const [year, week] = [Number(match[1]), Number(match[2])];
    if (!validYear(year) || week < 1 || week > 53) return null;
    // ISO week 1 holds January 4th; weeks start on Monday.
    const january4 = dayNumber(year, 1, 4);
    const weekday = (new Date(january4 * DAY).getUTCDay() + 6) % 7;
    const first = january4 - weekday + (week - 1) * 7;
    return { first, last: first + 6, granularity: 'week' };
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (!validYear(year) || month < 1 || month > 12) return null;
    return { first: dayNumber(year, month, 1), last: dayNumber(year, month + 1, 1) - 1, granularity: 'month' };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    if (!validYear(year)) return null;
    return { first: dayNumber(year, quarter * 3 - 2, 1), last: dayNumber(year, quarter * 3 + 1, 1) - 1, granularity: 'quarter' };
  }
  match = /^(\d{4})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    if (!validYear(year)) return null;
    return { first: dayNumber(year, 1, 1), last: dayNumber(year + 1, 1, 1) - 1, granularity: 'year' };
  }
  return null;
}

/** How two ranges relate: the same stretch, one inside the other, or apart (or overlapping without containing). */
export function relate(a: DayRange, b: DayRange): 'same' | 'within' | 'apart' {
  if (a.first === b.first && a.last === b.last) return 'same';
  if ((a.first >= b.first && a.last <= b.last) || (b.first >= a.first && b.last <= a.last)) return 'within';
  return 'apart';
}

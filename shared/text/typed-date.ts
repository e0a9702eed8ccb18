/**
 * A date as people type it into a form — 2020-03-30, 30/03/2020, 30.3.2020, 30 March
 * 2020, March 30, 2020 — read as a calendar date (YYYY-MM-DD), or the reason it cannot
 * be: a day-month order that could go either way is asked about, never guessed.
 */
import * as chrono from 'chrono-node';

export type TypedDate = { ok: true; value: string } | { ok: false; problem: string };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate() ? iso(year, month, day) : null;
}

export function readTypedDate(input: string): TypedDate {
  const text = input.trim();
  const use = 'use YYYY-MM-DD, as in 2020-03-30';
  if (text === '') return { ok: false, problem: 'no date given' };
  // An ISO date-time with its offset is kept whole: it says more than the day.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return { ok: true, value: text };
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (yearFirst) {
    const value = calendarDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
    return value ? { ok: true, value } : { ok: false, problem: `“${text}” is no day of the calendar` };
  }
  const dayOrMonthFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dayOrMonthFirst) {
    const [a, b, year] = [Number(dayOrMonthFirst[1]), Number(dayOrMonthFirst[2]), Number(dayOrMonthFirst[3])];
    const dayFirst = calendarDate(year, b, a);
    const monthFirst = calendarDate(year, a, b);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) {
      return { ok: false, problem: `“${text}” could be ${spoken(dayFirst)} or ${spoken(monthFirst)}: use YYYY-MM-DD (${dayFirst} or ${monthFirst})` };
    }
    const value = dayFirst ?? monthFirst;
    return value ? { ok: true, value } : { ok: false, problem: `“${text}” is no day of the calendar` };
  }
  // Words: "30 March 2020", "March 30, 2020", "Mon 30 Mar 2020". The whole text must be
  // one date with its day, month and year all written out.
  const [found] = chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)));
  const spansAll = found && found.index === 0 && found.text.length >= text.replace(/[.,\s]+$/, '').length;
  if (found && spansAll && found.start.isCertain('day') && found.start.isCertain('month') && found.start.isCertain('year')) {
    const value = calendarDate(found.start.get('year') ?? 0, found.start.get('month') ?? 0, found.start.get('day') ?? 0);
    if (value) return { ok: true, value };
  }
  return { ok: false, problem: `“${text}” is not a date Factmark can read: ${use}` };
}

/** "30 March 2020", to confirm what a typed date was read as. */
export function spoken(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(match[2]) - 1];
  return `${Number(match[3])} ${month} ${match[1]}`;
}

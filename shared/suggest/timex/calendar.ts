/**
 * Calendar arithmetic in UTC days, and TIMEX3 value formatting: the parts the resolver
 * builds values from. Dates are Date objects at noon UTC, so no time zone moves a day.
 */

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const utc = (year: number, month: number, dayOfMonth: number) => new Date(Date.UTC(year, month - 1, dayOfMonth, 12));
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
export const addMonths = (date: Date, months: number) => utc(date.getUTCFullYear(), date.getUTCMonth() + 1 + months, 1);

/** YYYY-MM-DD. */
export const dayValue = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
/** YYYY-MM. */
export const monthValue = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;

/** ISO 8601 week: YYYY-Www of the week holding `date` (weeks start on Monday). */
export function isoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const firstThursday = utc(year, 1, 4);
  const week = 1 + Math.round((thursday.getTime() - addDays(firstThursday, 3 - ((firstThursday.getUTCDay() + 6) % 7)).getTime()) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** 1 (Monday) to 7 (Sunday), as ISO weeks and TIMEX3 count them. */
export const isoWeekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;

export const quarterOf = (date: Date) => Math.floor(date.getUTCMonth() / 3) + 1;

/** The Sunday of Easter (Gregorian computus, Meeus/Jones/Butcher). */
export function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return utc(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** The n-th (1-based; -1 the last) given weekday (0 Sunday) of a month. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n > 0) {
    const first = utc(year, month, 1);
    return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
  }
  const last = utc(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

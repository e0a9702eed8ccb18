/**
 * TIMEX3 values (TimeML 1.2.1, ISO-TimeML): what a date span's `value` may hold, and
 * why one does not fit — "last Thursday" is what the text says, not a value.
 *
 *   dates      2020, 2020-03, 2020-03-29, 2020-W13, 2020-W13-7, 2020-W13-WE,
 *              2020-Q1, 2020-H1, 2020-SP (SU, FA, WI), decades 198 / 198X,
 *              centuries 19 / 19XX; any digit may be X when unknown (XXXX-03-29)
 *   times      2020-03-29T10:35, 2020-03-29T10:35:20, 2020-03-29TNI (MO, AF, EV, NI, DT)
 *   durations  P3D, P2W, P1Y6M, PT16H, PT30M, P1DT2H, PXY (an unknown number of years)
 *   references PRESENT_REF, PAST_REF, FUTURE_REF
 */

const X = (count: number) => `[0-9X]{${count}}`;
const YEAR = X(4);
const MONTH = '(?:0[1-9]|1[0-2]|XX)';
const DAY = '(?:0[1-9]|[12][0-9]|3[01]|XX)';
const WEEK = '(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)';
const PART_OF_DAY = '(?:MO|MI|AF|EV|NI|DT)';
const CLOCK = '(?:[01][0-9]|2[0-4]|XX)(?::[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?)?';

const DATE = new RegExp(
  `^(?:${YEAR}(?:-${MONTH}(?:-${DAY})?|-W${WEEK}(?:-(?:[1-7]|WE))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?|${X(3)}X?|${X(2)}(?:XX)?)$`,
);
const TIME = new RegExp(`^(?:${YEAR}-${MONTH}-${DAY}|${YEAR}-W${WEEK}(?:-[1-7])?)?T(?:${CLOCK}|${PART_OF_DAY})$`);
const AMOUNT = '(?:[0-9]+(?:\\.[0-9]+)?|X)';
const DURATION = new RegExp(`^P(?:${AMOUNT}W|(?:${AMOUNT}Y)?(?:${AMOUNT}M)?(?:${AMOUNT}D)?(?:T(?:${AMOUNT}H)?(?:${AMOUNT}M)?(?:${AMOUNT}S)?)?|${AMOUNT}(?:DE|CE|ML|Q|H|WE|SP|SU|FA|WI))$`);
const REFERENCES = new Set(['PRESENT_REF', 'PAST_REF', 'FUTURE_REF']);

export type TimexKind = 'date' | 'time' | 'duration' | 'reference';

/** The kind of TIMEX3 value `value` is, or null when it is none. */
export function timexKind(value: string): TimexKind | null {
  if (REFERENCES.has(value)) return 'reference';
  if (DATE.test(value)) return calendarProblem(value) ? null : 'date';
  if (TIME.test(value)) return calendarProblem(value) ? null : 'time';
  // "P" and "PT" alone carry no amount.
  if (DURATION.test(value) && /[0-9X]/.test(value)) return 'duration';
  return null;
}

/** Why `value` is no TIMEX3 value, for a person; null when it is one. */
export function timexProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed !== value) return 'has spaces around it';
  if (timexKind(value)) return null;
  const calendar = calendarProblem(value);
  if (calendar) return calendar;
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(value)) return `“${value}” is written the way people write dates; TIMEX3 values are year first: YYYY-MM-DD, as in 2020-03-29`;
  if (/^p/i.test(value) && value !== value.toUpperCase()) return `durations are written in capitals, as in ${value.toUpperCase()}`;
  if (/[a-z]/i.test(value) && !/^[A-Z0-9X:._-]+$/.test(value)) {
    return `“${value}” is words, not a TIMEX3 value: give the date it means, as in 2020-03-26 (a day), 2020-W13 (a week), 2020-03 (a month), P3D (three days) or PAST_REF (some time before)`;
  }
  return `“${value}” is not a TIMEX3 value: use a date (2020-03-29, 2020-W13, 2020-03, 2020, 2020-SP), a time (2020-03-29T10:35, 2020-03-29TNI), a duration (P3D, PT16H) or PRESENT_REF / PAST_REF / FUTURE_REF`;
}

/** A day that no calendar has (2020-02-30), or null. Unknown digits (X) pass. */
function calendarProblem(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `${value}: there is no month ${match[2]}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days ? null : `${value}: ${match[1]}-${match[2]} has ${days} days`;
}

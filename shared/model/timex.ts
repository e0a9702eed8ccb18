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

/** TimeML's mod values: where in the time, or how much of it ("late November", "more than 60 days"). */
export const TIMEX_MODS = ['START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE'] as const;
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
/** Which end of an anchored duration the anchor is: "the past two months" ends at it, "the next two months" begin at it. */
export const ANCHOR_ROLES = ['beginPoint', 'endPoint'] as const;
/** The date label's TIMEX3 attributes, by id (the default schema's; a project's label may have fewer). */
export const TIMEX_ATTRIBUTES = ['value', 'timexType', 'mod', 'anchor', 'anchorRole', 'quant', 'freq'] as const;
export type TimexAttributeId = (typeof TIMEX_ATTRIBUTES)[number];

/** Why a set's `freq` is not one ("2X": twice; "1W": once a week), or null. */
export function timexFreqProblem(freq: string): string | null {
  return /^(?:[0-9]+|X)(?:X|[YMWDH]|DE|CE)$/.test(freq) ? null : `“${freq}” is not a frequency: write how often, as in 2X (twice) or 1W (once a week)`;
}

/** Why a set's `quant` is not one (EVERY, EACH, a number), or null. */
export function timexQuantProblem(quant: string): string | null {
  return /^(?:EVERY|EACH|ALL|[0-9]+)$/.test(quant) ? null : `“${quant}” is not a quantifier: use EVERY or EACH (or a number)`;
}

/**
 * What is wrong between a date span's TIMEX3 attributes, field by field: a duration value
 * with type DATE, an anchor on what is no duration, quant on what is no set. Only the
 * attributes present are checked; each field's own grammar is checked where it is typed.
 */
export function timexAttributeProblems(attributes: Readonly<Record<string, unknown>>): Partial<Record<TimexAttributeId, string>> {
  const problems: Partial<Record<TimexAttributeId, string>> = {};
  const text = (id: string) => (typeof attributes[id] === 'string' && attributes[id] !== '' ? (attributes[id] as string) : null);
  const value = text('value');
  const type = text('timexType');
  const kind = value ? timexKind(value) : null;
  if (value && kind && type) {
    const fits: Record<TimexKind, string[]> = { date: ['DATE', 'SET'], time: ['TIME', 'SET'], duration: ['DURATION', 'SET'], reference: ['DATE', 'TIME'] };
    if (!fits[kind].includes(type)) problems.timexType = `a ${kind === 'reference' ? 'PRESENT/PAST/FUTURE_REF' : kind} value such as ${value} has type ${fits[kind].join(' or ')}, not ${type}`;
  }
  const anchor = text('anchor');
  if (anchor) {
    const problem = timexProblem(anchor);
    if (problem) problems.anchor = problem;
    else if (type && type !== 'DURATION') problems.anchor = 'only a duration is anchored (“the past two months” ends at the publication date)';
  }
  if (text('anchorRole') && !anchor) problems.anchorRole = 'give the anchor too';
  const quant = text('quant');
  const freq = text('freq');
  const quantProblem = quant ? ((type && type !== 'SET' ? 'quant belongs to sets (every, each)' : null) ?? timexQuantProblem(quant)) : null;
  if (quantProblem) problems.quant = quantProblem;
  const freqProblem = freq ? ((type && type !== 'SET' ? 'freq belongs to sets (twice a week)' : null) ?? timexFreqProblem(freq)) : null;
  if (freqProblem) problems.freq = freqProblem;
  const mod = text('mod');
  if (mod && !(TIMEX_MODS as readonly string[]).includes(mod)) problems.mod = `“${mod}” is not a TimeML mod: ${TIMEX_MODS.join(', ')}`;
  return problems;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS: Record<string, string> = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', S: 'second', DE: 'decade', CE: 'century', Q: 'quarter', WE: 'weekend' };

/** A TIMEX3 value in words, so the analyst sees what a value says ("2020-W13" is "week 13 of 2020"); null when it is none. */
export function describeTimex(value: string): string | null {
  const kind = timexKind(value);
  if (!kind) return null;
  if (kind === 'reference') return { PRESENT_REF: 'the present', PAST_REF: 'some time in the past', FUTURE_REF: 'some time in the future' }[value] ?? null;
  if (kind === 'duration') {
    const parts: string[] = [];
    const timePart = value.includes('T') ? (value.split('T')[1] as string) : '';
    const datePart = value.slice(1).split('T')[0] as string;
    const say = (amount: string, unit: string) => (amount === 'X' ? `some ${unit === 'century' ? 'centurie' : unit}s` : `${amount} ${amount === '1' ? unit : unit === 'century' ? 'centuries' : `${unit}s`}`);
    for (const match of datePart.matchAll(/([0-9.]+|X)(DE|CE|WE|[YMWDQ])/g)) parts.push(say(match[1] as string, UNITS[match[2] as string] as string));
    for (const match of timePart.matchAll(/([0-9.]+|X)([HMS])/g)) parts.push(say(match[1] as string, match[2] === 'M' ? 'minute' : (UNITS[match[2] as string] as string)));
    return parts.length ? parts.join(' ') : null;
  }
  const [datePart = '', timePart] = value.split('T');
  let words = datePart;
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datePart);
  if (full) {
    const date = new Date(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3])));
    words = `${WEEKDAYS[(date.getUTCDay() + 6) % 7]} ${Number(full[3])} ${MONTHS[Number(full[2]) - 1]} ${full[1]}`;
  } else if (/^\d{4}-\d{2}$/.test(datePart)) words = `${MONTHS[Number(datePart.slice(5)) - 1]} ${datePart.slice(0, 4)}`;
  else if (/^\d{4}-W\d{2}-WE$/.test(datePart)) words = `the weekend of week ${Number(datePart.slice(6, 8))} of ${datePart.slice(0, 4)}`;
  else if (/^\d{4}-W\d{2}$/.test(datePart)) words = `week ${Number(datePart.slice(6))} of ${datePart.slice(0, 4)}`;
  else if (/^\d{4}-Q\d$/.test(datePart)) words = `quarter ${datePart.slice(6)} of ${datePart.slice(0, 4)}`;
  else if (/^\d{4}-H\d$/.test(datePart)) words = `${datePart.endsWith('1') ? 'first' : 'second'} half of ${datePart.slice(0, 4)}`;
  else if (/^\d{4}-(SP|SU|FA|WI)$/.test(datePart)) words = `${SEASONS[datePart.slice(5)] as string} ${datePart.slice(0, 4)}`;
  else if (/^\d{3}X?$/.test(datePart)) words = `the ${datePart.slice(0, 3)}0s`;
  else if (/^\d{2}(XX)?$/.test(datePart)) words = `the ${Number(datePart.slice(0, 2)) + 1}th century`;
  else if (/^XXXX-WXX-[1-7]$/.test(datePart)) words = `${WEEKDAYS[Number(datePart.slice(-1)) - 1]}s`;
  if (timePart) words += /^[A-Z]{2}$/.test(timePart) ? `, ${PARTS[timePart] ?? timePart}` : ` at ${timePart}`;
  return words;
}

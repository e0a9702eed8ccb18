/**
 * The words temporal expressions are made of: numbers (digits, words, compounds such as
 * "twenty-four"), months, weekdays, units, seasons, parts of the day and holidays, each
 * with what it means in a TIMEX3 value. The regular expression sources here are pieces
 * the rules (rules.ts) are assembled from.
 */
import { easter, nthWeekday, utc } from './calendar.js';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1, single: 1, couple: 2, 'a couple of': 2, dozen: 12, 'a dozen': 12,
};
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** A count in words or digits; "several", "a few", "some" are counts of unknown size. */
export const NUMBER = `(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|(?:${TENS})(?:[\\s-](?:${UNITS}))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\\s+hundred|one\\s+hundred|a\\s+couple\\s+of|a\\s+few|a\\s+dozen|a\\s+half|a|an|several|few|many|some|a\\s+number\\s+of)`;

/** The number `word` says, or null for an unknown count ("several"). */
export function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  const half = /^(\d+) 1\/2$/.exec(w);
  if (half) return Number(half[1]) + 0.5;
  if (w === 'a half') return 0.5;
  if (w === 'a hundred' || w === 'one hundred') return 100;
  if (w in SMALL) return SMALL[w] as number;
  const compound = /^(\w+)[ -](\w+)$/.exec(w);
  if (compound && compound[1] && compound[2] && compound[1] in SMALL && compound[2] in SMALL) return (SMALL[compound[1]] as number) + (SMALL[compound[2]] as number);
  return null;
}

export const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1, final: -1 };

/** Month names; three-letter abbreviations only with their period or a day after them (rules.ts). */
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)';
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((name) => name.startsWith(w.slice(0, 3))) + 1;
}

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const WEEKDAY = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|SUNDAY|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY)';
/** 0 (Sunday) to 6. */
export const weekdayNumber = (word: string) => WEEKDAY_NAMES.indexOf(word.toLowerCase().replace(/s$/, ''));

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'night' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
export const UNIT = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))';
export function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  if (w.startsWith('fortnight')) return 'week';
  return w.replace(/s$/, '') as Unit;
}
/** The TIMEX3 duration value of `amount` (null: unknown, X) of `unit`: P3D, PT16H, P1Y6M, PXDE. */
export function durationParts(unit: Unit, amount: number | null): string {
  const n = amount === null ? 'X' : String(amount);
  switch (unit) {
    case 'second':
      return `PT${n}S`;
    case 'minute':
      return `PT${n}M`;
    case 'hour':
      return `PT${n}H`;
    case 'day':
    case 'night':
      return `P${n}D`;
    case 'week':
      return `P${n}W`;
    case 'weekend':
      return `P${n}WE`;
    case 'month':
      return `P${n}M`;
    case 'quarter':
      return amount === null ? 'PXQ' : `P${amount * 3}M`;
    case 'year':
      return amount !== null && !Number.isInteger(amount) ? `P${Math.floor(amount)}Y${Math.round((amount % 1) * 12)}M` : `P${n}Y`;
    case 'decade':
      return amount === null ? 'PXDE' : `P${amount * 10}Y`;
    case 'century':
      return amount === null ? 'PXCE' : `P${amount * 100}Y`;
  }
}

export const SEASONS: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** The month each season starts in (northern hemisphere, meteorological), to order them. */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
export const SEASON = '(?:spring|summer|fall|autumn|winter)';

export const PARTS_OF_DAY: Record<string, 'MO' | 'MI' | 'AF' | 'EV' | 'NI'> = { morning: 'MO', noon: 'MI', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI' };
export const PART_OF_DAY = '(?:morning|afternoon|evening|night|overnight)';

/** Holidays with a fixed date, or a rule, for a year. */
export const HOLIDAYS: Record<string, (year: number) => Date> = {
  "new year's day": (y) => utc(y, 1, 1),
  "new year's eve": (y) => utc(y, 12, 31),
  "valentine's day": (y) => utc(y, 2, 14),
  'independence day': (y) => utc(y, 7, 4),
  'halloween': (y) => utc(y, 10, 31),
  'veterans day': (y) => utc(y, 11, 11),
  'christmas eve': (y) => utc(y, 12, 24),
  'christmas day': (y) => utc(y, 12, 25),
  christmas: (y) => utc(y, 12, 25),
  'boxing day': (y) => utc(y, 12, 26),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3),
  'easter sunday': (y) => easter(y),
  easter: (y) => easter(y),
  'good friday': (y) => new Date(easter(y).getTime() - 2 * 86_400_000),
  'election day': (y) => new Date(nthWeekday(y, 11, 1, 1).getTime() + 86_400_000),
};
export const HOLIDAY = "(?:New Year['’]s Day|New Year['’]s Eve|Valentine['’]s Day|Independence Day|Halloween|Veterans Day|Christmas Eve|Christmas Day|Christmas|Boxing Day|Thanksgiving Day|Thanksgiving|Labor Day|Memorial Day|Martin Luther King Day|Easter Sunday|Easter|Good Friday|Election Day)";
export const holidayKey = (name: string) => name.toLowerCase().replace(/’/g, "'");

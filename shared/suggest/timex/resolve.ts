/**
 * From what an expression means to its TIMEX3 value. A meaning either carries its value
 * ("2020-03", "P3D", "PRESENT_REF") or needs the reference date (the publication date)
 * and a direction (the tense around it) to become one. Without a reference date only
 * meanings that carry their value get one.
 */
import { addDays, addMonths, dayValue, isoWeek, isoWeekday, monthValue, pad, quarterOf, utc } from './calendar.js';
import type { Direction } from './context.js';
import { HOLIDAYS, SEASON_START, type Unit } from './lexicon.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type Part = 'MO' | 'MI' | 'AF' | 'EV' | 'NI';
/** A clock time (hour 0-24, minute) or a part of the day. */
export type TimeOfDay = { hour: number; minute: number } | { part: Part };

export type Meaning =
  /** Needs no reference: "March 2020", "P3D", "PRESENT_REF", "XXXX-WXX-1". */
  | { kind: 'fixed'; type: TimexType; value: string; quant?: string; freq?: string; anchored?: 'begins' | 'ends' }
  /** A day of a month, with or without its year. */
  | { kind: 'day'; month: number; day: number; year?: number; time?: TimeOfDay }
  /** A month; shift -1/0/1 for "last/this/next May". */
  | { kind: 'month'; month: number; year?: number; shift?: number }
  /** A weekday; shift -1/0/1 for "last/this/next Monday". */
  | { kind: 'weekday'; weekday: number; shift?: number; time?: TimeOfDay }
  /** today (0), yesterday (-1), tomorrow (1); "tonight" is today at night. */
  | { kind: 'relativeDay'; offset: number; time?: TimeOfDay; fromNarrative?: boolean }
  /** "last week", "this month", "next year", "the weekend", "the quarter". */
  | { kind: 'relativeUnit'; unit: 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century'; offset: number; lastCompleted?: boolean }
  /** "two weeks ago" (from the reference), "two days earlier" (from the narrative date). */
  | { kind: 'ago'; unit: Unit; amount: number | null; sign: -1 | 1; from: 'reference' | 'narrative' }
  | { kind: 'season'; season: 'SP' | 'SU' | 'FA' | 'WI'; year?: number; shift?: number }
  | { kind: 'quarter'; quarter: number; half?: boolean; year?: number; yearShift?: number }
  | { kind: 'holiday'; name: string; year?: number }
  /** A clock time on the day of `on` (another meaning), or the narrative day. */
  | { kind: 'clock'; time: TimeOfDay; on?: Meaning };

export interface Resolved {
  type: TimexType;
  value: string;
  quant?: string;
  freq?: string;
  /** For an anchored duration: the point it begins or ends at. */
  anchor?: { value: string; role: 'begins' | 'ends' };
}

export interface Reference {
  /** The publication date, at noon UTC, or null. */
  date: Date | null;
  direction: Direction;
  /** The day of the last dated event before the expression, for "two days earlier" and quoted "today". */
  narrative: Date | null;
}

const timeSuffix = (time: TimeOfDay | undefined) => (!time ? '' : 'part' in time ? `T${time.part}` : `T${pad(time.hour)}:${pad(time.minute)}`);

const DAY_MS = 86_400_000;

/**
 * The candidate in the direction asked (the latest on or before the reference, or the
 * first ending on or after it), or the nearest when the direction is unknown. A cue of
 * tense is only a hint: when it points most of a year away and the other way is within
 * three months ("payable Dec. 7" in October, said in the past tense), the near one wins.
 */
function choose(candidates: Date[], reference: Date, direction: Direction, end: (d: Date) => Date = (d) => d): Date {
  const sorted = [...candidates].sort((a, b) => a.getTime() - b.getTime());
  const distance = (x: Date) => (x.getTime() > reference.getTime() ? x.getTime() - reference.getTime() : Math.max(0, reference.getTime() - end(x).getTime()));
  let nearest = sorted[0] as Date;
  for (const d of sorted) if (distance(d) < distance(nearest)) nearest = d;
  let chosen: Date | undefined;
  if (direction === 'past') chosen = sorted.filter((d) => d.getTime() <= reference.getTime()).at(-1);
  if (direction === 'future') chosen = sorted.find((d) => end(d).getTime() >= reference.getTime());
  if (!chosen) return nearest;
  return distance(chosen) > 240 * DAY_MS && distance(nearest) < 92 * DAY_MS ? nearest : chosen;
}

/** The date a day-level meaning stands for, or null (used for clock times and narrative). */
export function dayOf(meaning: Meaning, ref: Reference): Date | null {
  const date = ref.date;
  switch (meaning.kind) {
    case 'day': {
      if (meaning.year !== undefined) return utc(meaning.year, meaning.month, meaning.day);
      if (!date) return null;
      const y = date.getUTCFullYear();
      return choose([y - 1, y, y + 1].map((year) => utc(year, meaning.month, meaning.day)), date, ref.direction === 'none' ? 'none' : ref.direction);
    }
    case 'weekday': {
      if (!date) return null;
      const today = date.getUTCDay();
      if (meaning.shift === 1) return addDays(date, (meaning.weekday - today + 7) % 7 || 7);
      if (meaning.shift === -1) return addDays(date, -((today - meaning.weekday + 7) % 7 || 7));
      if (meaning.shift === 0) return addDays(date, ((meaning.weekday + 6) % 7) - ((today + 6) % 7));
      // Ahead, the day itself counts: "expires at midnight Friday" said on a Friday.
      if (ref.direction === 'future') return addDays(date, (meaning.weekday - today + 7) % 7);
      return addDays(date, -((today - meaning.weekday + 7) % 7));
    }
    case 'relativeDay': {
      const base = meaning.fromNarrative && ref.narrative ? ref.narrative : date;
      return base ? addDays(base, meaning.offset) : null;
    }
    case 'holiday': {
      const rule = HOLIDAYS[meaning.name];
      if (!rule) return null;
      if (meaning.year !== undefined) return rule(meaning.year);
      if (!date) return null;
      const y = date.getUTCFullYear();
      return choose([rule(y - 1), rule(y), rule(y + 1)], date, ref.direction);
    }
    default:
      return null;
  }
}

export function resolve(meaning: Meaning, ref: Reference): Resolved | null {
  const date = ref.date;
  switch (meaning.kind) {
    case 'fixed': {
      const resolved: Resolved = { type: meaning.type, value: meaning.value };
      if (meaning.quant) resolved.quant = meaning.quant;
      if (meaning.freq) resolved.freq = meaning.freq;
      if (meaning.anchored && date) resolved.anchor = { value: dayValue(date), role: meaning.anchored };
      return resolved;
    }
    case 'day':
    case 'weekday':
    case 'relativeDay':
    case 'holiday': {
      const day = dayOf(meaning, ref);
      if (!day) return null;
      const time = 'time' in meaning ? meaning.time : undefined;
      return { type: time ? 'TIME' : 'DATE', value: dayValue(day) + timeSuffix(time) };
    }
    case 'clock': {
      const day = meaning.on ? dayOf(meaning.on, ref) : (ref.narrative ?? date);
      if (!day) return null;
      return { type: 'TIME', value: dayValue(day) + timeSuffix(meaning.time) };
    }
    case 'month': {
      if (meaning.year !== undefined) return { type: 'DATE', value: `${meaning.year}-${pad(meaning.month)}` };
      if (!date) return null;
      const y = date.getUTCFullYear();
      const current = date.getUTCMonth() + 1;
      let year: number;
      // "last June" is the latest June before this month; said in July, "last month" would
      // be the word for it, so the June of the year before is meant.
      if (meaning.shift === -1) year = meaning.month < current - 1 ? y : y - 1;
      else if (meaning.shift === 0) year = y;
      else if (meaning.shift === 1) year = meaning.month <= current ? y + 1 : y;
      else year = choose([y - 1, y, y + 1].map((candidate) => utc(candidate, meaning.month, 1)), date, ref.direction, (d) => utc(d.getUTCFullYear(), meaning.month + 1, 0)).getUTCFullYear();
      return { type: 'DATE', value: `${year}-${pad(meaning.month)}` };
    }
    case 'relativeUnit': {
      if (!date) return null;
      const n = meaning.offset;
      switch (meaning.unit) {
        case 'week':
          return { type: 'DATE', value: isoWeek(addDays(date, 7 * n)) };
        case 'weekend': {
          // The weekend of this week; "the weekend" in the past is the one just gone.
          let week = addDays(date, 7 * n);
          if (n === 0 && ref.direction !== 'future' && isoWeekday(date) < 6) week = addDays(date, -7);
          return { type: 'DATE', value: `${isoWeek(week)}-WE` };
        }
        case 'month':
          return { type: 'DATE', value: monthValue(addMonths(date, n)) };
        case 'quarter': {
          // "the quarter" in news of results is the last one completed.
          const base = meaning.lastCompleted ? addDays(date, -45) : date;
          const index = base.getUTCFullYear() * 4 + quarterOf(base) - 1 + n;
          return { type: 'DATE', value: `${Math.floor(index / 4)}-Q${(index % 4) + 1}` };
        }
        case 'half': {
          const index = date.getUTCFullYear() * 2 + (date.getUTCMonth() < 6 ? 0 : 1) + n;
          return { type: 'DATE', value: `${Math.floor(index / 2)}-H${(index % 2) + 1}` };
        }
        case 'year':
          return { type: 'DATE', value: String(date.getUTCFullYear() + n) };
        case 'decade':
          return { type: 'DATE', value: String(Math.floor(date.getUTCFullYear() / 10) + n) };
        case 'century':
          return { type: 'DATE', value: pad(Math.floor(date.getUTCFullYear() / 100) + n) };
      }
      return null;
    }
    case 'ago': {
      const base = meaning.from === 'narrative' ? (ref.narrative ?? date) : date;
      if (!base) return null;
      if (meaning.amount === null) return { type: 'DATE', value: meaning.sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      const n = meaning.amount * meaning.sign;
      switch (meaning.unit) {
        case 'day':
        case 'night':
          return { type: 'DATE', value: dayValue(addDays(base, Math.round(n))) };
        case 'week':
        case 'weekend':
          return { type: 'DATE', value: dayValue(addDays(base, Math.round(7 * n))) };
        case 'month':
          return { type: 'DATE', value: monthValue(addMonths(base, Math.round(n))) };
        case 'quarter': {
          const index = base.getUTCFullYear() * 4 + quarterOf(base) - 1 + Math.round(n);
          return { type: 'DATE', value: `${Math.floor(index / 4)}-Q${(index % 4) + 1}` };
        }
        case 'year':
          return { type: 'DATE', value: String(base.getUTCFullYear() + Math.round(n)) };
        // "a decade ago" said in 2020 is about 2010, not the 2000s.
        case 'decade':
          return { type: 'DATE', value: String(base.getUTCFullYear() + Math.round(10 * n)) };
        case 'century':
          return { type: 'DATE', value: String(base.getUTCFullYear() + Math.round(100 * n)) };
        case 'hour':
        case 'minute':
        case 'second':
          return { type: 'DATE', value: dayValue(base) };
      }
      return null;
    }
    case 'season': {
      if (meaning.year !== undefined) return { type: 'DATE', value: `${meaning.year}-${meaning.season}` };
      if (!date) return null;
      const y = date.getUTCFullYear();
      const start = SEASON_START[meaning.season] as number;
      let year: number;
      if (meaning.shift === -1) year = y - 1;
      else if (meaning.shift === 0) year = y;
      else if (meaning.shift === 1) year = start <= date.getUTCMonth() + 1 ? y + 1 : y;
      else year = choose([y - 1, y, y + 1].map((candidate) => utc(candidate, start, 1)), date, ref.direction, (d) => utc(d.getUTCFullYear(), start + 3, 0)).getUTCFullYear();
      return { type: 'DATE', value: `${year}-${meaning.season}` };
    }
    case 'quarter': {
      const suffix = meaning.half ? `H${meaning.quarter}` : `Q${meaning.quarter}`;
      if (meaning.year !== undefined) return { type: 'DATE', value: `${meaning.year}-${suffix}` };
      if (!date) return null;
      const y = date.getUTCFullYear() + (meaning.yearShift ?? 0);
      if (meaning.yearShift !== undefined) return { type: 'DATE', value: `${y}-${suffix}` };
      const months = meaning.half ? 6 : 3;
      const startOf = (year: number) => utc(year, (meaning.quarter - 1) * months + 1, 1);
      // Quarters and halves in news are mostly reported ones: the latest begun.
      const direction = 'past';
      const year = choose([y - 1, y, y + 1].map(startOf), date, direction, (d) => utc(d.getUTCFullYear(), d.getUTCMonth() + 1 + months, 0)).getUTCFullYear();
      return { type: 'DATE', value: `${year}-${suffix}` };
    }
  }
}

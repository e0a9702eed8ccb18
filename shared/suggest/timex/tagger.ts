/**
 * Finds temporal expressions in a text and gives each its TIMEX3 attributes: runs every
 * rule (rules.ts), keeps the longest of overlapping matches, takes in the modifiers and
 * determiners before them ("late", "the end of", "more than", "about"), then resolves
 * them in text order (resolve.ts), so that "two days earlier" and a quoted "today" can
 * count from the last date the story gave.
 */
import { addDays, utc } from './calendar.js';
import { directionAt, isQuoted, type Direction } from './context.js';
import { dayOf, resolve, type Meaning, type Reference, type Resolved, type TimexType } from './resolve.js';
import { RULES, type Candidate } from './rules.js';

export interface TaggedTimex {
  /** UTF-16 offsets. */
  start: number;
  end: number;
  type: TimexType;
  /** Null when the expression needs a publication date the document lacks. */
  value: string | null;
  mod?: string;
  quant?: string;
  freq?: string;
  anchor?: Resolved['anchor'];
  /** Why, in a few words, for the suggestion list. */
  reason: string;
}

/** Modifiers before a date or time: "early", "the end of", "mid-". */
const POINT_MODIFIERS: [RegExp, string][] = [
  [/\b(?:[Tt]he\s+)?(?:[Ee]arly|[Tt]he\s+(?:beginning|start|outset)\s+of(?:\s+the)?)\s*$/, 'START'],
  [/\b(?:[Tt]he\s+)?(?:[Ll]ate|[Tt]he\s+(?:end|close)\s+of(?:\s+the)?)\s*$/, 'END'],
  [/\b(?:[Tt]he\s+)?(?:[Mm]id-?|[Mm]iddle|[Tt]he\s+middle\s+of(?:\s+the)?)\s*$/, 'MID'],
  [/\b[Ee]arlier\s*$/, 'START'],
  [/\b[Ll]ater\s*$/, 'END'],
];
/** Modifiers before an amount of time: "about", "more than", "nearly". */
const AMOUNT_MODIFIERS: [RegExp, string][] = [
  // "no more than" before "more than"; "over" and "within" are mostly prepositions
  // ("used over three years", "within 18 months"), left out as the annotators do.
  [/\b(?:[Aa]t\s+least|[Nn]o\s+less\s+than|[Nn]ot\s+less\s+than)\s+$/, 'EQUAL_OR_MORE'],
  [/\b(?:[Aa]t\s+most|[Uu]p\s+to|[Nn]o\s+more\s+than|[Nn]ot\s+more\s+than)\s+$/, 'EQUAL_OR_LESS'],
  [/\b(?:[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly|[Ss]ome|[Cc]lose\s+to)\s+$/, 'APPROX'],
  [/\b(?:[Mm]ore\s+than|[Jj]ust\s+over|[Ww]ell\s+over|[Bb]eyond)\s+$/, 'MORE_THAN'],
  [/\b(?:[Ll]ess\s+than|[Jj]ust\s+under|[Nn]early|[Aa]lmost|[Ff]ewer\s+than)\s+$/, 'LESS_THAN'],
];

function runRules(text: string): Candidate[] {
  const found: Candidate[] = [];
  RULES.forEach((rule, priority) => {
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      if (match[0].length === 0) continue;
      const built = rule.build(match, text);
      if (!built) continue;
      const { skip = 0, cut = 0, ...rest } = built;
      const start = match.index + skip;
      const end = match.index + match[0].length - cut;
      if (end > start) found.push({ ...rest, start, end, priority });
    }
  });
  return found;
}

/** The longest of overlapping candidates (then the earlier rule), in text order. */
function select(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  // Chosen spans sorted by start, to test overlap by binary search: a 1 MB text has thousands.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const candidate of ranked) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < candidate.end) lo = mid + 1;
      else hi = mid;
    }
    // lo: first chosen span starting at or after candidate.end; the one before it may overlap.
    if (lo > 0 && (ends[lo - 1] as number) > candidate.start) continue;
    starts.splice(lo, 0, candidate.start);
    ends.splice(lo, 0, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const isAmount = (meaning: Meaning) => meaning.kind === 'fixed' && (meaning.type === 'DURATION' || meaning.type === 'SET');

/** Takes a modifier before the span into it: "late" + "November", "more than" + "60 days". */
function withModifier(text: string, candidate: Candidate): Candidate {
  if (candidate.mod) return candidate;
  const before = text.slice(Math.max(0, candidate.start - 30), candidate.start);
  const ago = candidate.meaning.kind === 'ago';
  const list = isAmount(candidate.meaning) ? AMOUNT_MODIFIERS : ago ? AMOUNT_MODIFIERS.filter(([, mod]) => mod === 'APPROX' || mod === 'LESS_THAN' || mod === 'MORE_THAN') : POINT_MODIFIERS;
  const spanText = text.slice(candidate.start, candidate.end);
  for (const [pattern, mod] of list) {
    const match = pattern.exec(before);
    if (!match) continue;
    // "over the past two months": "over" is a preposition there, not "more than".
    // "earlier"/"later" only before "this/that/today" kinds: "earlier this month", "later this week".
    const earlierLater = /^(?:[Ee]arlier|[Ll]ater)/.test(match[0].trim());
    // "Earlier Sunday", "later yesterday": part of the expression, with no mod of its own.
    const aDay = candidate.meaning.kind === 'weekday' || candidate.meaning.kind === 'relativeDay';
    if (earlierLater && !/^(?:this|today|tonight|that)\b/i.test(spanText) && !aDay) continue;
    return { ...candidate, start: candidate.start - match[0].length + (match[0].length - match[0].trimStart().length), ...(earlierLater && aDay ? {} : { mod }) };
  }
  return candidate;
}

/** A clock time right next to a day ("10:35 a.m. Friday", "Friday, 3 p.m."): one expression. */
function joinTimes(text: string, chosen: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const current = chosen[i] as Candidate;
    const next = chosen[i + 1];
    const dayLike = (m: Meaning) => m.kind === 'day' || m.kind === 'weekday' || m.kind === 'relativeDay';
    if (next && current.meaning.kind === 'clock' && dayLike(next.meaning) && /^,?\s+(?:on\s+)?$/.test(text.slice(current.end, next.start)) && !/^\s+on\s+$/.test(text.slice(current.end, next.start))) {
      out.push({ ...current, end: next.end, meaning: { kind: 'clock', time: current.meaning.time, on: next.meaning } });
      i++;
    } else if (next && next.meaning.kind === 'clock' && !next.meaning.on && dayLike(current.meaning) && /^,?\s+(?:at\s+)?$/.test(text.slice(current.end, next.start)) && !/at/.test(text.slice(current.end, next.start))) {
      out.push({ ...current, end: next.end, meaning: { kind: 'clock', time: next.meaning.time, on: current.meaning } });
      i++;
    } else out.push(current);
  }
  return out;
}

const REASONS: Record<Meaning['kind'], string> = {
  fixed: 'says its own value',
  day: 'a day of the month',
  month: 'a month',
  weekday: 'a weekday',
  relativeDay: 'a day counted from the publication date',
  relativeUnit: 'a week, month or year around the publication date',
  ago: 'an amount of time before or after',
  season: 'a season',
  quarter: 'a quarter or half year',
  holiday: 'a holiday',
  clock: 'a time of day',
};

/** Carries a year of its own, so needs no publication date. */
const selfDated = (meaning: Meaning): boolean => meaning.kind === 'fixed' || ('year' in meaning && meaning.year !== undefined) || (meaning.kind === 'clock' && meaning.on !== undefined && selfDated(meaning.on));

/**
 * Temporal expressions in `text`, resolved against `published` (YYYY-MM-DD, or null:
 * then only expressions that carry their own year, amounts of time, sets and the
 * PRESENT/PAST/FUTURE references get a value).
 */
export function tagTimexes(text: string, published: string | null): TaggedTimex[] {
  const date = published ? utc(Number(published.slice(0, 4)), Number(published.slice(5, 7)), Number(published.slice(8, 10))) : null;
  const chosen = joinTimes(text, select(runRules(text).map((candidate) => withModifier(text, candidate))));
  const tagged: TaggedTimex[] = [];
  let narrative: { at: number; date: Date } | null = null;
  let lastQuarter = null as { at: number; value: string } | null;
  for (const candidate of chosen) {
    const direction: Direction = forcedDirection(candidate.meaning) ?? directionAt(text, candidate.start, candidate.end);
    let meaning = candidate.meaning;
    // A quoted "today" is the day the words were said: the last day the story dated,
    // when that was in the paragraphs just before and before publication.
    if (meaning.kind === 'relativeDay' && !meaning.fromNarrative && meaning.offset === 0 && narrative && date && isQuoted(text, candidate.start) && candidate.start - narrative.at < 1500 && narrative.date.getTime() < date.getTime() && narrative.date.getTime() > addDays(date, -14).getTime()) {
      meaning = { ...meaning, fromNarrative: true };
    }
    const reference: Reference = { date, direction, narrative: narrative?.date ?? null };
    let resolved = date || selfDated(meaning) ? resolve(meaning, reference) : null;
    // "a year ago", "the year-earlier period" after a quarter ("third-quarter profit fell
    // from $2 a share a year ago"): the same quarter of the year before.
    if (resolved && meaning.kind === 'ago' && meaning.unit === 'year' && meaning.amount !== null && Number.isInteger(meaning.amount) && lastQuarter && candidate.start - lastQuarter.at < 400) {
      const [year, quarter]: string[] = (lastQuarter as { value: string }).value.split("-Q");
      resolved = { ...resolved, value: `${Number(year) + meaning.sign * meaning.amount}-Q${quarter}` };
    }
    if (resolved && /^\d{4}-Q[1-4]$/.test(resolved.value) && meaning.kind !== 'ago') lastQuarter = { at: candidate.end, value: resolved.value };
    const day: Date | null = meaning.kind === 'clock' ? null : dayOf(meaning, reference);
    if (day && meaning.kind !== 'relativeDay') narrative = { at: candidate.end, date: day };
    const type: TimexType = resolved?.type ?? (meaning.kind === 'clock' || ('time' in meaning && meaning.time) ? 'TIME' : meaning.kind === 'fixed' ? meaning.type : 'DATE');
    const timex: TaggedTimex = { start: candidate.start, end: candidate.end, type, value: resolved?.value ?? null, reason: resolved ? REASONS[meaning.kind] : 'needs a publication date' };
    if (candidate.mod) timex.mod = candidate.mod;
    if (resolved?.quant) timex.quant = resolved.quant;
    if (resolved?.freq) timex.freq = resolved.freq;
    if (resolved?.anchor) timex.anchor = resolved.anchor;
    tagged.push(timex);
  }
  return tagged;
}

/** "last", "next", "ago" say the direction themselves. */
function forcedDirection(meaning: Meaning): Direction | null {
  if ('shift' in meaning && meaning.shift !== undefined) return meaning.shift < 0 ? 'past' : meaning.shift > 0 ? 'future' : null;
  return null;
}

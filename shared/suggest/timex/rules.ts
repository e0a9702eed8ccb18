/**
 * The patterns that find temporal expressions, each with what its match means. Spans
 * are drawn as the TimeML guidelines draw them: determiners and modifiers inside ("the
 * next two months", "late November", "more than 60 days"; the modifiers are added by the
 * tagger), prepositions and the signals "before"/"after" outside.
 *
 * Month and weekday names must be capitalized ("this march", "may" are not dates), and
 * "May" and "March" alone only count after a word that introduces a time ("in May",
 * "since March", "last May"); "March for Life" is not one. Bare years (1000-2099) count
 * unless they read as quantities ("2000 troops", "about 1500").
 */
import { HOLIDAY, holidayKey, MONTH, monthNumber, NUMBER, numberValue, ORDINALS, PART_OF_DAY, PARTS_OF_DAY, SEASON, SEASONS, UNIT, unitOf, WEEKDAY, weekdayNumber, durationParts } from './lexicon.js';
import type { Meaning, Part, TimeOfDay } from './resolve.js';

export interface Candidate {
  /** UTF-16 offsets. */
  start: number;
  end: number;
  meaning: Meaning;
  mod?: string;
  /** Lower wins a tie between candidates of the same length. */
  priority: number;
}

interface Rule {
  pattern: RegExp;
  /** What the match means; `skip` and `cut` drop characters from its start and end (a preposition, a signal). */
  build: (match: RegExpExecArray, text: string) => (Omit<Candidate, 'priority' | 'start' | 'end'> & { skip?: number; cut?: number }) | null;
}

/** "[Ll]ast" for a word that may open a sentence. */
const cap = (word: string) => `[${(word[0] as string).toUpperCase()}${word[0] as string}]${word.slice(1)}`;
const words = (...list: string[]) => `(?:${list.map(cap).join('|')})`;

const DAY = '(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[0-9]{3}|20[0-9]{2})';
const SPOKEN_YEAR = '(?:nineteen[ -](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two thousand(?:[ -](?:and[ -])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)';
const SHIFT: Record<string, number> = { last: -1, past: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1, following: 1, 'this past': -1, 'this coming': 1 };
const shiftOf = (word: string | undefined) => (word === undefined ? undefined : SHIFT[word.toLowerCase().replace(/\s+/g, ' ')]);

function spokenYear(words: string): number {
  const w = words.toLowerCase().replace(/-/g, ' ');
  if (w.startsWith('two thousand')) return 2000 + (numberValue(w.replace(/^two thousand\s*(and\s*)?/, '') || 'zero') ?? 0);
  const rest = w.replace(/^nineteen\s*/, '');
  return 1900 + (rest === 'hundred' ? 0 : (numberValue(rest) ?? 0));
}

const yearOf = (digits: string | undefined, spoken?: string) => (digits ? Number(digits.length === 2 ? `19${digits}` : digits) : spoken ? spokenYear(spoken) : undefined);

/** "in", "since", ...: words after which a lone "May" or "March" is a month. */
const INTRODUCES_TIME = /\b(?:in|since|by|until|till|from|during|through|throughout|before|after|of|last|next|this|early|late|mid|end|beginning|between|and|to|or|every|each|since|around|until|into)[\s-]+$/i;

/**
 * Words after a number that make it a quantity, not a year: a plural or a word for
 * people ("2000 troops", "1500 people"); a year before a singular noun is an adjective
 * ("the 1987 crash", "its 1990 invasion") and plurals of the year's events stay too.
 */
const QUANTITY_AFTER = /^[\s-]+(?!(?:earnings|sales|results|elections|olympics|games|talks|levels|figures|accords|profits|losses|riots|attacks|protests|floods|bombings|campaigns|budgets|negotiations|hearings|finals|championships|is|was|has|as|this|its|his|Olympics)\b)(?:[a-z]+s|people|police|personnel|staff|men|women|children|feet|foot|head|aircraft)\b/;
const QUANTITY_BEFORE = /(?:[$£€#]|\b(?:about|some|nearly|almost|than|least|only|just|No|no|number|Nos?\.|page|pages|room|route|flight|Flight|Route|Room|Highway|highway|Interstate|Suite|PO Box|Box)\s*|[\d.,]\s*)$/;

function clockOf(hour: string, minute: string | undefined, half: string | undefined): TimeOfDay | null {
  let h = Number(hour);
  const m = minute ? Number(minute) : 0;
  if (h > 24 || m > 59) return null;
  const pm = half ? /^p/i.test(half) : false;
  if (half && /clock$/.test(half)) return h >= 1 && h <= 12 ? { hour: h, minute: m } : null;
  if (half) {
    if (h > 12 || h === 0) return null;
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  return { hour: h, minute: m };
}

const part = (word: string | undefined): Part | undefined => (word ? PARTS_OF_DAY[word.toLowerCase()] : undefined);

export const RULES: Rule[] = [
  // --- calendar dates --------------------------------------------------------------
  {
    // "March 29, 2020", "Saturday, April 25", "Jan. 14", "Mar 30, 2020", "December 27"
    pattern: new RegExp(`\\b(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(${DAY})(?![\\d%]|:\\d|\\s*(?:percent|per cent|million|billion|a\\.m|p\\.m|am\\b|pm\\b))(?:(?:,\\s*|\\s+)(${YEAR})(?!\\d))?(?:\\s+(${PART_OF_DAY}))?`, 'g'),
    build: (m) => {
      const month = monthNumber(m[2] as string);
      const day = parseInt(m[3] as string, 10);
      const year = yearOf(m[4]);
      const p = part(m[5]);
      return { meaning: { kind: 'day', month, day, ...(year !== undefined ? { year } : {}), ...(p ? { time: { part: p } } : {}) } };
    },
  },
  {
    // "29 March 2020", "the 5th of May", "5 May"
    pattern: new RegExp(`\\b(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR})(?!\\d))?`, 'g'),
    build: (m) => {
      const year = yearOf(m[4]);
      return { meaning: { kind: 'day', month: monthNumber(m[3] as string), day: parseInt(m[2] as string, 10), ...(year !== undefined ? { year } : {}) } };
    },
  },
  {
    // "02/13/1998", "2/13/98" (American order), "1998-02-13"
    pattern: /\b(?:(0?[1-9]|1[0-2])\/(0?[1-9]|[12][0-9]|3[01])\/((?:19|20)\d\d|\d\d)|((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))(?![\d/])/g,
    build: (m) => (m[1] ? { meaning: { kind: 'day', month: Number(m[1]), day: Number(m[2]), year: yearOf(m[3]) as number } } : { meaning: { kind: 'day', month: Number(m[5]), day: Number(m[6]), year: Number(m[4]) } }),
  },
  {
    // "May 2018", "January of 1990", "January nineteen ninety-seven", "June last year"
    pattern: new RegExp(`\\b(${MONTH})(?:,?\\s+(?:of\\s+)?(?:(${YEAR})(?![\\d,]\\d)|(${SPOKEN_YEAR}))|\\s+(?:of\\s+)?(this|last|next)\\s+year)`, 'g'),
    build: (m) => {
      const month = monthNumber(m[1] as string);
      if (m[4]) return { meaning: { kind: 'month', month, shift: shiftOf(m[4]) as number } };
      return { meaning: { kind: 'month', month, year: yearOf(m[2], m[3]) as number } };
    },
  },
  {
    // "last May", "this September", "next January", "this past June"
    pattern: new RegExp(`\\b(${words('last', 'this', 'next')}|${cap('this')}\\s+(?:past|coming))\\s+(${MONTH})\\b(?!\\s+\\d)`, 'g'),
    build: (m) => ({ meaning: { kind: 'month', month: monthNumber(m[2] as string), shift: shiftOf(m[1]) as number } }),
  },
  {
    // A month alone: "in December", "since March"; May and March need the word before.
    pattern: /\b(January|February|March|April|May|June|July|August|September|October|November|December|Sept\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)(?![\w-])/g,
    build: (m, text) => {
      const word = m[1] as string;
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if ((word === 'May' || word === 'March') && !INTRODUCES_TIME.test(before)) return null;
      // "the March for Life", "March of Dimes", "March Madness": names.
      if (word === 'March' && /^\s+(?:for|of|Madness|on\s+Washington)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      // "the March" (a march, a procession) and "Ms. May" are not months.
      if (/\b(?:the|a|Ms\.?|Mrs\.?|Mr\.?|Theresa)\s+$/.test(before)) return null;
      return { meaning: { kind: 'month', month: monthNumber(word) } };
    },
  },
  // --- years, decades, centuries -----------------------------------------------------
  {
    pattern: new RegExp(`(?<![\\w$£€.,/:]|(?<![Mm]id)-)(?:(${words('fiscal')})\\s+(?:year\\s+)?)?(${YEAR})(?![\\w%]|[.,/:]\\d|-\\d)`, 'g'),
    build: (m, text) => {
      const year = Number(m[2]);
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (!m[1]) {
        if (QUANTITY_BEFORE.test(before) || QUANTITY_AFTER.test(after)) return null;
        if (year < 1800 && !/\b(?:in|since|of|from|by|until|before|after|during|year)\s+$/i.test(before)) return null;
        // "1990-91" and "the 1980s" are other rules'.
      }
      return { meaning: { kind: 'fixed', type: 'DATE', value: String(year) } };
    },
  },
  {
    pattern: new RegExp(`\\b(?:${cap('the')}\\s+)?(?:year\\s+)?(${SPOKEN_YEAR})\\b`, 'g'),
    // "the year two thousand", "nineteen ninety-six": spoken years (broadcast transcripts);
    // "nineteen" alone is a number.
    build: (m) => (/^the year|^year/i.test(m[0]) || /nineteen[ -]\w+[ -]\w+|two thousand/i.test(m[1] as string) ? { meaning: { kind: 'fixed', type: 'DATE', value: String(spokenYear(m[1] as string)) } } : null),
  },
  {
    // "the 1980s", "1990s", "the '80s", "the mid-1990s" (mid is a modifier, added later)
    pattern: /\b(?:[Tt]he\s+)?(?:(1[0-9]|20)([0-9])0s|['’]([0-9])0s)\b/g,
    build: (m) => ({ meaning: { kind: 'fixed', type: 'DATE', value: m[3] ? `19${m[3]}` : `${m[1]}${m[2]}` } }),
  },
  {
    // "the nineties", "the eighties": decades of the 1900s.
    pattern: /\b[Tt]he\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/g,
    build: (m) => ({ meaning: { kind: 'fixed', type: 'DATE', value: `19${['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf((m[1] as string).toLowerCase()) + 2}` } }),
  },
  {
    pattern: /\b(?:[Tt]he\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b/g,
    build: (m) => ({ meaning: { kind: 'fixed', type: 'DATE', value: String(Number(m[1]) - 1).padStart(2, '0') } }),
  },
  // --- weekdays, days around today, parts of the day ---------------------------------
  {
    pattern: new RegExp(`\\b(?:(${words('last', 'this', 'next', 'coming')}|${cap('this')}\\s+(?:past|coming))\\s+)?(${WEEKDAY})(?:\\s+(${PART_OF_DAY}))?(?![\\w'’-]|['’]s\\b)`, 'g'),
    build: (m) => {
      const p = part(m[3]);
      return { meaning: { kind: 'weekday', weekday: weekdayNumber(m[2] as string), ...(m[1] ? { shift: shiftOf(m[1]) as number } : {}), ...(p ? { time: { part: p } } : {}) } };
    },
  },
  {
    // "Wednesday's attack", "last Friday's announcement": the weekday without its 's.
    pattern: new RegExp(`\\b(?:(${words('last', 'this', 'next')})\\s+)?(${WEEKDAY})(?=['’]s\\b)`, 'g'),
    build: (m) => ({ meaning: { kind: 'weekday', weekday: weekdayNumber(m[2] as string), ...(m[1] ? { shift: shiftOf(m[1]) as number } : {}) } }),
  },
  {
    // "Mondays", "Tuesday nights": a set of days.
    pattern: new RegExp(`\\b(${WEEKDAY})s\\b|\\b(${WEEKDAY})\\s+(morning|afternoon|evening|night)s\\b`, 'g'),
    build: (m) => {
      const n = weekdayNumber((m[1] ?? m[2]) as string);
      const p = part(m[3]);
      return { meaning: { kind: 'fixed', type: 'SET', value: `XXXX-WXX-${n === 0 ? 7 : n}${p ? `T${p}` : ''}`, freq: '1W' } };
    },
  },
  {
    pattern: /\b(?:([Tt]oday|[Yy]esterday|[Tt]omorrow)(?:\s+(morning|afternoon|evening|night))?|([Tt]onight)|([Tt]his|[Ll]ast)\s+(morning|afternoon|evening|night)|([Oo]vernight))\b(?!['’]s\s+(?:paper|edition|show))/g,
    build: (m) => {
      if (m[1]) {
        const offset = { today: 0, yesterday: -1, tomorrow: 1 }[(m[1] as string).toLowerCase()] as number;
        const p = part(m[2]);
        return { meaning: { kind: 'relativeDay', offset, ...(p ? { time: { part: p } } : {}) } };
      }
      if (m[3]) return { meaning: { kind: 'relativeDay', offset: 0, time: { part: 'NI' } } };
      if (m[4]) {
        const last = /^last$/i.test(m[4]);
        // "last night" is the night before; "last morning" is no expression.
        if (last && !/night/i.test(m[5] as string)) return null;
        return { meaning: { kind: 'relativeDay', offset: last ? -1 : 0, time: { part: part(m[5]) as Part } } };
      }
      return null;
    },
  },
  {
    // "the day before", "the next day", "a day later": a day from the story's last date.
    pattern: /\b(?:[Tt]he\s+(?:(next|following|previous)\s+day|day\s+(before|after))|(?:[Tt]hat|[Tt]he\s+same)\s+day)\b/g,
    build: (m) => ({ meaning: { kind: 'relativeDay', offset: m[1] ? (/previous/i.test(m[1]) ? -1 : 1) : m[2] ? (/before/i.test(m[2]) ? -1 : 1) : 0, fromNarrative: true } }),
  },
  // --- clock times --------------------------------------------------------------------
  {
    pattern: /\b(\d{1,2})(?:[:.](\d\d))?\s*([ap]\.\s?m\.?|[ap]m\b|o['’]clock)(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local time|[A-Z]{3}T))?|\b([01]?\d|2[0-3]):([0-5]\d)(?=\s*(?:GMT|UTC|local|EST|EDT|hours|h\b))(?:\s+(?:GMT|UTC|local time|EST|EDT))?|\b(noon|midnight|midday)\b|\b([01]\d|2[0-3])([0-5]\d)\s+(?:GMT|UTC)\b/g,
    build: (m) => {
      // "1500 GMT", as wire services write the time of day.
      if (m[7]) return { meaning: { kind: 'clock', time: { hour: Number(m[7]), minute: Number(m[8]) } } };
      if (m[6]) return { meaning: { kind: 'clock', time: /midnight/i.test(m[6]) ? { hour: 24, minute: 0 } : { hour: 12, minute: 0 } } };
      const time = m[4] ? clockOf(m[4], m[5], undefined) : clockOf(m[1] as string, m[2], m[3]);
      return time ? { meaning: { kind: 'clock', time } } : null;
    },
  },
  // --- relative calendar units -------------------------------------------------------
  {
    pattern: new RegExp(`\\b(${words('last', 'this', 'next')}|${cap('this')}\\s+(?:past|coming)|${cap('the')}\\s+(?:current|coming|following|previous|latest|most\\s+recent|same))\\s+([Ww]eek|[Ww]eekend|[Mm]onth|[Qq]uarter|[Yy]ear|[Dd]ecade|[Cc]entury)\\b(?![\\w-])`, 'g'),
    build: (m) => {
      const which = (m[1] as string).toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
      const unit = (m[2] as string).toLowerCase() as 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
      if (which === 'same') return null;
      if (which === 'latest' || which === 'most recent') return unit === 'quarter' ? { meaning: { kind: 'relativeUnit', unit, offset: 0, lastCompleted: true } } : null;
      // "the last decade" is the ten years before, but the decade before is what annotators give.
      const offset = shiftOf(which) ?? 0;
      return { meaning: { kind: 'relativeUnit', unit, offset } };
    },
  },
  {
    // "the year ended March 31": a fiscal year, an amount of time.
    pattern: /\b[Tt]he\s+(year|quarter)(?=\s+(?:ended|ending|that\s+ended|to\s+(?:date|June|March|September|December)))/g,
    build: (m) => ({ meaning: { kind: 'fixed', type: 'DURATION', value: m[1] === 'year' ? 'P1Y' : 'P3M' } }),
  },
  {
    // "the 1988 second quarter", "last year's fourth quarter"
    pattern: new RegExp(`\\b(?:${cap('the')}\\s+)?(?:(${YEAR})|(this|last|next)\\s+year['’]s)\\s+(first|second|third|fourth)[\\s-]+(quarter|half)\\b`, 'g'),
    build: (m) => {
      const quarter = ORDINALS[(m[3] as string).toLowerCase()] as number;
      const half = m[4] === 'half';
      if (half && quarter > 2) return null;
      return { meaning: { kind: 'quarter', quarter, ...(half ? { half } : {}), ...(m[1] ? { year: Number(m[1]) } : { yearShift: shiftOf(m[2]) as number }) } };
    },
  },
  {
    // "the weekend", "the week", "the year", "the quarter": the one of the publication date.
    pattern: /\b[Tt]he\s+(weekend|week|month|year|quarter)\b(?![\w-]|\s+(?:before|after|earlier|ago|of\b|that|when|in\s+which|to\s+(?:date|come))|['’])/g,
    build: (m) => {
      const unit = m[1] as 'weekend' | 'week' | 'month' | 'year' | 'quarter';
      return { meaning: { kind: 'relativeUnit', unit, offset: 0, ...(unit === 'quarter' ? { lastCompleted: true } : {}) } };
    },
  },
  // --- seasons, quarters, holidays ---------------------------------------------------
  {
    pattern: new RegExp(`\\b(?:(${words('last', 'this', 'next', 'the')}|${cap('this')}\\s+(?:past|coming))\\s+)?(?:(early|late|mid)[\\s-]+)?(${SEASON})(?:\\s+(?:of\\s+)?(?:(${YEAR})|(${SPOKEN_YEAR})))?\\b(?![\\w-])`, 'gi'),
    build: (m, text) => {
      const season = SEASONS[(m[3] as string).toLowerCase()] as 'SP' | 'SU' | 'FA' | 'WI';
      const year = yearOf(m[4], m[5]);
      const which = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (year === undefined) {
        if (!which && !m[2] && !/\b(?:in|during|since|by|until|through|this|last|next|of)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
        // "the fall of Baghdad", "prices fall in", "a spring offensive"? The noun must stand alone.
        if (/^\s+(?:of|in|to|by|from|back|short|behind|below|into|apart|through)\b/i.test(after) && season === 'FA') return null;
        if (/^\s+of\s+(?!\d)/i.test(after)) return null;
      }
      // "this past spring" is the latest spring gone, which the tense says.
      const shift = which && which !== 'the' && which !== 'this past' ? shiftOf(which) : undefined;
      const mod = m[2] ? ({ early: 'START', late: 'END', mid: 'MID' } as Record<string, string>)[(m[2] as string).toLowerCase()] : undefined;
      return { meaning: { kind: 'season', season, ...(year !== undefined ? { year } : {}), ...(shift !== undefined ? { shift } : {}) }, ...(mod ? { mod } : {}) };
    },
  },
  {
    // "the third quarter", "third-quarter", "the first half of 1989", "the fiscal first quarter", "Q3 2019"
    pattern: new RegExp(`\\b(?:${cap('the')}\\s+)?(?:(?:fiscal|year-ago|year-earlier)\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:[\\s-]+(?:fiscal\\s+)?)(quarter|half)(?:\\s+of\\s+(?:fiscal\\s+)?(?:(${YEAR})|(this|last|next)\\s+year))?(?![\\w-])|\\bQ([1-4])(?:\\s+(${YEAR}))?\\b`, 'g'),
    build: (m) => {
      // "the third-quarter loss": the adjective alone is the expression.
      const adjectival = /^[Tt]he\s/.test(m[0]) && /(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)$/i.test(m[0]);
      if (adjectival) return { skip: 4, meaning: { kind: 'quarter', quarter: ORDINALS[(m[1] as string).toLowerCase()] ?? Number((m[1] as string).charAt(0)) } };
      if (m[5]) {
        const year = yearOf(m[6]);
        return { meaning: { kind: 'quarter', quarter: Number(m[5]), ...(year !== undefined ? { year } : {}) } };
      }
      const ordinal = (m[1] as string).toLowerCase();
      const quarter = ORDINALS[ordinal] ?? Number(ordinal.charAt(0));
      const half = m[2] === 'half';
      if (half && quarter > 2) return null;
      const year = yearOf(m[3]);
      const yearAgo = /year-(?:ago|earlier)/i.test(m[0]);
      const yearShift = m[4] ? shiftOf(m[4]) : yearAgo ? -1 : undefined;
      return { meaning: { kind: 'quarter', quarter, ...(half ? { half } : {}), ...(year !== undefined ? { year } : {}), ...(yearShift !== undefined ? { yearShift } : {}) } };
    },
  },
  {
    pattern: /\b(?:[Tt]he\s+)?(?:[Yy]ear-ago|[Yy]ear-earlier)(?:\s+(?:period|quarter|results))?\b/g,
    build: () => ({ meaning: { kind: 'ago', unit: 'year', amount: 1, sign: -1, from: 'reference' } }),
  },
  {
    pattern: new RegExp(`\\b(${HOLIDAY})(?:,?\\s+(${YEAR}))?\\b`, 'g'),
    build: (m) => {
      const year = yearOf(m[2]);
      return { meaning: { kind: 'holiday', name: holidayKey(m[1] as string), ...(year !== undefined ? { year } : {}) } };
    },
  },
  // --- durations, "ago" ----------------------------------------------------------------
  {
    // "two weeks ago", "a year earlier", "three days later", "two years from now"
    pattern: new RegExp(`\\b(${NUMBER})\\s+(?:more\\s+)?(${UNIT})(?:\\s+or\\s+so)?\\s+(ago|earlier|later|before|after|hence|from\\s+now)\\b`, 'gi'),
    build: (m, text) => {
      const amount = numberValue(m[1] as string);
      const unit = unitOf(m[2] as string);
      const relation = (m[3] as string).toLowerCase();
      const afterText = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (relation === 'before' || relation === 'after' || ((relation === 'earlier' || relation === 'later') && /^\s+than\b/.test(afterText))) {
        // "two days after the drill": the gap is a duration; "after" is a signal, outside.
        return { cut: m[0].length - m[0].replace(/\s+\S+$/, '').length, meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unit, amount) } };
      }
      if (relation === 'ago') return { meaning: { kind: 'ago', unit, amount, sign: -1, from: 'reference' } };
      if (relation === 'hence' || relation.startsWith('from')) return { meaning: { kind: 'ago', unit, amount, sign: 1, from: 'reference' } };
      return { meaning: { kind: 'ago', unit, amount, sign: relation === 'earlier' ? -1 : 1, from: 'narrative' } };
    },
  },
  {
    // "the past two months", "the next 14 months", "three days", "a week", "2 1/2 years", "the first nine months"
    pattern: new RegExp(`\\b(?:([Tt]he\\s+)(?:(past|last|next|previous|coming|following|first|final|latest|remaining|preceding|same)\\s+)?)?(${NUMBER})(?:\\s+(?:more|additional|full|straight|consecutive|long))?\\s+(${UNIT})(?:\\s+and\\s+a\\s+half)?(?![\\w-])(?!\\s+old\\b)`, 'gi'),
    build: (m, text) => {
      let amount = numberValue(m[3] as string);
      const unit = unitOf(m[4] as string);
      const word = (m[3] as string).toLowerCase();
      if (/and a half$/i.test(m[0]) && amount !== null) amount += 0.5;
      const plural = /s$/i.test(m[4] as string) && !/^centur/i.test(m[4] as string) ? true : /centuries/i.test(m[4] as string);
      // "a week" is one; "a weeks" and "three week" are not English, or part of "three week-long".
      // "a five year low", "a three hour meeting": a singular unit before a noun is an adjective.
      const adjective = !plural && /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) && /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)$/i.test(word);
      if ((amount === 1 && plural && !/^\d/.test(word)) || (amount !== null && amount > 1 && !plural && !adjective)) return null;
      // "many years", "some days" without "the ... past": unknown amounts.
      if (/^(?:some|many|a number of)$/.test(word) && !m[2]) return null;
      if (unit === 'weekend' || unit === 'night') {
        if (amount === null || amount > 1) return { meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unit, amount) } };
      }
      // "a second group": an ordinal, not a second of time.
      if (unit === 'second' && /^an?$/i.test(word) && /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      // "a day of pride", "a day when": a kind of day, not an amount.
      if (/^an?$/i.test(word) && /^\s+(?:of|when|that|in\s+the\s+life)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      // "a year" after a price or rate ("$5 a year", "3 percent a year") is a set: per year.
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      // "the a week" is no English: "the" only before a count ("the nine months").
      if (m[1] && !m[2] && /^(?:an?|some|many|few|a\s+few|several|a\s+number\s+of)$/i.test(word)) return null;
      if (/^an?$/i.test(word) && !m[1] && /(?:\d|%|percent|cents?|dollars?|times|once|twice)\s*$/i.test(before)) {
        return { meaning: { kind: 'fixed', type: 'SET', value: durationParts(unit, 1), quant: 'EVERY' } };
      }
      const which = m[2]?.toLowerCase();
      const anchored = which === 'past' || which === 'last' || which === 'previous' || which === 'preceding' ? 'ends' : which === 'next' || which === 'coming' || which === 'following' || which === 'remaining' ? 'begins' : undefined;
      return { meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unit, amount), ...(anchored && which !== 'following' ? { anchored } : {}) } };
    },
  },
  {
    // "two-day", "16-hour", "30-year", "a two-week": adjectival durations.
    pattern: new RegExp(`\\b(\\d+|${'(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|half'})-(second|minute|hour|day|night|week|month|year|decade|century)(?:-long|-old)?\\b(?!-)`, 'gi'),
    build: (m) => {
      const amount = /^half$/i.test(m[1] as string) ? 0.5 : numberValue(m[1] as string);
      return { meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unitOf(m[2] as string), amount) } };
    },
  },
  {
    // "for years", "in months", "over decades": an unknown number of them.
    pattern: /\b(?:for|in|over|within|after|lasting|took|take|takes|spent|spend)\s+((?:many|several|a\s+few|few)\s+)?(years|months|weeks|days|hours|minutes|decades|centuries)\b(?!\s+(?:ago|of|earlier|later|before|after))/gi,
    build: (m) => {
      const unit = unitOf(m[2] as string);
      const skip = m[0].length - (m[1] ?? '').length - (m[2] as string).length;
      return { skip, meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unit, null) } };
    },
  },
  {
    // "several years ago", "a few weeks ago": some time before.
    pattern: /\b(?:(?:several|a\s+few|some|many)\s+)?(?:years|months|weeks|days|decades)\s+ago\b/gi,
    build: () => ({ meaning: { kind: 'fixed', type: 'DATE', value: 'PAST_REF' } }),
  },
  // --- sets -----------------------------------------------------------------------------
  {
    pattern: new RegExp(`\\b([Ee]very|[Ee]ach)\\s+(?:(other)\\s+)?(?:(${WEEKDAY})|(${MONTH})|(day|week|weekend|month|quarter|year|morning|afternoon|evening|night|hour|minute)|(${NUMBER})\\s+(${UNIT}))\\b`, 'g'),
    build: (m) => {
      const quant = (m[1] as string).toUpperCase();
      const step = m[2] ? 2 : 1;
      if (m[3]) {
        const n = weekdayNumber(m[3]);
        return { meaning: { kind: 'fixed', type: 'SET', value: `XXXX-WXX-${n === 0 ? 7 : n}`, quant, freq: '1W' } };
      }
      if (m[4]) return { meaning: { kind: 'fixed', type: 'SET', value: `XXXX-${String(monthNumber(m[4])).padStart(2, '0')}`, quant } };
      if (m[5]) {
        const p = PARTS_OF_DAY[(m[5] as string).toLowerCase()];
        if (p) return { meaning: { kind: 'fixed', type: 'SET', value: `XXXX-XX-XXT${p}`, quant } };
        return { meaning: { kind: 'fixed', type: 'SET', value: durationParts(unitOf(m[5] as string), step), quant } };
      }
      return { meaning: { kind: 'fixed', type: 'SET', value: durationParts(unitOf(m[7] as string), numberValue(m[6] as string)), quant } };
    },
  },
  {
    pattern: /(?<![\w-])(daily|weekly|monthly|yearly|annually|nightly|hourly|biweekly)\b/gi,
    build: (m, text) => {
      const word = (m[1] as string).toLowerCase();
      // "the Daily Telegraph", "Monthly Review": names, not sets.
      if (/^[A-Z]/.test(m[1] as string) && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      const value = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', yearly: 'P1Y', annually: 'P1Y', nightly: 'P1D', hourly: 'PT1H', biweekly: 'P2W' }[word] as string;
      return { meaning: { kind: 'fixed', type: 'SET', value } };
    },
  },
  {
    // "twice a week", "three times a year", "once a month"
    pattern: new RegExp(`\\b(once|twice|thrice|(?:${NUMBER})\\s+times)\\s+(?:a|an|per|each|every)\\s+(day|week|month|year|hour|decade)\\b`, 'gi'),
    build: (m) => {
      const times = /^once/i.test(m[1] as string) ? 1 : /^twice/i.test(m[1] as string) ? 2 : /^thrice/i.test(m[1] as string) ? 3 : numberValue((m[1] as string).replace(/\s+times$/i, ''));
      return { meaning: { kind: 'fixed', type: 'SET', value: durationParts(unitOf(m[2] as string), 1), freq: `${times ?? 'X'}X` } };
    },
  },
  // --- references to the present, past and future ---------------------------------------
  {
    pattern: /\b(?:([Rr]ight\s+now|[Nn]ow|[Cc]urrently|[Pp]resently|[Aa]t\s+present|[Nn]owadays|[Tt]hese\s+days|[Tt]he\s+present|[Tt]oday['’]s|[Cc]urrent)|([Mm]ore\s+recently|[Rr]ecently|[Rr]ecent\s+(?:years|days|times)|[Rr]ecent(?!\s+(?:months|weeks))|[Tt]he\s+past(?!\s+(?:\d|few|several|week|month|year|decade|century|quarter|two|three|four|five|six|seven|eight|nine|ten))|[Ll]ately|[Ff]ormerly|[Ii]n\s+the\s+past)|([Aa]s\s+soon\s+as\s+possible|[Tt]he\s+(?:near\s+|distant\s+)?future(?!\s+of\b)|[Ss]oon|[Ss]hortly|[Tt]he\s+coming\s+(?:days|weeks|months|years|decades)|[Ss]ooner\s+or\s+later|[Ee]ventually|[Ii]n\s+the\s+future))\b(?![-’'])/g,
    build: (m, text) => {
      const word = m[0].toLowerCase().replace(/\s+/g, ' ');
      if (word === 'today’s' || word === "today's") return null;
      if (word === 'eventually' || word === 'formerly' || word === 'the present') return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
      // "now that", "for now" are still now; "current" only before a noun ("the current account" too, as TimeBank does).
      if (word === 'current' && !/^\s+[a-z]/.test(after)) return null;
      if (word === 'current' && /^\s+(?:account|affairs|events|density|flow|wisdom|state)\b/.test(after)) return null;
      const startSkip = word.startsWith('in the') || word.startsWith('at ') ? word.indexOf(' ') + 1 : 0;
      const value = m[1] ? 'PRESENT_REF' : m[2] ? 'PAST_REF' : 'FUTURE_REF';
      if (word.startsWith('at present')) return { meaning: { kind: 'fixed', type: 'DATE', value } };
      return { skip: startSkip, meaning: { kind: 'fixed', type: 'DATE', value } };
    },
  },
  {
    // "recent months", "recent weeks": an unknown number of them, up to now.
    pattern: /\b[Rr]ecent\s+(months|weeks)\b/g,
    build: (m) => ({ meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unitOf(m[1] as string), null), anchored: 'ends' } }),
  },
  {
    // "the past few weeks", "the last several months", "the coming weeks"
    pattern: /\b[Tt]he\s+(?:past|last|next|coming|previous)\s+(?:few|several|couple\s+of)\s+(days|weeks|months|years|decades|hours)\b/g,
    build: (m) => ({ meaning: { kind: 'fixed', type: 'DURATION', value: durationParts(unitOf(m[1] as string), /couple/.test(m[0]) ? 2 : null), anchored: /next|coming/i.test(m[0]) ? 'begins' : 'ends' } }),
  },
];

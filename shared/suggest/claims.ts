/**
 * Claim candidates, one per sentence: a sentence is proposed when it reports speech
 * ("said", "told", "according to", ...), quotes someone at some length, gives a
 * quantity ("5,000 troops", "$1.1m", "two bases"; dates and years are not quantities)
 * or states a cause ("because", "led to"). Each is scored for check-worthiness
 * (check-worthiness.ts: numbers, comparisons, attribution, causes) as its `confidence`,
 * and from 0.6 up suggested with `checkWorthiness: check-worthy`.
 *
 * The span is the whole sentence, trimmed of white space, quotation marks included: a
 * quote with its attribution ("“...,” said X.") is one sentence and one claim, so the
 * claim and its attribution are reviewed together and the analyst narrows the span if
 * the guidelines want the quote alone. A quotation of several sentences is not split
 * (a speaker's statement is one unit); it never runs past the end of its line.
 *
 * The claimant is a person or organization span from the entity suggestions:
 * 1. "according to X": the first one after it;
 * 2. otherwise the subject, the first one in the clause before the verb (after any
 *    quotation): "X, an adviser to Y, told ..." is X, not Y;
 * 3. after a quotation, "," said X": the one right after the verb;
 * 4. "he/she said": the last person claimant (or, failing that, person mentioned)
 *    within the last three sentences; "it/they said" the same for an organization;
 * 5. a sentence that opens with a quotation and has no speech verb continues the
 *    sentence before it ("X said. “...”") and takes its claimant.
 * Otherwise there is no claimant: a wrong guess costs the analyst more than none.
 *
 * Page furniture is skipped: the lines findFurniture flags, short headings and captions
 * (lines that do not end like a sentence), bylines in capitals, fragments under four words.
 */
import { findFurniture } from '../text/furniture.js';
import { createOffsetIndex } from '../text/offsets.js';
import { checkWorthiness, statesCause } from './check-worthiness.js';
import { isAbbreviation } from './entities.js';
import type { Suggestion } from './suggestion.js';

interface Sentence {
  /** UTF-16 offsets, trimmed of white space. */
  start: number;
  end: number;
  /** Quotations in the sentence, UTF-16 [start, end) including the marks; in order, apart. */
  quotes: [number, number][];
}

interface Speaker {
  /** UTF-16 offsets, for searching; `span` is what the suggestion reports. */
  start: number;
  end: number;
  kind: 'person' | 'organization';
  span: NonNullable<Suggestion['claimant']>;
}

/** A claimant found for sentence number `sentence`. */
interface Attributed {
  speaker: Speaker;
  sentence: number;
}

/** From this check-worthiness up a claim is suggested as check-worthy. */
const CHECK_WORTHY = 0.6;

const SPEECH = /\b(?:[Aa]ccording to|said|says|say|told|tells|stated|announced|announces|claimed|claims|noted|notes|noting|added|adds|adding|explained|confirmed|confirms|denied|denies|insisted|insists|argued|argues|warned|warns|alleged|alleges|declared|asserted|acknowledged|admitted|estimated|revealed|wrote|writes|tweeted|described|believes|believed|accused|blamed|maintained|reiterated|stressed|indicated|reported)\b/g;
const NUMBER = /(?<![\p{L}\p{N}\-–.,:/])(?:[$£€]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|\s?(?:percent|per cent|million|billion|trillion|thousand|bn|km|kilometres|kilometers|miles|mm|m)\b)?(?![\p{L}\p{N}:])/gu;
const NUMBER_WORD = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|hundreds?|thousands?|millions?|billions?)\b/gi;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\s+$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s+${MONTH}\\b`, 'i');
const OPENING_QUOTES = '“«"';
const CLOSING_QUOTES = '”»"';
/** What may start the next sentence. */
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{N}"“‘'([«•*]/u;

/** Lines of the text as UTF-16 ranges, numbered as findFurniture numbers them. */
function lines(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n|\n|\r/g)) {
    ranges.push([start, match.index]);
    start = match.index + match[0].length;
  }
  ranges.push([start, text.length]);
  return ranges;
}

/** The word before UTF-16 index `at` (periods included, for "U.S"). */
function wordBefore(text: string, at: number): string {
  let i = at;
  // Words are short; the limit keeps "a.a.a.a..." from making this quadratic.
  while (i > 0 && at - i < 32 && /[\p{L}\p{N}.]/u.test(text.charAt(i - 1))) i--;
  return text.slice(i, at).replace(/^\.+/, '');
}

/**
 * Sentences of one line. A sentence ends at . ! ? or … (plus closing quotes and
 * brackets) followed by space and a capital, digit or opening quote — not after an
 * abbreviation ("Brig. Gen.") and not inside a quotation. Straight quotes open and
 * close in turn; a quotation still open at the end of the line closes there.
 */
function splitLine(text: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  let open = -1;
  let quotes: [number, number][] = [];
  const push = (end: number) => {
    let [s, e] = [start, end];
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) sentences.push({ start: s, end: e, quotes: quotes.filter(([qs]) => qs >= s && qs < e) });
    quotes = [];
  };
  const close = (at: number) => {
    quotes.push([open, at + 1]);
    open = -1;
  };
  // Jump from one quotation mark or sentence-ending mark to the next.
  const marks = /[.!?…"“”«»]/g;
  for (let i = from; i < to; i++) {
    marks.lastIndex = i;
    const next = marks.exec(text);
    if (!next || next.index >= to) break;
    i = next.index;
    const c = next[0];
    if (open < 0 && OPENING_QUOTES.includes(c)) {
      open = i;
      continue;
    }
    if (open >= 0 && CLOSING_QUOTES.includes(c)) {
      close(i);
      continue;
    }
    if (!'.!?…'.includes(c)) continue;
    let j = i + 1;
    for (; j < to && /[.!?…"”»’')\]]/.test(text.charAt(j)); j++) if (open >= 0 && CLOSING_QUOTES.includes(text.charAt(j))) close(j);
    if (open >= 0 || j >= to || !/\s/.test(text.charAt(j))) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < to && /\s/.test(text.charAt(k))) k++;
    if (k >= to || !SENTENCE_START.test(text.charAt(k)) || (c === '.' && j === i + 1 && isAbbreviation(wordBefore(text, i)))) {
      i = j - 1;
      continue;
    }
    push(j);
    start = k;
    i = k - 1;
  }
  if (open >= 0) quotes.push([open, to]);
  push(to);
  return sentences;
}

/** A heading or caption: a short line that does not end like a sentence. */
function isHeading(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length < 200 && !/[.!?…]["”»’')\]]*$/.test(trimmed);
}

/** A fragment under four words, or a short line mostly in capitals (a byline, a credit). */
function isFragment(content: string): boolean {
  if (content.split(/\s+/, 4).length < 4) return true;
  if (content.length > 150) return false;
  let letters = 0;
  let capitals = 0;
  for (const c of content) {
    if (c >= 'a' && c <= 'z') letters++;
    else if (c >= 'A' && c <= 'Z') [letters, capitals] = [letters + 1, capitals + 1];
    else if (c > '\x7f' && /\p{L}/u.test(c)) [letters, capitals] = [letters + 1, capitals + (/\p{Lu}/u.test(c) ? 1 : 0)];
  }
  return letters >= 10 && capitals > 0.6 * letters;
}

/** Quantities in the sentence, skipping years and days of the month. */
function quantities(text: string, sentence: Sentence): string[] {
  const content = text.slice(sentence.start, sentence.end);
  const found: string[] = [];
  for (const match of content.matchAll(NUMBER)) {
    const number = match[0];
    const digits = number.replace(/,/g, '');
    const bare = /^\d+$/.test(digits);
    if (bare && /^(1[6-9]|20)\d\d$/.test(digits)) continue; // a year
    if (bare && Number(digits) <= 31 && (MONTH_BEFORE.test(content.slice(Math.max(0, match.index - 12), match.index)) || MONTH_AFTER.test(content.slice(match.index + number.length)))) continue;
    found.push(number);
  }
  for (const match of content.matchAll(NUMBER_WORD)) found.push(match[0]);
  return found;
}

/** The first index in `sorted` (by start) whose start is >= `at`. */
function firstFrom(sorted: readonly Speaker[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Speaker).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of quotations that start at or before `at` (quotations are in order). */
function quotesUpTo(quotes: readonly [number, number][], at: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((quotes[mid] as [number, number])[0] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) lies inside a quotation. Binary search: a sentence may hold thousands. */
function quoted(quotes: readonly [number, number][], start: number, end: number): boolean {
  const around = quotes[quotesUpTo(quotes, start) - 1];
  return around !== undefined && end <= around[1];
}

/** Where the last quotation that ends at or before `at` ends, or -1. */
function lastQuoteEnd(quotes: readonly [number, number][], at: number): number {
  for (let i = quotesUpTo(quotes, at) - 1; i >= 0; i--) {
    const [, end] = quotes[i] as [number, number];
    if (end <= at) return end;
  }
  return -1;
}

/** Speakers wholly inside [from, to) and outside quotations, in text order. */
function speakersIn(speakers: readonly Speaker[], quotes: readonly [number, number][], from: number, to: number): Speaker[] {
  const found: Speaker[] = [];
  for (let i = firstFrom(speakers, from); i < speakers.length; i++) {
    const speaker = speakers[i] as Speaker;
    if (speaker.start >= to) break;
    if (speaker.end <= to && !quoted(quotes, speaker.start, speaker.end)) found.push(speaker);
  }
  return found;
}

/**
 * Claim suggestions for `text`, with claimants taken from `entities` (entity
 * suggestions, code point offsets, as suggestEntities returns them).
 */
export function suggestClaims(text: string, entities: readonly Suggestion[]): Suggestion[] {
  const index = createOffsetIndex(text);
  const speakers: Speaker[] = [];
  for (const entity of entities) {
    const kind = entity.attributes.kind;
    if (entity.label !== 'entity' || (kind !== 'person' && kind !== 'organization')) continue;
    // Entities of another text (or version of it) would point at the wrong words.
    const fits = Number.isInteger(entity.start) && Number.isInteger(entity.end) && entity.start >= 0 && entity.start < entity.end && entity.end <= index.length;
    if (!fits || index.slice(entity.start, entity.end) !== entity.text) continue;
    speakers.push({ start: index.toUtf16(entity.start), end: index.toUtf16(entity.end), kind, span: { start: entity.start, end: entity.end, text: entity.text } });
  }
  speakers.sort((a, b) => a.start - b.start);

  const furniture = new Set(findFurniture(text).map((line) => line.line));
  const sentences: Sentence[] = [];
  lines(text).forEach(([from, to], number) => {
    if (furniture.has(number) || isHeading(text.slice(from, to))) return;
    for (const sentence of splitLine(text, from, to)) if (!isFragment(text.slice(sentence.start, sentence.end))) sentences.push(sentence);
  });

  const claims: Suggestion[] = [];
  /** Claimants so far, with the number of the sentence they were found for. */
  const claimants: Attributed[] = [];
  /** The sentence before, for a quotation that continues it. */
  let previous: { sentence: number; speaker: Speaker | null } | null = null;

  for (let number = 0; number < sentences.length; number++) {
    const sentence = sentences[number] as Sentence;
    const { start, end, quotes } = sentence;
    const content = text.slice(start, end);
    const verbs = [...content.matchAll(SPEECH)]
      .map((match) => ({ word: match[0], start: start + match.index, end: start + match.index + match[0].length }))
      .filter((verb) => !quoted(quotes, verb.start, verb.end));
    const quotation = quotes.some(([s, e]) => text.slice(s, e).split(/\s+/, 4).length >= 4);
    const numbers = quantities(text, sentence);
    if (verbs.length === 0 && !quotation && numbers.length === 0 && !statesCause(content)) {
      previous = { sentence: number, speaker: null };
      continue;
    }

    const claimantFor = (verb: { word: string; start: number; end: number }): Speaker | null => {
      // Speakers just after the verb: the window is short, whatever the sentence's length.
      const after = (limit: number) => speakersIn(speakers, quotes, verb.end, Math.min(end, verb.end + limit + 100)).find((s) => s.start - verb.end <= limit) ?? null;
      if (/^according to$/i.test(verb.word)) return after(40);
      const clauseStart = Math.max(start, verb.start - 120, lastQuoteEnd(quotes, verb.start), start + content.lastIndexOf(';', verb.start - start) + 1);
      const subject = speakersIn(speakers, quotes, clauseStart, verb.start)[0];
      if (subject) return subject;
      if (/["”»],?\s*$/.test(text.slice(Math.max(start, verb.start - 4), verb.start))) {
        const inverted = after(25);
        if (inverted) return inverted;
      }
      const pronoun = /\b(he|she|it|they)\s+$/i.exec(text.slice(Math.max(start, verb.start - 8), verb.start))?.[1] ?? /^\s+(he|she)\b/i.exec(text.slice(verb.end, verb.end + 6))?.[1];
      if (!pronoun) return null;
      const kind = /^(he|she)$/i.test(pronoun) ? 'person' : 'organization';
      for (let i = claimants.length - 1; i >= 0; i--) {
        const recent = claimants[i] as Attributed;
        if (number - recent.sentence > 3) break;
        if (recent.speaker.kind === kind) return recent.speaker;
      }
      const from = Math.max(sentences[Math.max(0, number - 3)]?.start ?? start, verb.start - 2_000);
      return speakersIn(speakers, [], from, verb.start).findLast((s) => s.kind === kind) ?? null;
    };

    let claimant: Speaker | null = null;
    let cue: string | null = null;
    for (const verb of verbs) {
      claimant = claimantFor(verb);
      if (claimant || cue === null) cue = /^according to$/i.test(verb.word) ? 'attribution: according to' : `reported speech: ${verb.word}`;
      if (claimant) break;
    }
    if (!claimant && verbs.length === 0 && OPENING_QUOTES.includes(content.charAt(0)) && previous?.sentence === number - 1) claimant = previous.speaker;
    if (claimant) claimants.push({ speaker: claimant, sentence: number });
    previous = { sentence: number, speaker: claimant };

    const worth = checkWorthiness(content, { quantities: numbers.length, attribution: verbs.length > 0, claimant: claimant !== null, quotation });
    const reasons = [cue, quotation ? 'quotation' : null, numbers.length > 0 ? `quantity: ${numbers[0]}` : null, ...worth.reasons.filter((r) => r !== 'a number' && !r.startsWith('attributed'))].filter((r): r is string => r !== null);
    claims.push({
      label: 'claim',
      start: index.toCodePoint(start),
      end: index.toCodePoint(end),
      text: content,
      // Worth checking by these signals: said so on the span; below, left to the analyst.
      attributes: worth.score >= CHECK_WORTHY ? { checkWorthiness: 'check-worthy' } : {},
      ...(claimant ? { claimant: claimant.span } : {}),
      confidence: worth.score,
      reason: reasons.join(', '),
    });
  }
  return claims;
}

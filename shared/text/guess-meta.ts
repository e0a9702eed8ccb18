/**
 * What the top of a plain-text article says about itself, read as a person would: the
 * headline (never a line of page furniture, a photo caption or credit, a section label
 * such as "Money", a byline or a date line), the byline ("By SETH J. FRANTZMAN"), the
 * publication date ("Updated: Mar 30, 2020", a line that is a date, or a dateline
 * opening the first paragraph) and an address line. These are guesses: the import marks
 * them so, and the analyst confirms them in Details.
 *
 * Only the top of the text is read (the first lines before the article has clearly
 * begun): a date in the middle of an article is an event, not the publication date, and
 * "On March 29, 2020, the coalition withdrew" is prose about an event, never taken for
 * the day the article appeared.
 */
import { z } from 'zod';
import { findFurniture } from './furniture.js';
import { readTypedDate } from './typed-date.js';

export interface GuessedMeta {
  title?: string;
  author?: string;
  published?: string;
  url?: string;
}

/** Lines read at most, and prose paragraphs after which the top of the article is over. */
const TOP_LINES = 40;
const PROSE_LINES_AFTER_TITLE = 2;
const MAX_TITLE = 200;

export type LineKind = 'blank' | 'furniture' | 'caption' | 'byline' | 'date' | 'url' | 'label' | 'headline' | 'prose';

export function guessMeta(text: string, options: { title?: string | null } = {}): GuessedMeta {
  const lines = topLines(text);
  const furniture = new Set(findFurniture(lines.join('\n')).map((line) => line.line));
  const found: GuessedMeta = {};
  let titleDecided = options.title !== undefined;
  if (options.title) found.title = options.title;
  /** A short line before the headline: a section label, unless prose follows it (then it was the title). */
  let pendingLabel: string | null = null;
  let prose = 0;
  for (const [index, raw] of lines.entries()) {
    const line = clean(raw);
    const kind = furniture.has(index) ? 'furniture' : classify(line);
    if (kind === 'blank' || kind === 'furniture' || kind === 'caption') continue;
    if (kind === 'byline') {
      found.author ??= bylineName(line) ?? undefined;
      if (found.author === undefined) delete found.author;
      continue;
    }
    if (kind === 'date') {
      found.published ??= dateOfLine(line) ?? undefined;
      if (found.published === undefined) delete found.published;
      continue;
    }
    if (kind === 'url') {
      found.url ??= urlOfLine(line) ?? undefined;
      if (found.url === undefined) delete found.url;
      continue;
    }
    if (!titleDecided) {
      if (kind === 'label') {
        pendingLabel ??= line;
        continue;
      }
      if (kind === 'headline') found.title = line;
      else if (pendingLabel) found.title = pendingLabel;
      titleDecided = true;
      if (kind === 'headline') continue;
    }
    // The article has begun: a dateline may open its first paragraph.
    if (prose === 0 && found.published === undefined) {
      const dateline = datelineOf(line);
      if (dateline) found.published = dateline;
    }
    if (kind === 'prose' || kind === 'headline' || kind === 'label') prose++;
    if (prose >= PROSE_LINES_AFTER_TITLE) break;
  }
  // Only short lines before the text ran out: the first was the title after all.
  if (!titleDecided && pendingLabel) found.title = pendingLabel;
  return found;
}

/** The first lines of the text, without splitting all of it. */
function topLines(text: string): string[] {
  const lines: string[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  for (let match = pattern.exec(text); match && lines.length < TOP_LINES; match = pattern.exec(text)) {
    lines.push(match[1] ?? '');
    if (match[2] === '') break;
  }
  return lines;
}

/** White space folded (no-break spaces too), bullets and stray marks at the ends gone. */
function clean(line: string): string {
  return line.replace(/[\s\u00a0]+/g, ' ').replace(/^[\s•·*|-]+|[\s|]+$/g, '').trim();
}

const CAPTION_PATTERNS = [
  /\.(jpe?g|png|gif|webp|tiff?|heic)\b/i, // a picture's file name
  /\bCREDIT\b/, // "… 160320 CREDIT US DEPARTMENT OF DEFENSE"
  /^\(?\s*(photo(graph)?|picture|image|illustration|cover image|video|credit)(['’]s)?\b[^:]{0,20}:/i, // "(photo’s source: …)", "Cover image: …"
  /\((photo|picture|image|credit|source)s?\s*:/i, // "… (Picture: US Department of Defense)"
  /^(photo(graph)?|picture|image)s?\s+(by|courtesy|credit)\b/i,
  /^(getty images|reuters|afp|ap photo|epa|anadolu)\b/i,
  /^\([^()]{1,120}\)$/, // a line wholly in brackets is an aside, not a headline
];

/** Labels that open a news page's section, and what a sole word or two before the headline is. */
const SECTION_WORDS = /^(news|world|politics|business|money|markets|opinion|analysis|comment|sport|sports|culture|science|health|tech(nology)?|middle east|africa|asia|europe|americas|uk|us|breaking( news)?|exclusive|live|update|latest|features?|investigations?)$/i;

export function classify(line: string): LineKind {
  if (line === '') return 'blank';
  if (CAPTION_PATTERNS.some((pattern) => pattern.test(line))) return 'caption';
  if (bylineName(line)) return 'byline';
  if (dateOfLine(line)) return 'date';
  if (urlOfLine(line)) return 'url';
  const words = line.split(' ').length;
  if (SECTION_WORDS.test(line) || (words <= 3 && line.length <= 30 && !/[\d.!?:,;]/.test(line))) return 'label';
  return isHeadline(line, words) ? 'headline' : 'prose';
}

/** A headline: one sentence or phrase, not a paragraph of prose. */
function isHeadline(line: string, words: number): boolean {
  if (line.length > MAX_TITLE || words < 2 || words > 30) return false;
  if (/[,;:]$/.test(line)) return false;
  // Two sentences ("… said. The …") are prose; initials and "U.S." are not sentence ends.
  if (/\p{Ll}{2,}[.!?]["”’]?\s+\p{Lu}/u.test(line)) return false;
  // Headlines end without a full stop; a line that ends with one is a sentence of the
  // article ("U.S." and other abbreviations aside), and so is a long one ending as a
  // sentence does.
  if (/[^.]\.["”’)]?$/.test(line) && !/\b(\p{Lu}\.\p{Lu}|Inc|Ltd|Co|Jr|Sr|St)\.$/u.test(line)) return false;
  return !(line.length > 120 && /[.!?]["”’)]?$/.test(line));
}

const NAME_WORD = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|del|der|van|von|bin|al|al-\p{L}+|da|di|le|la|and|&)$/u;

/** "By SETH J. FRANTZMAN" → "Seth J. Frantzman"; null when the line is no byline. */
export function bylineName(line: string): string | null {
  const match = /^(?:by|written by|words by|author|reporting by)\s*[:\-–—]?\s+(.+)$/i.exec(line);
  if (!match?.[1]) return null;
  // What follows a separator is the outlet or a role: "By Dana Reed | Reuters".
  const name = (match[1].split(/\s+[|–—-]\s+|\s*\|\s*/)[0] ?? '').replace(/[,.;\s]+$/, '').trim();
  const words = name.split(/\s+/);
  if (words.length === 0 || words.length > 8 || !words.every((word) => NAME_WORD.test(word.replace(/,$/, '')))) return null;
  if (!/\p{Lu}/u.test(name)) return null;
  // Names set in capitals are written as names are: "SETH J. FRANTZMAN" → "Seth J. Frantzman".
  return /\p{Ll}/u.test(name) ? name : name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

const DATE_LABEL = /^(?:(?:last\s+)?updated|(?:first\s+)?published|posted|date|dated|released)(?:\s+on)?\s*[:\-–—]?\s*/i;

/** A line that is a date, labelled or not ("Updated: Mar 30, 2020"): the day, or null. */
export function dateOfLine(line: string): string | null {
  if (line.length > 80) return null;
  const rest = line.replace(DATE_LABEL, '').replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+/i, '');
  for (const candidate of [rest, rest.replace(/[,|]?\s*(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s+[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2})?\s*$/i, '')]) {
    const read = candidate.trim() ? readTypedDate(candidate) : null;
    if (read?.ok) return read.value.slice(0, 10);
  }
  return null;
}

/** "March 30, 2020 — The coalition …", "30 March 2020: …": a dateline opening the first paragraph. */
function datelineOf(line: string): string | null {
  const match = /^([^—–:(]{6,40}?)\s*(?:—|–|-|:)\s+\S/.exec(line);
  return match?.[1] ? dateOfLine(match[1]) : null;
}

/** An address on a line of its own ("Source: https://…"). */
export function urlOfLine(line: string): string | null {
  const match = /^(?:(?:source|url|link|original|read (?:it )?(?:here|online)|via)\s*:?\s*)?(https?:\/\/[^\s<>"]+)$/i.exec(line);
  const address = match?.[1]?.replace(/[).,;]+$/, '');
  return address && z.url({ protocol: /^https?$/ }).safeParse(address).success ? address : null;
}

/**
 * Entity mentions: people, organizations and places. Three sources, in this order of
 * trust when two propose the same span:
 *
 * 1. The entity registry, the project's own knowledge: every occurrence of an entity's
 *    name or alias, matched loosely ("K1", "K-1", "k-1 air base" all match "K-1 Air
 *    Base"), with the registry's kind and `entityId`.
 * 2. compromise's people(), organizations() and places(), trimmed of what news text
 *    glues to names ("the", possessive "'s", quotes, commas, the next sentence).
 * 3. Repeats: a name compromise found once is looked for everywhere (it misses many
 *    repeats, and on long texts it only reads the beginning, below), and a person's
 *    surname alone ("Barker") joins the full name's group.
 *
 * compromise tags 30-60 KB of text a second on a slow 2-core machine, so a 1 MB text
 * would take 20 s (paragraph by paragraph as much as at once). It reads paragraphs only
 * until NLP_BUDGET characters are spent; the rest of a long text gets sources 1 and 3,
 * which are plain string matching (1 MB in about 0.3 s). The budget, about 2,000 words,
 * holds most news articles whole.
 *
 * Overlapping proposals keep the longest (then the more trusted), except that a registry
 * name is not dropped for a partial overlap. Mentions of one thing share `group`: the
 * registry id, else the normalized name without titles.
 */
import nlp from 'compromise';
import type { CanonicalEntity } from '../model/entities.js';
import { normalizeName } from '../text/name-key.js';
import { createOffsetIndex } from '../text/offsets.js';
import { entityConfidence } from './entity-confidence.js';
import { findFacilities } from './facilities.js';
import type { Suggestion } from './suggestion.js';

/** UTF-16 units of text compromise reads before the rest is left to string matching. */
export const NLP_BUDGET = 12_000;

export interface EntityOptions {
  /** Overrides NLP_BUDGET (0: registry and nothing else). */
  nlpBudget?: number;
}

type Kind = 'person' | 'organization' | 'location' | 'facility' | 'group' | 'other';
const KINDS: readonly string[] = ['person', 'organization', 'location', 'facility', 'group', 'other'];
const isKind = (kind: string): kind is Kind => KINDS.includes(kind);

/** Lower priority wins a tie between proposals of the same span. */
const PRIORITY = { registry: 0, context: 1, nlp: 2, repeat: 3 } as const;

interface Mention {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  kind: Kind | null;
  entityId?: string;
  group: string;
  reason: string;
  source: keyof typeof PRIORITY;
}

export { normalizeName };

// Abbreviations that end in a period without ending a sentence ("Brig. Gen. Barker").
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj brig capt cpl sgt adm cmdr rep sen gov pres st jr sr rev hon mt ft no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** True when `word` followed by a period is an abbreviation or initial, not a sentence end. */
export function isAbbreviation(word: string): boolean {
  return /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}?$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

const LEADING_JUNK = /[\s"“”‘’'([{«•*\-–—]/u;
const TRAILING_JUNK = /[\s.,;:!?"”“’‘'\])}»…\-–—*]/u;
/**
 * A leading word with neither a capital nor a digit ("the", "northern"), or "The"; not
 * a name particle ("bin Laden", "al Qaeda", "van Gogh").
 */
const LEADING_WORD = /^(?!(?:al|el|bin|ibn|bint|abu|de|del|della|der|di|da|du|dos|van|von|le|la)[\s\u00a0])(?:[^\s\p{Lu}\p{Lt}\p{N}]+|The|THE)[\s\u00a0]+/u;
/** A trailing plural common noun: "ISF partners", "Iraqi Security Forces partners". */
const TRAILING_PLURAL = /[\s\u00a0]+[^\s\p{Lu}\p{Lt}\p{N}]+s$/u;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The word that ends right before UTF-16 index `at`. */
function wordBefore(text: string, at: number): string {
  let i = at;
  // Words are short; the limit keeps "a.a.a.a..." from making this quadratic.
  while (i > 0 && at - i < 32 && /[\p{L}\p{N}.]/u.test(text.charAt(i - 1))) i--;
  return text.slice(i, at).replace(/^\.+/, '');
}

/**
 * [start, end) without the punctuation, "the", lowercase words and possessive "'s" that
 * compromise leaves on a name, cut before an unmatched bracket; null if nothing is left.
 */
function trimSpan(text: string, from: number, to: number): [number, number] | null {
  let start = from;
  let end = to;
  for (let changed = true; changed && start < end; ) {
    changed = false;
    while (start < end && LEADING_JUNK.test(text.charAt(start))) [start, changed] = [start + 1, true];
    while (start < end && TRAILING_JUNK.test(text.charAt(end - 1))) {
      // "U.S." and "Jr." keep their period.
      if (text.charAt(end - 1) === '.' && isAbbreviation(wordBefore(text, end - 1)) && /\p{Lu}/u.test(wordBefore(text, end - 1))) break;
      [end, changed] = [end - 1, true];
    }
    if (end - start > 2 && /^['’]s$/i.test(text.slice(end - 2, end))) [end, changed] = [end - 2, true];
    const leading = LEADING_WORD.exec(text.slice(start, end));
    if (leading && leading[0].length < end - start) [start, changed] = [start + leading[0].length, true];
    const trailing = TRAILING_PLURAL.exec(text.slice(start, end));
    if (trailing && trailing.index > 0) [end, changed] = [start + trailing.index, true];
    // "Hashd al-Shaabi (PMU" after the ")" went: keep what comes before the bracket.
    const open = unmatchedOpener(text.slice(start, end));
    if (open >= 0) [end, changed] = [start + open, true];
  }
  const kept = text.slice(start, end);
  if (!/[\p{Lu}\p{Lt}\p{N}]/u.test(kept) || [...kept].length < 2) return null;
  return [start, end];
}

/** Index of the first bracket in `s` that is never closed, or -1. */
function unmatchedOpener(s: string): number {
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c in PAIRS) stack.push(i);
    else if (c === ')' || c === ']' || c === '}') stack.pop();
  }
  return stack.length > 0 ? (stack[0] as number) : -1;
}

/**
 * compromise joins names across line breaks and commas ("Al-Jazeera, Stars & Stripes")
 * and now and then across a sentence end ("Iraq. These military"): cut there. After a
 * sentence end only the first part is a name it meant.
 */
function splitSpan(text: string, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let from = start;
  for (const match of text.slice(start, end).matchAll(/\r\n|\n|\r|[,;][ \t\u00a0]|[.!?]["”’)\]]*[ \t\u00a0]+/g)) {
    const at = start + match.index;
    const mark = match[0].charAt(0);
    if (mark === '.' && isAbbreviation(wordBefore(text, at))) continue;
    parts.push([from, at]);
    from = at + match[0].length;
    if (/[.!?]/.test(mark)) return parts;
  }
  parts.push([from, end]);
  return parts;
}

// --- compromise ---------------------------------------------------------------------

interface NlpTerm {
  text: string;
  tags: string[];
  offset: { start: number };
}

interface NlpMatch {
  terms: NlpTerm[];
}

interface NlpMention extends Mention {
  /** Where the name proper starts, after titles ("Brig. Gen."), for the group key. */
  nameStart: number;
}

const NLP_KINDS = [
  ['people', 'person', 'person name'],
  ['organizations', 'organization', 'organization name'],
  ['places', 'location', 'place name'],
] as const;

const lexicon = (nlp.model() as { one?: { lexicon?: Record<string, string | string[] | undefined> } }).one?.lexicon ?? {};
const isDemonym = (word: string) => [lexicon[word.toLowerCase()]].flat().includes('Demonym');

/** Capitalized words that never continue a name. */
const NOT_A_NAME = new Set(
  'the a an in on at and of for to it he she we they this that january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/**
 * compromise stops some names after the first name ("President Donald" TRUMP, "Maj. Gen.
 * Tahsin" Khafaji): take up to two more capitalized words when it found no last name.
 */
function extendName(text: string, end: number): number {
  let at = end;
  for (let n = 0; n < 2; n++) {
    const next = /^[ \u00a0](\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(text.slice(at, at + 40));
    if (!next || NOT_A_NAME.has((next[1] as string).toLowerCase())) break;
    at += next[0].length;
  }
  return at;
}

/** compromise's names in text[chunkStart, chunkEnd), trimmed and split, UTF-16 offsets. */
function nlpMentions(text: string, chunkStart: number, chunkEnd: number): NlpMention[] {
  const chunk = text.slice(chunkStart, chunkEnd);
  const doc = nlp(chunk);
  const found: NlpMention[] = [];
  for (const [method, kind, reason] of NLP_KINDS) {
    const matches = doc[method]().json({ offset: true }) as NlpMatch[];
    for (const { terms } of matches) {
      // Offsets are sums of token lengths: check each term is where they say it is,
      // so a tokenizer quirk drops a name rather than shifting it.
      if (terms.length === 0 || !terms.every((t) => chunk.startsWith(t.text, t.offset.start))) continue;
      const last = terms[terms.length - 1] as NlpTerm;
      const first = terms[0] as NlpTerm;
      const has = (tag: string) => terms.some((t) => t.tags.includes(tag));
      // "Iraqi" alone is a demonym, which compromise sometimes calls a place.
      if (terms.length === 1 && (has('Demonym') || has('Adjective') || isDemonym(first.text))) continue;
      let end = chunkStart + last.offset.start + last.text.length;
      if (kind === 'person' && !has('LastName')) end = extendName(text, end);
      // compromise takes many Arabic names for people ("Ayn al-Asad", "Hashd al-Shaabi"):
      // without a title or a known last name, a hyphenated name is of unknown kind.
      const doubtful = kind === 'person' && !has('Honorific') && !has('LastName') && (!has('FirstName') || has('Hyphenated'));
      // Titles: "Brig. Gen.", "President", "Lt." (an abbreviation, not always an Honorific;
      // "Al" in "Al-Qaim" is one too, but no period follows it).
      const isTitle = (t: NlpTerm) => t.tags.includes('Honorific') || (t.tags.includes('Abbreviation') && chunk.charAt(t.offset.start + t.text.length) === '.');
      const titles = terms.findIndex((t) => !isTitle(t));
      const title = titles > 0 ? (terms[titles - 1] as NlpTerm) : null;
      const titleEnd = title ? chunkStart + title.offset.start + title.text.length : 0;
      for (const [from, to] of splitSpan(text, chunkStart + first.offset.start, end)) {
        const span = trimSpan(text, from, to);
        if (!span) continue;
        const nameStart = titleEnd > span[0] && titleEnd < span[1] ? titleEnd : span[0];
        const group = normalizeName(text.slice(nameStart, span[1]));
        if (!group) continue;
        if (doubtful) found.push({ start: span[0], end: span[1], kind: 'other', group, reason: 'name of unclear kind', source: 'nlp', nameStart });
        else found.push({ start: span[0], end: span[1], kind, group, reason, source: 'nlp', nameStart });
      }
    }
  }
  return found;
}

/**
 * Where compromise reads: paragraphs (blank-line separated) as UTF-16 ranges; a long one
 * split at line breaks, then at sentence ends, so that one huge line does not use up
 * (or exceed) the whole budget.
 */
const SPLITS = [/(?:\r\n|\n|\r)[ \t\u00a0]*(?:\r\n|\n|\r)\s*/g, /\r\n|\n|\r/g, /(?<=[.!?]["”’)\]]?)[ \t\u00a0]+(?=["“\p{Lu}])/gu];
const LONG_PARAGRAPH = 5_000;

function paragraphs(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const add = (start: number, end: number, level: number) => {
    const split = SPLITS[level];
    if (!split || (level > 0 && end - start <= LONG_PARAGRAPH)) {
      if (/\S/.test(text.slice(start, end))) ranges.push([start, end]);
      return;
    }
    let from = start;
    for (const match of text.slice(start, end).matchAll(split)) {
      add(from, start + match.index, level + 1);
      from = start + match.index + match[0].length;
    }
    add(from, end, level + 1);
  };
  add(0, text.length, 0);
  return ranges;
}

// --- string matching of known names -------------------------------------------------

interface KnownName {
  kind: Kind | null;
  group: string;
  entityId?: string;
  reason: string;
  source: 'registry' | 'repeat' | 'context';
  /** Written without lowercase ("US", "ISF"): then the text must be too, or "us" would match. */
  acronym: boolean;
}

/** The words of a text, as parallel arrays: a 1 MB text has 180,000 of them. */
interface Tokens {
  starts: number[];
  ends: number[];
  /** Each word's normalizeName(). */
  keys: string[];
}

/**
 * Finds known names in the text token by token: a name may span tokens joined by a
 * space, hyphen, dash, period or apostrophe ("K-1", "U.S.", "Kata'ib"), never a line
 * break or comma. Longest match from each token wins.
 */
class NameMatcher {
  private readonly names = new Map<string, KnownName>();
  private readonly prefixes = new Set<string>();

  /** First registration of a key wins: register the registry before repeats. */
  add(name: string, known: KnownName): void {
    const key = normalizeName(name);
    if (!key || this.names.has(key)) return;
    this.names.set(key, known);
    for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
  }

  get(name: string): KnownName | undefined {
    return this.names.get(normalizeName(name));
  }

  find(text: string, { starts, ends, keys }: Tokens): Mention[] {
    const found: Mention[] = [];
    if (this.names.size === 0) return found;
    for (let i = 0; i < keys.length; i++) {
      let key = '';
      let best: Mention | null = null;
      const start = starts[i] as number;
      for (let j = i; j < keys.length; j++) {
        const end = ends[j] as number;
        if (j > i && !/^(?:[ \t\u00a0]{1,2}|[ \t\u00a0]?[-‐‑–—.'’][ \t\u00a0]?|\.[-‐‑])$/.test(text.slice(ends[j - 1], starts[j]))) break;
        key += keys[j] as string;
        if (!this.prefixes.has(key)) break;
        const known = this.names.get(key);
        const matched = known ? text.slice(start, end) : '';
        if (known && (known.acronym ? !/\p{Ll}/u.test(matched) : known.source === 'registry' || /[\p{Lu}\p{Lt}\p{N}]/u.test(matched))) {
          const { acronym: _, ...mention } = known;
          // "U.S." keeps its last period, which is no part of a token.
          const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(matched) && text.charAt(end) === '.';
          best = { start, end: end + (dotted ? 1 : 0), ...mention };
        }
      }
      if (best) found.push(best);
    }
    return found;
  }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether the code point at UTF-16 index `i` is part of a word; ASCII without a regex. */
function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/**
 * Words (runs of letters, marks and digits) with their keys. A hand-written scan: on a
 * 1 MB text a regex with Unicode classes and a match object per word costs five times more.
 */
function tokenize(text: string): Tokens {
  const tokens: Tokens = { starts: [], ends: [], keys: [] };
  let i = 0;
  while (i < text.length) {
    if (!isWordAt(text, i)) {
      i += text.codePointAt(i) as number > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < text.length && isWordAt(text, i)) {
      const code = text.codePointAt(i) as number;
      if (code >= 0x80) ascii = false;
      i += code > 0xffff ? 2 : 1;
    }
    const word = text.slice(start, i);
    const key = ascii ? word.toLowerCase() : normalizeName(word);
    if (!key) continue; // marks alone: no part of a name, and must not extend one
    tokens.starts.push(start);
    tokens.ends.push(i);
    tokens.keys.push(key);
  }
  return tokens;
}

// --- putting it together ------------------------------------------------------------

/**
 * The longest of overlapping mentions, then the more trusted source; sorted by start.
 * A registry name loses only to a mention that contains it ("US-led Coalition" over
 * "US"), never to one that merely overlaps it (compromise's "Base ñ aa" after "K-1 Air").
 */
function resolveOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  let cluster: Mention[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const known = cluster.filter((m) => m.source === 'registry');
    const contains = (outer: Mention, inner: Mention) => outer.start <= inner.start && inner.end <= outer.end;
    const candidates = cluster.filter((m) => m.source === 'registry' || !known.some((k) => k.start < m.end && m.start < k.end && !contains(m, k)));
    const chosen: Mention[] = [];
    const ranked = candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.source] - PRIORITY[b.source] || a.start - b.start);
    for (const mention of ranked) if (!chosen.some((other) => other.start < mention.end && mention.start < other.end)) chosen.push(mention);
    kept.push(...chosen.sort((a, b) => a.start - b.start));
    cluster = [];
  };
  for (const mention of sorted) {
    if (mention.start >= clusterEnd && cluster.length > 0) flush();
    cluster.push(mention);
    clusterEnd = Math.max(clusterEnd, mention.end);
  }
  if (cluster.length > 0) flush();
  return kept;
}

/** The kind compromise gave a group most often: "Iraq" is a place even if once a person. */
function majorityKinds(mentions: readonly Mention[]): Map<string, Kind> {
  const counts = new Map<string, Map<Kind, number>>();
  for (const { group, kind } of mentions) {
    if (!kind) continue;
    const forGroup = counts.get(group) ?? new Map<Kind, number>();
    forGroup.set(kind, (forGroup.get(kind) ?? 0) + 1);
    counts.set(group, forGroup);
  }
  const kinds = new Map<string, Kind>();
  for (const [group, forGroup] of counts) {
    let best: [Kind, number] | null = null;
    for (const entry of forGroup) if (!best || entry[1] > best[1]) best = entry;
    if (best) kinds.set(group, best[0]);
  }
  return kinds;
}

/**
 * Entity suggestions for `text`, with `kind` (person, organization, location, or the
 * registry entity's kind) and `entityId` when the mention is a registry name or alias.
 */
export function suggestEntities(text: string, registry: readonly CanonicalEntity[], options: EntityOptions = {}): Suggestion[] {
  const matcher = new NameMatcher();
  for (const entity of registry) {
    const kind = isKind(entity.kind) ? entity.kind : null;
    for (const name of [entity.name, ...entity.aliases]) {
      matcher.add(name, { kind, group: entity.id, entityId: entity.id, reason: `known entity "${entity.name}"`, source: 'registry', acronym: !/\p{Ll}/u.test(name) });
    }
  }

  let budget = options.nlpBudget ?? NLP_BUDGET;
  const found: NlpMention[] = [];
  for (const [start, end] of paragraphs(text)) {
    if (end - start > budget) continue;
    budget -= end - start;
    found.push(...nlpMentions(text, start, end));
  }

  // A surname alone stands for the full name when only one person has it.
  const surnames = new Map<string, { group: string; name: string } | null>();
  for (const mention of found) {
    if (mention.kind !== 'person') continue;
    const words = text.slice(mention.nameStart, mention.end).trim().split(/[\s\u00a0]+/);
    const surname = words[words.length - 1] as string;
    if (words.length < 2 || !/^\p{Lu}/u.test(surname) || surname.length < 3) continue;
    const key = normalizeName(surname);
    const seen = surnames.get(key);
    if (seen === undefined) surnames.set(key, { group: mention.group, name: text.slice(mention.nameStart, mention.end) });
    else if (seen && seen.group !== mention.group) surnames.set(key, null);
  }
  for (const mention of found) {
    const full = mention.kind === 'person' ? surnames.get(mention.group) : undefined;
    if (full) mention.group = full.group;
  }

  // Bases, camps and airfields named by their head noun: facilities, whatever compromise
  // guessed; their names count as facilities wherever else they occur.
  const facilityGroups = new Map<string, string>();
  const facilities: Mention[] = [];
  for (const facility of findFacilities(text)) {
    const airport = /Airport$/.test(text.slice(facility.start, facility.end));
    const group = normalizeName(text.slice(facility.nameStart, airport ? facility.end : facility.nameEnd));
    if (!group) continue;
    facilities.push({ start: facility.start, end: facility.end, kind: 'facility', group, reason: 'named as a base, camp or airfield', source: 'context' });
    const name = text.slice(facility.nameStart, facility.nameEnd);
    if (!airport) facilityGroups.set(normalizeName(name), group);
    if (!airport && !matcher.get(name)) matcher.add(name, { kind: 'facility', group, reason: `name of a base, camp or airfield`, source: 'repeat', acronym: !/\p{Ll}/u.test(name) });
  }
  for (const mention of found) {
    const facility = facilityGroups.get(mention.group);
    if (facility) [mention.kind, mention.group] = ['facility', facility];
  }

  const kinds = majorityKinds(found);
  const mentions: Mention[] = [...facilities];
  for (const mention of found) {
    const known = matcher.get(text.slice(mention.start, mention.end));
    const mentionText = text.slice(mention.start, mention.end);
    if (known?.source === 'registry' && (!known.acronym || !/\p{Ll}/u.test(mentionText))) {
      mentions.push({ ...mention, kind: known.kind ?? mention.kind, entityId: known.entityId, group: known.group, source: 'registry', reason: known.reason });
    } else mentions.push({ ...mention, kind: kinds.get(mention.group) ?? mention.kind });
  }
  // Repeats: every name found above, and unambiguous surnames, wherever they occur.
  for (const mention of mentions) {
    if (mention.source !== 'nlp') continue;
    const name = text.slice(mention.start, mention.end);
    matcher.add(name, { kind: mention.kind, group: mention.group, reason: `repeated ${mention.reason}`, source: 'repeat', acronym: !/\p{Ll}/u.test(name) });
  }
  for (const [key, full] of surnames) {
    if (full) matcher.add(key, { kind: 'person', group: full.group, reason: `surname of "${full.name}"`, source: 'repeat', acronym: false });
  }
  mentions.push(...matcher.find(text, tokenize(text)));

  const index = createOffsetIndex(text);
  const kept = resolveOverlaps(mentions);
  const groupSizes = new Map<string, number>();
  for (const mention of kept) groupSizes.set(mention.group, (groupSizes.get(mention.group) ?? 0) + 1);
  return kept.map((mention) => {
    const attributes: Suggestion['attributes'] = {};
    if (mention.kind) attributes.kind = mention.kind;
    if (mention.entityId) attributes.entityId = mention.entityId;
    return {
      label: 'entity' as const,
      start: index.toCodePoint(mention.start),
      end: index.toCodePoint(mention.end),
      text: text.slice(mention.start, mention.end),
      attributes,
      group: mention.group,
      confidence: entityConfidence({ source: mention.source, kind: mention.kind, text: text.slice(mention.start, mention.end), reason: mention.reason, mentions: groupSizes.get(mention.group) ?? 1 }),
      reason: mention.reason,
    };
  });
}

/**
 * The words a claim is matched by: the text cut into words (Unicode-aware), lower-cased,
 * accents and width folded, stop words dropped, each reduced to its stem. Numbers are
 * left out: matching compares them as quantities (numbers.ts), where "$1.1m" and "$1.1
 * million" are one value, and counting them again as words would weigh them twice.
 */
import { stem } from './stem.js';

export interface Term {
  /** What is compared: the stem of the folded word. */
  stem: string;
  /** The word as written (folded to lower case), shown in the reasons. */
  word: string;
}

/**
 * Function words, and the words of attribution: "said", "told", "according" say how a
 * claim is carried, not what it claims, and two unrelated quotes share them. BM25's IDF
 * would lower them anyway; leaving them out keeps them from the reasons too.
 */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be been before being below between both but by can could did do does doing down during each ' +
    'few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of ' +
    'off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'may might must shall upon via per whether yet ' +
    'said says say saying told tell tells according added adds adding noted notes stated states claimed claims reportedly mr mrs ms'
  ).split(/\s+/),
);

/** Scripts written without spaces between words: only these need the dictionary segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
/**
 * A word: letters, marks and digits, joined by an apostrophe or a period between letters
 * ("today's", "U.S"). Five times faster than Intl.Segmenter, and the same words for
 * every script that puts spaces between them.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*/gu;
/** "K-1", "COVID-19", "F-16": a letter, a hyphen and digits are one name, as "K1" is. */
const CODE = /(\p{L})[-‐‑](\p{N})/gu;

let segmenter: Intl.Segmenter | null = null;

function words(text: string): string[] {
  const joined = text.replace(CODE, '$1$2');
  if (!UNSPACED.test(joined)) return joined.match(WORD) ?? [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const found: string[] = [];
  for (const segment of segmenter.segment(joined)) if (segment.isWordLike) found.push(segment.segment);
  return found;
}

/**
 * Lower case, compatibility forms folded (full-width letters), Latin accents dropped
 * ("Qaïm" = "Qaim"). Only the Latin combining accents go: in Devanagari or Arabic the
 * marks are letters of the word.
 */
export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]+/g, '')
    .toLowerCase()
    .replace(/’/g, "'");
}

/** The terms of `text`, in order (repeats kept: BM25 counts them). */
export function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  // Folded whole, once: normalising word by word costs several times more.
  for (const raw of words(fold(text))) {
    // "today's" is "today"; "U.S" is "us", as "US" is.
    const word = raw.replace(/'s$/, '').replace(/[.']/g, '');
    // Anything that starts with a digit is a number ("300", "1.1m", "60km") or a date ("29th").
    if (word === '' || STOP_WORDS.has(word) || /^\p{N}/u.test(word)) continue;
    terms.push({ stem: stem(word), word });
  }
  return terms;
}

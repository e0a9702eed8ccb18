/**
 * The quantities a claim states, read so that two outlets' ways of writing one number
 * compare equal ("$1.1m", "$1.1 million", "US$1,100,000") and different numbers differ
 * ("300 personnel" against "350 personnel"). Years ("in 2020") are left to the dates.
 */

export type QuantityKind = 'money' | 'percent' | 'count';

export interface Quantity {
  value: number;
  kind: QuantityKind;
  /** As written, for the reasons and the disagreements shown to the analyst. */
  text: string;
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  trillion: 1e12,
};

const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};

// A currency sign or code, digits with separators, an optional scale word, an optional "%".
const NUMBER = new RegExp(
  String.raw`(?<currency>(?:US|A|C|NZ)?\$|€|£|¥|\b(?:USD|EUR|GBP|IQD)\s?)?` +
    String.raw`(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)` +
    String.raw`(?:\s?(?<scale>k|thousand|mn|mln|m|million|millions|bn|b|billion|billions|trillion)\b)?` +
    String.raw`(?<percent>\s?(?:%|per\s?cent|percent)\b|%)?`,
  'gi',
);
const WORDS = new RegExp(String.raw`\b(?<word>${Object.keys(WORD_NUMBERS).join('|')})\b(?<hundreds>\shundred\b)?(?:\s(?<scale>thousand|million|billion)\b)?`, 'gi');

/** The quantities stated in `text`, in order. */
export function quantitiesIn(text: string): Quantity[] {
  const found: (Quantity & { at: number })[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const groups = match.groups ?? {};
    const digits = groups.digits ?? '';
    const raw = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(raw)) continue;
    const scale = groups.scale ? (SCALES[groups.scale.toLowerCase()] ?? 1) : 1;
    const kind: QuantityKind = groups.currency ? 'money' : groups.percent ? 'percent' : 'count';
    // Digits glued to a letter are part of a name: "K-1", "K1", "M777", "COVID-19".
    if (!groups.currency && isNamePart(text, match.index ?? 0)) continue;
    // A bare four-digit number from 1800 to 2199 is a year: the dates speak of it.
    if (kind === 'count' && scale === 1 && /^\d{4}$/.test(digits) && raw >= 1800 && raw < 2200) continue;
    // A day of the month next to a month name ("March 29") is a date too.
    if (kind === 'count' && scale === 1 && isDayOfMonth(text, match.index ?? 0, match[0].length)) continue;
    found.push({ value: round(raw * scale), kind, text: match[0].trim(), at: match.index ?? 0 });
  }
  for (const match of text.matchAll(WORDS)) {
    const groups = match.groups ?? {};
    const base = WORD_NUMBERS[(groups.word ?? '').toLowerCase()];
    if (base === undefined) continue;
    const scale = (groups.hundreds ? 100 : 1) * (groups.scale ? (SCALES[groups.scale.toLowerCase()] ?? 1) : 1);
    found.push({ value: base * scale, kind: 'count', text: match[0], at: match.index ?? 0 });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...quantity }) => quantity);
}

/** Whether the digits at `at` follow a letter, directly or through a hyphen. */
function isNamePart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  return /\p{L}[-‐‑]?$/u.test(before);
}

const MONTH = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;

function isDayOfMonth(text: string, at: number, length: number): boolean {
  const digits = text.slice(at, at + length).trim();
  if (!/^\d{1,2}$/.test(digits) || Number(digits) > 31) return false;
  return MONTH.test(text.slice(Math.max(0, at - 12), at)) || /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(text.slice(at + length, at + length + 12));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** One key per quantity, for comparing sets of them: "money:1100000". */
export function quantityKey(quantity: Quantity): string {
  return `${quantity.kind}:${quantity.value}`;
}

/**
 * Page furniture: the lines a web page adds around an article ("top of page", share and
 * comment links, cookie notices, "READ SOURCE"). Found here as suggestions only: the
 * analyst sees every line before anything is removed, and documents are immutable
 * after import, so this runs only at import.
 */

export interface FurnitureLine {
  /** 0-based line number in the text (lines split at \r\n, \n or \r). */
  line: number;
  text: string;
  reason: string;
}

/** Longer lines are prose: furniture is short. */
const MAX_FURNITURE_LENGTH = 120;

const RULES: { pattern: RegExp; reason: string }[] = [
  { pattern: /^(top|bottom) of (the )?page$/i, reason: 'page navigation' },
  { pattern: /^(skip to (main )?content|back to top|jump to navigation)$/i, reason: 'page navigation' },
  { pattern: /^read (source|more|full (story|article))\b.{0,20}$/i, reason: 'link text' },
  { pattern: /^(share( this( article| story)?)?|tweet|email|print|print friendly, pdf & email)$/i, reason: 'sharing links' },
  { pattern: /^(leave a (reply|comment)|post a comment|comments?\.?|\d+ (views?|comments?)(\s*\d+ comments?)?|\d+ views\d+ comments)$/i, reason: 'comments' },
  { pattern: /^(advertisement|sponsored( content)?|subscribe( now)?|sign up for our newsletter.*|follow us on .*)$/i, reason: 'advertising or subscription' },
  { pattern: /\bcookies?\b.*\b(accept|consent|use|continu)/i, reason: 'cookie notice' },
  { pattern: /^[\s•·|*-]*writer'?s picture.*$/i, reason: 'author widget' },
  { pattern: /^\s*\|?\s*category:\s*\S.*$/i, reason: 'category label' },
  { pattern: /^(related( articles| stories| posts)?|more from .*|you may also like|recommended)$/i, reason: 'related links' },
];

export function findFurniture(text: string): FurnitureLine[] {
  const found: FurnitureLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.length > MAX_FURNITURE_LENGTH) return;
    const rule = RULES.find((candidate) => candidate.pattern.test(trimmed));
    if (rule) found.push({ line: index, text: line, reason: rule.reason });
  });
  return found;
}

/** `text` without the given lines (and their line breaks); the rest exactly as it was. */
export function removeLines(text: string, lines: readonly number[]): string {
  const drop = new Set(lines);
  const parts = text.split(/(\r\n|\n|\r)/); // [line, break, line, break, ..., line]
  let out = '';
  for (let i = 0; i < parts.length; i += 2) {
    if (drop.has(i / 2)) continue;
    out += (parts[i] ?? '') + (parts[i + 1] ?? '');
  }
  return out;
}

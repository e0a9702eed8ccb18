/**
 * Finding a phrase in a document: every occurrence, ignoring case, as UTF-16 ranges of
 * the original text (a regular expression keeps the offsets of the text itself, where
 * lower-casing first could change lengths, as it does for "İ").
 */

export const MAX_MATCHES = 5000;

export function findAll(text: string, query: string, limit = MAX_MATCHES): { start: number; end: number }[] {
  if (query === '') return [];
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const matches: { start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length });
    if (matches.length >= limit) break;
  }
  return matches;
}

/**
 * How the suggestion panel lists suggestions: one row per distinct entity (its group and
 * kind) with all its occurrences, so "US" fourteen times is one row to accept at once;
 * one row per date; claims ranked by check-worthiness, the most worth checking first.
 * Suggestions under the confidence threshold are left out (those without a confidence,
 * such as dates and "tag all occurrences", always stay).
 */
import type { Suggestion } from './suggestion.js';

export interface SuggestionRow {
  key: string;
  label: Suggestion['label'];
  /** The suggestions of the row, in text order. */
  members: Suggestion[];
  /** The highest confidence among them, or null when they carry none. */
  confidence: number | null;
}

const SECTION = { date: 0, entity: 1, claim: 2 } as const;

export const passes = (suggestion: Suggestion, threshold: number) => (suggestion.confidence ?? 1) >= threshold;

export function suggestionRows(suggestions: readonly Suggestion[], threshold = 0): SuggestionRow[] {
  const rows = new Map<string, SuggestionRow>();
  for (const suggestion of [...suggestions].sort((a, b) => a.start - b.start)) {
    if (!passes(suggestion, threshold)) continue;
    const key = suggestion.label === 'entity' && suggestion.group !== undefined ? `entity:${suggestion.group}:${String(suggestion.attributes.kind ?? '')}` : `${suggestion.label}:${suggestion.start}-${suggestion.end}`;
    const row = rows.get(key) ?? { key, label: suggestion.label, members: [], confidence: null };
    row.members.push(suggestion);
    if (suggestion.confidence !== undefined) row.confidence = Math.max(row.confidence ?? 0, suggestion.confidence);
    rows.set(key, row);
  }
  const first = (row: SuggestionRow) => (row.members[0] as Suggestion).start;
  return [...rows.values()].sort((a, b) => SECTION[a.label] - SECTION[b.label] || (a.label === 'claim' ? (b.confidence ?? 0) - (a.confidence ?? 0) : 0) || first(a) - first(b));
}

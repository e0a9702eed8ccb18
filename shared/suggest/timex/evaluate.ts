/**
 * Runs the date suggester over TimeML documents and scores it against their TIMEX3s
 * (TempEval-3 style, score.ts), resolving each document against its creation time as
 * the app resolves against the publication date. Also lists what went wrong, for the
 * developer reading the dev set: missed, spurious, and wrong values.
 */
import { createOffsetIndex } from '../../text/offsets.js';
import type { Suggestion } from '../suggestion.js';
import type { TimemlDocument } from './timeml.js';
import { addCounts, countTimexes, NO_COUNTS, pairTimexes, scoreCounts, type ScoredTimex, type TimexScores } from './score.js';

export type DateSuggester = (text: string, published: string | null) => Suggestion[];

export interface TimexError {
  document: string;
  kind: 'missed' | 'spurious' | 'value' | 'span';
  gold?: { text: string; value: string; type: string };
  system?: { text: string; value: string | null; type: string | null };
  /** The text around the expression. */
  context: string;
}

export interface TimexEvaluation {
  scores: TimexScores;
  errors: TimexError[];
}

/** A suggestion as a scored expression, in UTF-16 offsets of `text`. */
function scored(text: string, suggestions: readonly Suggestion[]): (ScoredTimex & { text: string })[] {
  const index = createOffsetIndex(text);
  return suggestions.map((s) => ({
    start: index.toUtf16(s.start),
    end: index.toUtf16(s.end),
    text: s.text,
    value: typeof s.attributes.value === 'string' ? s.attributes.value : null,
    type: typeof s.attributes.timexType === 'string' ? s.attributes.timexType : null,
  }));
}

export function evaluateTimexes(documents: readonly TimemlDocument[], suggest: DateSuggester): TimexEvaluation {
  let counts = NO_COUNTS;
  const errors: TimexError[] = [];
  for (const document of documents) {
    const published = document.dct ? document.dct.slice(0, 10) : null;
    const system = scored(document.text, suggest(document.text, published));
    const gold = document.timexes.filter((t) => t.text.trim() !== '');
    counts = addCounts(counts, countTimexes(gold, system));
    const around = (start: number, end: number) => `${document.text.slice(Math.max(0, start - 50), start)}[${document.text.slice(start, end)}]${document.text.slice(end, end + 30)}`.replace(/\s+/g, ' ');
    const pairs = pairTimexes(gold, system);
    const paired = new Set(pairs.map((p) => p.system));
    const pairedGold = new Set(pairs.map((p) => p.gold));
    for (const g of gold) if (!pairedGold.has(g)) errors.push({ document: document.id, kind: 'missed', gold: { text: g.text, value: g.value, type: g.type }, context: around(g.start, g.end) });
    for (const s of system) if (!paired.has(s)) errors.push({ document: document.id, kind: 'spurious', system: { text: s.text, value: s.value, type: s.type }, context: around(s.start, s.end) });
    for (const { gold: g, system: s } of pairs) {
      const kind = g.value !== s.value ? 'value' : g.start !== s.start || g.end !== s.end ? 'span' : null;
      if (kind) errors.push({ document: document.id, kind, gold: { text: g.text, value: g.value, type: g.type }, system: { text: s.text, value: s.value, type: s.type }, context: around(g.start, g.end) });
    }
  }
  return { scores: scoreCounts(counts), errors };
}

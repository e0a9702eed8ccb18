/**
 * Says the suggestion in hand through the live region whenever it changes: when the
 * suggestions come, on ] and [, and after an accept or a reject (the next one is then in
 * hand). The article draws suggestions as dashed lines only; this is their words.
 */
import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { Suggestion } from '../../../shared/suggest/suggestion.js';
import { spokenQuote, type Announce } from '../ui/live-region.js';

export function useSuggestionAnnouncements(suggestions: readonly Suggestion[] | null, current: number | null, labels: readonly LabelDef[], announce: Announce): void {
  const said = useRef<Suggestion | null>(null);
  const inHand = suggestions && current !== null ? (suggestions[current] ?? null) : null;
  useEffect(() => {
    if (!suggestions) {
      said.current = null;
      return;
    }
    if (inHand === said.current) return;
    said.current = inHand;
    if (!inHand || current === null) {
      announce('No suggestions left here');
      return;
    }
    const label = labels.find((candidate) => candidate.id === inHand.label)?.name ?? inHand.label;
    announce(`Suggested ${label} ${spokenQuote(inHand.text)}, ${current + 1} of ${suggestions.length}`);
  }, [suggestions, current, inHand, labels, announce]);
}

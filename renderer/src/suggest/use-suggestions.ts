/**
 * The suggestions on the open document: none until asked for; accepting puts spans in
 * the layer (a claim brings its claimant's entity along), rejecting records the
 * rejection in the layer; either way a suggestion leaves the list. Nothing is written
 * until one is accepted or rejected.
 */
import { useCallback, useState } from 'react';
import { compareSpans } from '../../../shared/model/spans.js';
import { suggestionKey, type Suggestion } from '../../../shared/suggest/suggestion.js';
import { suggestionsToSpans } from '../../../shared/suggest/to-spans.js';
import type { DocumentSession } from '../annotate/use-document-session.js';
import type { ApiClient } from '../api/client.js';

/** The span whose occurrences are on offer ("Tag all occurrences"), to look further in the project. */
export interface OccurrenceSource {
  spanId: string;
  text: string;
}

const freshId = (taken: ReadonlySet<string>) => {
  let id: string;
  do id = `s_${crypto.randomUUID().slice(0, 8)}`;
  while (taken.has(id));
  return id;
};

export function useSuggestions(api: ApiClient, opened: DocumentSession | null, flush: () => Promise<void>) {
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const [occurrencesOf, setOccurrencesOf] = useState<OccurrenceSource | null>(null);

  /** Asks the service (off the UI thread): everything, or the occurrences of one span. */
  const ask = useCallback(
    async (spanId?: string) => {
      if (!opened) return;
      await flush();
      const found = await api.call('suggest', { documentId: opened.view.document.id, annotator: opened.annotator, ...(spanId ? { occurrencesOf: spanId } : {}) });
      const source = spanId ? opened.layer.spans.find((span) => span.id === spanId) : undefined;
      setOccurrencesOf(source ? { spanId: source.id, text: source.quote.exact } : null);
      setSuggestions(found);
      setCurrent(found.length ? 0 : null);
    },
    [api, opened, flush],
  );

  const settle = useCallback(
    (chosen: readonly Suggestion[], accepted: boolean) => {
      if (!suggestions || chosen.length === 0 || !opened || opened.readOnly) return;
      const settled = new Set(chosen.map(suggestionKey));
      opened.apply((layer) => {
        if (!accepted) return { ...layer, rejectedSuggestions: [...(layer.rejectedSuggestions ?? []), ...chosen.map(({ label, start, end }) => ({ label, start, end }))] };
        const made = suggestionsToSpans(opened.index, chosen, layer.spans, freshId, new Date(), suggestions);
        for (const span of made) settled.add(suggestionKey(span));
        return { ...layer, spans: [...layer.spans, ...made].sort(compareSpans) };
      });
      const rest = suggestions.filter((suggestion) => !settled.has(suggestionKey(suggestion)));
      setSuggestions(rest);
      setCurrent((at) => (rest.length ? Math.min(at ?? 0, rest.length - 1) : null));
    },
    [suggestions, opened],
  );

  const close = useCallback(() => {
    setSuggestions(null);
    setCurrent(null);
    setOccurrencesOf(null);
  }, []);

  /** ] and [ move through the list, wrapping around. */
  const move = useCallback((direction: 1 | -1) => setCurrent((at) => (suggestions?.length ? ((at ?? -direction) + direction + suggestions.length) % suggestions.length : null)), [suggestions]);

  return {
    suggestions,
    current,
    occurrencesOf,
    setCurrent,
    ask,
    move,
    close,
    accept: (i: number) => settle(suggestions?.[i] ? [suggestions[i]] : [], true),
    reject: (i: number) => settle(suggestions?.[i] ? [suggestions[i]] : [], false),
    acceptLabel: (label: string) => settle((suggestions ?? []).filter((suggestion) => suggestion.label === label), true),
  };
}

/**
 * The suggestions on the open document: none until asked for; accepting puts spans in
 * the layer (a claim brings its claimant's entity along), rejecting records the
 * rejection in the layer; either way a suggestion leaves the list. Nothing is written
 * until one is accepted or rejected.
 *
 * The list shows rows (shared/suggest/rows.ts): one per distinct name with all its
 * occurrences, accepted one at a time or all at once; those under the confidence
 * threshold are hidden. `suggestions` is what is shown, in row order, and `current` the
 * one in hand; ] and [ move from row to row.
 */
import { useCallback, useMemo, useState } from 'react';
import { compareSpans } from '../../../shared/model/spans.js';
import { suggestionRows } from '../../../shared/suggest/rows.js';
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

/** Where the threshold starts: hides the guesses that are wrong more often than right. */
export const DEFAULT_THRESHOLD = 0.5;

export function useSuggestions(api: ApiClient, opened: DocumentSession | null, flush: () => Promise<void>) {
  /** Everything on offer, shown or not. */
  const [all, setAll] = useState<Suggestion[] | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const rows = useMemo(() => (all ? suggestionRows(all, threshold) : null), [all, threshold]);
  const suggestions = useMemo(() => rows?.flatMap((row) => row.members) ?? null, [rows]);
  /** Index in `suggestions` where each row starts. */
  const rowStarts = useMemo(() => {
    let at = 0;
    return (rows ?? []).map((row) => {
      const start = at;
      at += row.members.length;
      return start;
    });
  }, [rows]);
  const [occurrencesOf, setOccurrencesOf] = useState<OccurrenceSource | null>(null);

  /** Asks the service (off the UI thread): everything, or the occurrences of one span. */
  const ask = useCallback(
    async (spanId?: string) => {
      if (!opened) return;
      await flush();
      const found = await api.call('suggest', { documentId: opened.view.document.id, annotator: opened.annotator, ...(spanId ? { occurrencesOf: spanId } : {}) });
      const source = spanId ? opened.layer.spans.find((span) => span.id === spanId) : undefined;
      setOccurrencesOf(source ? { spanId: source.id, text: source.quote.exact } : null);
      setAll(found);
      setCurrent(found.length ? 0 : null);
    },
    [api, opened, flush],
  );

  const settle = useCallback(
    (chosen: readonly Suggestion[], accepted: boolean) => {
      if (!all || chosen.length === 0 || !opened || opened.readOnly) return;
      const settled = new Set(chosen.map(suggestionKey));
      opened.apply((layer) => {
        if (!accepted) return { ...layer, rejectedSuggestions: [...(layer.rejectedSuggestions ?? []), ...chosen.map(({ label, start, end }) => ({ label, start, end }))] };
        const made = suggestionsToSpans(opened.index, chosen, layer.spans, freshId, new Date(), all);
        for (const span of made) settled.add(suggestionKey(span));
        return { ...layer, spans: [...layer.spans, ...made].sort(compareSpans) };
      });
      const rest = all.filter((suggestion) => !settled.has(suggestionKey(suggestion)));
      const shown = (suggestions ?? []).filter((suggestion) => !settled.has(suggestionKey(suggestion))).length;
      setAll(rest);
      setCurrent((at) => (shown ? Math.min(at ?? 0, shown - 1) : null));
    },
    [all, suggestions, opened],
  );
  /** The row holding suggestion `i`. */
  const rowOf = useCallback((i: number) => rows?.[rowStarts.findLastIndex((start) => start <= i)] ?? null, [rows, rowStarts]);

  const close = useCallback(() => {
    setAll(null);
    setCurrent(null);
    setOccurrencesOf(null);
  }, []);

  /** ] and [ move from row to row (to its first occurrence), wrapping around. */
  const move = useCallback(
    (direction: 1 | -1) =>
      setCurrent((at) => {
        if (!rowStarts.length) return null;
        const row = at === null ? (direction === 1 ? -1 : 0) : rowStarts.findLastIndex((start) => start <= at);
        return rowStarts[(row + direction + rowStarts.length) % rowStarts.length] ?? null;
      }),
    [rowStarts],
  );

  return {
    suggestions,
    rows,
    /** How many are on offer but under the threshold. */
    hidden: (all?.length ?? 0) - (suggestions?.length ?? 0),
    threshold,
    setThreshold: (value: number) => {
      setThreshold(value);
      setCurrent(0);
    },
    current,
    occurrencesOf,
    setCurrent,
    ask,
    move,
    close,
    accept: (i: number) => settle(suggestions?.[i] ? [suggestions[i]] : [], true),
    /** x: the row of suggestion `i`, all its occurrences (turning "US" down once is enough). */
    reject: (i: number) => settle(rowOf(i)?.members ?? [], false),
    /** Every occurrence in the row of suggestion `i`. */
    acceptRow: (i: number) => settle(rowOf(i)?.members ?? [], true),
    rejectRow: (i: number) => settle(rowOf(i)?.members ?? [], false),
    acceptLabel: (label: string) => settle((suggestions ?? []).filter((suggestion) => suggestion.label === label), true),
  };
}

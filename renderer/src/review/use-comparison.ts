/**
 * The two layers under review, read-only, and their comparison. Read again when
 * `revision` changes (a colleague's file arrived on disk).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import { compareLayers, type Comparison } from '../../../shared/review/compare.js';
import type { ReviewSetup } from '../annotate/review-setup.js';
import type { ApiClient } from '../api/client.js';


export interface LoadedComparison {
  comparison: Comparison;
  spanIds: { a: ReadonlySet<string>; b: ReadonlySet<string> };
}

export function useComparison(api: ApiClient, documentId: string | null, setup: ReviewSetup | null, revision: number): { loaded: LoadedComparison | null; error: string | null } {
  const [layers, setLayers] = useState<{ a: Span[]; b: Span[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!documentId || !setup) {
      setLayers(null);
      return undefined;
    }
    let cancelled = false;
    Promise.all([api.call('getDocument', { documentId, annotator: setup.a }), api.call('getDocument', { documentId, annotator: setup.b })]).then(
      ([a, b]) => {
        if (cancelled) return;
        setError(null);
        setLayers({ a: a.layer.spans, b: b.layer.spans });
      },
      (caught: unknown) => {
        if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, documentId, setup, revision]);
  const loaded = useMemo(
    () => (layers ? { comparison: compareLayers(layers.a, layers.b), spanIds: { a: new Set(layers.a.map((span) => span.id)), b: new Set(layers.b.map((span) => span.id)) } } : null),
    [layers],
  );
  return { loaded, error };
}

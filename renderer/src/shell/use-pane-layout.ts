/**
 * Which of the workspace's side panes fit beside the article, and which collapsed pane is
 * open. A narrow window (or a zoomed one: 200% of 1280 CSS pixels is 640) would squeeze
 * the article between the documents and the spans; instead, below MEDIUM the documents
 * fold away behind a button, and below NARROW the spans (or the review, the suggestions)
 * do too. An open folded pane takes the article's place until it is closed again or a
 * document is picked from it. The same widths are in styles.css's @media rules, which do
 * the drawing; this hook only tells the buttons and the article what is shown.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MEDIUM, NARROW } from './pane-widths.js';

export type PaneLayout = 'wide' | 'medium' | 'narrow';
export type FoldedPane = 'documents' | 'side';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setMatches(list.matches);
    changed();
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, [query]);
  return matches;
}

export function usePaneLayout() {
  const medium = useMediaQuery(MEDIUM);
  const narrow = useMediaQuery(NARROW);
  const layout: PaneLayout = narrow ? 'narrow' : medium ? 'medium' : 'wide';
  const [wanted, setWanted] = useState<FoldedPane | null>(null);
  // A pane that fits beside the article is never "open over it".
  const open: FoldedPane | null = wanted === 'documents' && layout !== 'wide' ? 'documents' : wanted === 'side' && layout === 'narrow' ? 'side' : null;
  const toggle = useCallback((pane: FoldedPane) => setWanted((current) => (current === pane ? null : pane)), []);
  const close = useCallback(() => setWanted(null), []);
  return useMemo(() => ({ layout, open, toggle, close }), [layout, open, toggle, close]);
}

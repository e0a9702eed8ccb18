/**
 * The buttons that open and close the side panes folded away on a narrow or zoomed window
 * (use-pane-layout.ts). Each says which pane it shows and whether it is open, in words
 * (its name and "Show"/"Hide") as well as by aria-expanded.
 */
import type { FoldedPane, PaneLayout } from './use-pane-layout.js';

interface Props {
  layout: PaneLayout;
  open: FoldedPane | null;
  /** The side pane's name now: "Spans (8)", "Review", "Suggestions". */
  sideName: string;
  documentCount: number;
  onToggle: (pane: FoldedPane) => void;
}

export function PaneBar({ layout, open, sideName, documentCount, onToggle }: Props) {
  if (layout === 'wide') return null;
  const button = (pane: FoldedPane, name: string, controls: string) => (
    <button type="button" aria-expanded={open === pane} aria-controls={controls} onClick={() => onToggle(pane)}>
      {open === pane ? `Hide ${name}` : `Show ${name}`}
    </button>
  );
  return (
    <div className="pane-bar" role="group" aria-label="Panes">
      {button('documents', `documents (${documentCount})`, 'documents-pane')}
      {layout === 'narrow' && button('side', sideName.replace(/^./, (first) => first.toLowerCase()), 'side-pane')}
      {open && <span className="muted small">The article is behind this pane.</span>}
    </div>
  );
}

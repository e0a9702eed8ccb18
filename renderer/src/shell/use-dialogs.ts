/**
 * The dialogs over the window, as one stack: opening one puts it on top, Escape or its
 * Close takes the top one away (and runs what closing it means: a furniture question
 * left unanswered cancels the import), and the keys belong to the one on top.
 */
import { useCallback, useMemo, useRef, useState } from 'react';

export type DialogKind =
  | 'help'
  | 'annotator'
  | 'export'
  | 'import-annotations'
  | 'details'
  | 'paste'
  | 'projects'
  | 'labels'
  | 'compare'
  | 'agreement'
  | 'occurrences'
  | 'furniture'
  | 'import-report';

export interface Dialogs {
  top: DialogKind | null;
  isOpen: (kind: DialogKind) => boolean;
  /** Puts a dialog on top; `onClose` runs when it is taken away, however that happens. */
  open: (kind: DialogKind, onClose?: () => void) => void;
  /** Takes the top dialog away. */
  close: () => void;
  /** Takes one dialog away, wherever it is in the stack. */
  closeKind: (kind: DialogKind) => void;
}

export function useDialogs(): Dialogs {
  const [stack, setStack] = useState<DialogKind[]>([]);
  const onClose = useRef(new Map<DialogKind, () => void>());
  const closeKind = useCallback((kind: DialogKind) => {
    setStack((current) => (current.includes(kind) ? current.filter((open) => open !== kind) : current));
    const then = onClose.current.get(kind);
    onClose.current.delete(kind);
    then?.();
  }, []);
  const open = useCallback((kind: DialogKind, then?: () => void) => {
    if (then) onClose.current.set(kind, then);
    setStack((current) => [...current.filter((open) => open !== kind), kind]);
  }, []);
  const top = stack.at(-1) ?? null;
  const close = useCallback(() => {
    if (top) closeKind(top);
  }, [top, closeKind]);
  return useMemo(() => ({ top, isOpen: (kind: DialogKind) => stack.includes(kind), open, close, closeKind }), [top, stack, open, close, closeKind]);
}

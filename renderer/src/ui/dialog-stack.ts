/**
 * The dialogs over the window, as one stack: opening one puts it on top, Escape or its
 * Close takes the top one away (and runs what closing it means: a furniture question
 * left unanswered cancels the import), and the keys belong to the one on top. Dialogs
 * are named by kind (the app's kinds: commands/types.ts, DialogKind).
 */
import { useCallback, useMemo, useRef, useState } from 'react';

export interface DialogStack<K extends string> {
  top: K | null;
  isOpen: (kind: K) => boolean;
  /** Puts a dialog on top; `onClose` runs when it is taken away, however that happens. */
  open: (kind: K, onClose?: () => void) => void;
  /** Takes the top dialog away. */
  close: () => void;
  /** Takes one dialog away, wherever it is in the stack. */
  closeKind: (kind: K) => void;
}

export function useDialogStack<K extends string>(): DialogStack<K> {
  const [stack, setStack] = useState<K[]>([]);
  const onClose = useRef(new Map<K, () => void>());
  const closeKind = useCallback((kind: K) => {
    setStack((current) => (current.includes(kind) ? current.filter((open) => open !== kind) : current));
    const then = onClose.current.get(kind);
    onClose.current.delete(kind);
    then?.();
  }, []);
  const open = useCallback((kind: K, then?: () => void) => {
    if (then) onClose.current.set(kind, then);
    setStack((current) => [...current.filter((open) => open !== kind), kind]);
  }, []);
  const top = stack.at(-1) ?? null;
  const close = useCallback(() => {
    if (top) closeKind(top);
  }, [top, closeKind]);
  return useMemo(() => ({ top, isOpen: (kind: K) => stack.includes(kind), open, close, closeKind }), [top, stack, open, close, closeKind]);
}

/**
 * The dialogs over the window, as one stack: opening one puts it on top, Escape or its
 * Close takes the top one away (and runs what closing it means: a furniture question
 * left unanswered cancels the import), and the keys belong to the one on top. A dialog
 * opened as required (the first start's question, which the app cannot go on without)
 * is not dismissed by Escape; its own buttons still close it. Dialogs are named by kind
 * (the app's kinds: commands/types.ts, DialogKind).
 */
import { useCallback, useMemo, useRef, useState } from 'react';

export interface DialogStack<K extends string> {
  top: K | null;
  isOpen: (kind: K) => boolean;
  /** Puts a dialog on top; `onClose` runs when it is taken away, however that happens. */
  open: (kind: K, onClose?: () => void, options?: { required?: boolean }) => void;
  /** Takes the top dialog away. */
  close: () => void;
  /** Takes the top dialog away unless it is required (Escape). */
  dismiss: () => void;
  /** Takes one dialog away, wherever it is in the stack. */
  closeKind: (kind: K) => void;
}

export function useDialogStack<K extends string>(): DialogStack<K> {
  const [stack, setStack] = useState<K[]>([]);
  const onClose = useRef(new Map<K, () => void>());
  const required = useRef(new Set<K>());
  const closeKind = useCallback((kind: K) => {
    setStack((current) => (current.includes(kind) ? current.filter((open) => open !== kind) : current));
    required.current.delete(kind);
    const then = onClose.current.get(kind);
    onClose.current.delete(kind);
    then?.();
  }, []);
  const open = useCallback((kind: K, then?: () => void, options: { required?: boolean } = {}) => {
    if (then) onClose.current.set(kind, then);
    if (options.required) required.current.add(kind);
    else required.current.delete(kind);
    setStack((current) => [...current.filter((open) => open !== kind), kind]);
  }, []);
  const top = stack.at(-1) ?? null;
  const close = useCallback(() => {
    if (top) closeKind(top);
  }, [top, closeKind]);
  const dismiss = useCallback(() => {
    if (top && !required.current.has(top)) closeKind(top);
  }, [top, closeKind]);
  return useMemo(() => ({ top, isOpen: (kind: K) => stack.includes(kind), open, close, dismiss, closeKind }), [top, stack, open, close, dismiss, closeKind]);
}

/**
 * The keyboard: one handler for the whole window. What a key does depends on what is
 * open: a dialog takes the keys (Escape closes it), a text field keeps its typing, a
 * list of suggestions takes Enter, x and the brackets; everything else is looked up in
 * the shortcut table (shortcuts.ts) and handed to the app's action for that command.
 */
import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../../shared/model/labels.js';
import { commandFor, type Command } from './shortcuts.js';

/** What each command does, as the app wires it; `event` says e.g. whether Alt was held. */
export type CommandActions = { [K in Command['kind']]: (command: Extract<Command, { kind: K }>, event: KeyboardEvent) => void };

export interface SuggestionKeys {
  current: number | null;
  move(by: 1 | -1): void;
  accept(index: number): void;
  reject(index: number): void;
}

export interface KeyboardSetup {
  /** The open dialog, if any. 'annotator' cannot be closed: the app needs a name. */
  dialog: string | null;
  closeDialog(): void;
  openFind(): void;
  labels: readonly LabelDef[];
  reviewing: boolean;
  /** Set while suggestions are listed. */
  suggestions: SuggestionKeys | null;
  actions: CommandActions;
}

export function useKeyboard(setup: KeyboardSetup): void {
  // The listener is added once and reads the latest setup, so a render never leaves a
  // key handled with yesterday's state, nor re-adds the listener.
  const latest = useRef(setup);
  latest.current = setup;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleKey(event, latest.current);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function handleKey(event: KeyboardEvent, setup: KeyboardSetup): void {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
  if (setup.dialog) {
    if (event.key === 'Escape' && setup.dialog !== 'annotator') setup.closeDialog();
    // `?` closes the help it opened; every other key belongs to the dialog.
    if (!(setup.dialog === 'help' && event.key === '?')) return;
  }
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    setup.openFind();
    return;
  }
  if (typing && event.key !== 'Escape') return;
  if (event.shiftKey && event.key.startsWith('Arrow') && extendSelection(event)) {
    event.preventDefault();
    return;
  }
  const suggestions = setup.suggestions;
  if (suggestions && !event.ctrlKey && !event.metaKey && !event.altKey) {
    if (event.key === ']' || event.key === '[') {
      event.preventDefault();
      suggestions.move(event.key === ']' ? 1 : -1);
      return;
    }
    if ((event.key === 'Enter' || event.key.toLowerCase() === 'x') && suggestions.current !== null) {
      event.preventDefault();
      if (event.key === 'Enter') suggestions.accept(suggestions.current);
      else suggestions.reject(suggestions.current);
      return;
    }
  }
  const command = commandFor(event, setup.labels, setup.reviewing);
  if (!command) return;
  event.preventDefault();
  (setup.actions[command.kind] as (command: Command, event: KeyboardEvent) => void)(command, event);
}

/**
 * Shift+arrows extend the selection inside the article, which is read-only: browsers
 * only do that for editable text, so it is done here with Selection.modify.
 */
function extendSelection(event: KeyboardEvent): boolean {
  const selection = window.getSelection();
  const anchor = selection?.anchorNode;
  const inArticle = anchor && (anchor instanceof Element ? anchor : anchor.parentElement)?.closest('[data-testid="document-text"]');
  if (!selection || !inArticle) return false;
  const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
  const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
  const rtl = getComputedStyle(inArticle).direction === 'rtl';
  const direction = vertical ? (forward ? 'forward' : 'backward') : forward !== rtl ? 'right' : 'left';
  selection.modify('extend', direction, vertical ? 'line' : event.ctrlKey || event.altKey ? 'word' : 'character');
  return true;
}

/**
 * The keyboard and the desktop menu, both read from the command table: one handler for
 * the whole window. A dialog takes the keys (Escape closes it); a text field keeps its
 * typing (but for Find and Escape); the suggestions, then the review, take their keys
 * before the ones that always apply.
 */
import { useEffect, useRef } from 'react';
import type { CommandScope, MenuMessage } from '../../../shared/commands.js';
import { matchesKey } from './keys.js';
import { commandById } from './register.js';
import type { Command, CommandContext } from './types.js';

const SCOPE_ORDER: readonly CommandScope[] = ['board', 'suggesting', 'reviewing', 'always'];

/** The command a key press asks for now, or null. */
export function commandForKey(table: readonly Command[], context: CommandContext, event: KeyboardEvent): Command | null {
  const active = (scope: CommandScope) => scope === 'always' || (scope === 'reviewing' && context.review !== null) || (scope === 'suggesting' && context.suggestions !== null) || (scope === 'board' && context.board !== null);
  for (const scope of SCOPE_ORDER) {
    if (!active(scope)) continue;
    const found = table.find((command) => command.scope === scope && command.keys.some((key) => matchesKey(key, event)) && command.enabled(context));
    if (found) return found;
  }
  return null;
}

export function useCommands(table: readonly Command[], context: CommandContext, onMenu: (listener: (message: MenuMessage) => void) => () => void, onProjectChanged: () => void): void {
  // Added once; every key and menu item reads the latest table and context.
  const latest = useRef({ table, context, onProjectChanged });
  latest.current = { table, context, onProjectChanged };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleKey(event, latest.current.table, latest.current.context);
    window.addEventListener('keydown', onKey);
    const stopMenu = onMenu((message) => {
      if (message === 'project-changed') return latest.current.onProjectChanged();
      const command = commandById(latest.current.table, message);
      if (command?.enabled(latest.current.context)) command.run(latest.current.context);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, [onMenu]);
}

function handleKey(event: KeyboardEvent, table: readonly Command[], context: CommandContext): void {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
  if (context.dialog) {
    // The first-start question cannot be dismissed: the app needs a name.
    if (event.key === 'Escape' && context.dialog !== 'annotator') context.closeDialog();
    // `?` closes the help it opened; every other key belongs to the dialog.
    if (!(context.dialog === 'help' && event.key === '?')) return;
  }
  if (event.shiftKey && event.key.startsWith('Arrow') && !typing && extendSelection(event)) {
    event.preventDefault();
    return;
  }
  // Enter and Space on a button or a link press it, as everywhere: no command takes them.
  if ((event.key === 'Enter' || event.key === ' ') && target?.closest('button, a[href], summary')) return;
  const command = commandForKey(table, context, event);
  if (!command) return;
  if (typing && command.id !== 'find' && command.id !== 'clear') return;
  event.preventDefault();
  command.run(context, event);
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

/**
 * Every keyboard shortcut, in one table: the key handler reads it, and the help overlay
 * (`?`) shows it, so the two can never disagree.
 */
import type { LabelDef } from '../../../shared/model/labels.js';

export type Command =
  | { kind: 'label'; labelId: string }
  | { kind: 'delete' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'clear' }
  | { kind: 'help' }
  | { kind: 'next-span' }
  | { kind: 'previous-span' }
  // Reviewing two layers (the compare view):
  | { kind: 'next-disagreement' }
  | { kind: 'previous-disagreement' }
  | { kind: 'accept'; side: 'a' | 'b' }
  | { kind: 'reject' };

export interface ShortcutHelp {
  keys: string;
  does: string;
  /** When the keys apply: always, while reviewing two layers, or while suggestions are listed. */
  when: 'always' | 'reviewing' | 'suggesting';
}

/** Letter keys for labels: the first letter of the label name when it is free (C/E/D). */
export function labelLetters(labels: readonly LabelDef[]): Map<string, string> {
  const taken = new Set(labels.map((label) => label.key));
  const letters = new Map<string, string>();
  for (const label of labels) {
    const letter = label.name.trim().charAt(0).toLowerCase();
    if (/^[a-z]$/.test(letter) && !taken.has(letter) && !['j', 'k'].includes(letter)) {
      letters.set(letter, label.id);
      taken.add(letter);
    }
  }
  return letters;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The physical key ("Digit1"), for layouts where Alt changes `key`. */
  code?: string;
}

/** The review keys: brackets step, Shift+A / Shift+B / Shift+X decide (so label letters stay free). */
function reviewCommand(event: KeyLike): Command | null {
  if (event.key === ']') return { kind: 'next-disagreement' };
  if (event.key === '[') return { kind: 'previous-disagreement' };
  if (!event.shiftKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'a' || key === 'b') return { kind: 'accept', side: key };
  if (key === 'x') return { kind: 'reject' };
  return null;
}

/** The command a key press means, or null for keys Factmark leaves alone. */
export function commandFor(event: KeyLike, labels: readonly LabelDef[], reviewing = false): Command | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const review = reviewing && !mod ? reviewCommand(event) : null;
  if (review) return review;
  if (mod && key === 'z') return event.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
  if (mod && key === 'y') return { kind: 'redo' };
  if (mod) return null;
  if (event.key === 'Escape') return { kind: 'clear' };
  if (event.key === 'Delete' || event.key === 'Backspace') return { kind: 'delete' };
  if (event.key === '?') return { kind: 'help' };
  if (key === 'j') return { kind: 'next-span' };
  if (key === 'k') return { kind: 'previous-span' };
  // With Alt held, some layouts report another character: use the physical key too.
  const physical = /^(?:Digit|Key)([0-9A-Z])$/.exec(event.code ?? '')?.[1]?.toLowerCase();
  const byKey = labels.find((label) => label.key === key || (event.altKey && label.key === physical));
  if (byKey) return { kind: 'label', labelId: byKey.id };
  const byLetter = labelLetters(labels).get(key);
  return byLetter ? { kind: 'label', labelId: byLetter } : null;
}

/** Every key the window answers to, for the `?` overlay: the ones above, and the suggestion keys of use-keyboard.ts. */
export function shortcutHelp(labels: readonly LabelDef[]): ShortcutHelp[] {
  const letters = new Map([...labelLetters(labels)].map(([letter, id]) => [id, letter.toUpperCase()]));
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const always = (keys: string, does: string): ShortcutHelp => ({ keys, does, when: 'always' });
  return [
    always('Drag, or Shift+arrows', 'Select text (snaps to whole words)'),
    always('Alt while selecting or tagging', 'Keep the exact characters, no snapping'),
    ...labels.map((label) => always([label.key, letters.get(label.id)].filter(Boolean).join(' or '), `Tag the selection as ${label.name}, or make the selected span one`)),
    always('Click a highlight', 'Select its span; click again to cycle through overlapping spans'),
    always('J / K', 'Select the next / previous span'),
    always('Delete or Backspace', 'Remove the selected span'),
    always(`${mod}+Z`, 'Undo (the status bar says what was undone)'),
    always(`Shift+${mod}+Z or ${mod}+Y`, 'Redo'),
    always(`${mod}+F`, 'Find in the article; Enter / Shift+Enter step through matches, Esc returns with the match selected, ready to tag'),
    always(`${mod}+A, then ${mod}+C`, 'Select and copy the whole article'),
    always('Esc', 'Clear the selection, or close a dialog'),
    always('?', 'Show or hide this list'),
    { keys: '] / [', does: 'Go to the next / previous disagreement', when: 'reviewing' },
    { keys: 'Shift+A / Shift+B', does: "Accept A's / B's version into the reviewed layer", when: 'reviewing' },
    { keys: 'Shift+X', does: 'Reject both versions', when: 'reviewing' },
    { keys: '] / [', does: 'Go to the next / previous suggestion', when: 'suggesting' },
    { keys: 'Enter', does: 'Accept the suggestion in hand', when: 'suggesting' },
    { keys: 'X', does: 'Turn the suggestion in hand down (it is not offered again)', when: 'suggesting' },
  ];
}

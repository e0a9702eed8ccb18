/**
 * Keys as the command table writes them ("Mod+Z", "Shift+A", "]", "Delete"): whether a
 * key press is one, and how to show one to a person.
 */

/** The parts of a KeyboardEvent a match needs (a plain object in tests). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The physical key ("Digit1"), for layouts where Alt changes `key`. */
  code?: string;
}

export function matchesKey(spec: string, event: KeyLike): boolean {
  const parts = spec.split('+');
  const key = parts.pop() ?? '';
  const modifiers = new Set(parts);
  if (modifiers.has('Mod') !== (event.ctrlKey || event.metaKey)) return false;
  // Shift must be as written for letters and named keys; a symbol may need it to be typed ("?").
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (!symbol && modifiers.has('Shift') !== event.shiftKey) return false;
  if (key.length === 1) {
    if (event.key.toLowerCase() === key.toLowerCase()) return true;
    // With Alt held (tag the exact characters), some layouts report another character.
    const physical = /^(?:Digit|Key)([0-9A-Z])$/.exec(event.code ?? '')?.[1];
    return event.altKey && physical !== undefined && physical.toLowerCase() === key.toLowerCase();
  }
  return event.key === key;
}

/** "Ctrl+Z" or "⌘Z", "Shift+A", "Esc": a key as the overlay and tooltips show it. */
export function keyLabel(spec: string, mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)): string {
  return spec
    .split('+')
    .map((part) => (part === 'Mod' ? (mac ? '⌘' : 'Ctrl') : part === 'Escape' ? 'Esc' : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

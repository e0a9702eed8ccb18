import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, electronAccelerator } from '../../../shared/commands.js';
import { DEFAULT_LABELS } from '../../../shared/model/default-labels.js';
import { keyLabel, matchesKey, type KeyLike } from '../../../renderer/src/commands/keys.js';
import { FIXED_COMMANDS, commandTable } from '../../../renderer/src/commands/register.js';
import type { CommandContext } from '../../../renderer/src/commands/types.js';
import { commandForKey } from '../../../renderer/src/commands/use-commands.js';

const key = (key: string, modifiers: Partial<KeyLike> = {}): KeyboardEvent => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }) as KeyboardEvent;

/** A window with a document open and the given modes on; every action records its name. */
function context(modes: { reviewing?: boolean; suggesting?: boolean; canRedo?: boolean; board?: boolean } = {}): { context: CommandContext; ran: string[] } {
  const ran: string[] = [];
  const note = (name: string) => () => void ran.push(name);
  const document = { readOnly: false, canUndo: true, canRedo: modes.canRedo ?? false } as unknown as CommandContext['document'];
  return {
    ran,
    context: {
      labels: DEFAULT_LABELS,
      hasProject: true,
      document: modes.board ? null : document,
      selectedSpan: null,
      dialog: null,
      openDialog: (kind) => ran.push(`open ${kind}`),
      closeDialog: note('close'),
      tagging: { tag: () => (ran.push('tag'), true), relabel: note('relabel'), remove: note('remove'), step: (direction) => ran.push(`step ${direction}`), clear: note('clear'), history: (direction) => ran.push(direction), find: note('find') },
      review: modes.reviewing ? { step: (direction) => ran.push(`disagreement ${direction}`), decide: (choice) => ran.push(`decide ${choice}`) } : null,
      suggestions: modes.suggesting ? { current: 0, move: (direction) => ran.push(`suggestion ${direction}`), accept: note('accept'), reject: note('reject') } : null,
      suggest: note('suggest'),
      sync: note('sync'),
      syncing: false,
      chooseFiles: note('choose files'),
      editMetadata: (ids) => ran.push(`metadata ${ids === null ? 'all' : ids.join(',')}`),
      // As the window gives it: with the board up, no document for the article's keys.
      ...(modes.board ? { board: { step: (direction) => ran.push(`claim ${direction}`), openFirstMention: note('open mention'), focusFilter: note('filter'), close: note('close board') } } : { board: null }),
      toggleBoard: note('board'),
      theme: 'light',
      toggleTheme: note('theme'),
    },
  };
}

describe('the command table', () => {
  it('gives every command of the shared table an action, and nothing else', () => {
    expect(FIXED_COMMANDS.map((command) => command.id).sort()).toEqual([...COMMAND_IDS].sort());
    for (const command of FIXED_COMMANDS) expect(command.label).toBe(COMMANDS[command.id as keyof typeof COMMANDS].label);
  });

  it('tags with each label\'s key and its free first letter, never a key another command has', () => {
    const tags = commandTable(DEFAULT_LABELS).filter((command) => command.id.startsWith('tag:'));
    expect(tags.map((command) => [command.id, command.keys])).toEqual([
      ['tag:claim', ['1', 'c']],
      ['tag:entity', ['2', 'e']],
      ['tag:date', ['3', 'd']],
    ]);
    const letters = commandTable([{ ...DEFAULT_LABELS[0]!, id: 'x-ray', name: 'X-ray', key: '4' }, { ...DEFAULT_LABELS[1]!, id: 'justice', name: 'Justice', key: '5' }]);
    expect(letters.filter((command) => command.id.startsWith('tag:')).map((command) => command.keys)).toEqual([['4'], ['5']]);
  });

  it('hears a key in the mode the window is in: suggestions first, then the review, then the rest', () => {
    const table = commandTable(DEFAULT_LABELS);
    expect(commandForKey(table, context().context, key(']'))).toBeNull();
    expect(commandForKey(table, context({ reviewing: true }).context, key(']'))?.id).toBe('next-disagreement');
    expect(commandForKey(table, context({ reviewing: true, suggesting: true }).context, key(']'))?.id).toBe('next-suggestion');
    expect(commandForKey(table, context({ reviewing: true }).context, key('A', { shiftKey: true }))?.id).toBe('accept-a');
    expect(commandForKey(table, context().context, key('a', { shiftKey: true }))).toBeNull();
    expect(commandForKey(table, context().context, key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(commandForKey(table, context({ canRedo: true }).context, key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    // Redo is off (nothing to redo): the key does nothing rather than something else.
    expect(commandForKey(table, context().context, key('y', { ctrlKey: true }))).toBeNull();
    const { context: window, ran } = context();
    commandForKey(table, window, key('2'))?.run(window);
    expect(ran).toEqual(['tag']);
    // Sync is Shift+Ctrl+S, and off while a sync runs.
    commandForKey(table, window, key('S', { ctrlKey: true, shiftKey: true }))?.run(window);
    expect(ran).toEqual(['tag', 'sync']);
    expect(commandForKey(table, { ...window, syncing: true }, key('S', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('gives the claims board its keys while it is up, and the article none', () => {
    const table = commandTable(DEFAULT_LABELS);
    const { context: board, ran } = context({ board: true });
    for (const pressed of ['j', 'k', 'Enter', '/', 'Escape']) commandForKey(table, board, key(pressed))?.run(board);
    expect(ran).toEqual(['claim 1', 'claim -1', 'open mention', 'filter', 'close board']);
    expect(commandForKey(table, board, key('1'))).toBeNull();
    expect(commandForKey(table, board, key('b', { ctrlKey: true }))?.id).toBe('claims-board');
    expect(commandForKey(table, context().context, key('j'))?.id).toBe('next-span');
  });

  it('reads keys as people press them: symbols typed with Shift, letters with Alt by their physical key', () => {
    expect(matchesKey('?', key('?', { shiftKey: true }))).toBe(true);
    expect(matchesKey('J', key('j'))).toBe(true);
    expect(matchesKey('J', key('J', { shiftKey: true }))).toBe(false);
    expect(matchesKey('1', key('¡', { altKey: true, code: 'Digit1' }))).toBe(true);
    expect(matchesKey('Mod+Z', key('z', { metaKey: true }))).toBe(true);
    expect(matchesKey('Mod+Z', key('z'))).toBe(false);
    expect(keyLabel('Shift+Mod+Z', false)).toBe('Shift+Ctrl+Z');
    expect(keyLabel('Mod+F', true)).toBe('⌘+F');
    expect(keyLabel('Escape', false)).toBe('Esc');
    expect(electronAccelerator('Shift+Mod+Z')).toBe('Shift+CmdOrCtrl+Z');
  });
});

/**
 * Every command a person can give the window, as data: its name, its keys, where it sits
 * in the menu, and what it does in words. The renderer gives each its action
 * (renderer/src/commands/, one file each); the keyboard, the toolbar, the `?` overlay and
 * the desktop app's menu (main/electron/menu.ts) all read this one table, so they cannot
 * disagree. Data only: the Electron preload imports it too.
 *
 * Keys are written as "Mod+Z" (Mod: Ctrl, or ⌘ on a Mac), "Shift+A", "]", "Delete".
 * Tagging keys come from the project's labels and are not listed here (see the renderer's
 * label commands).
 */

/** When a command's keys are heard: always, or only in a mode of the window. */
export type CommandScope = 'always' | 'reviewing' | 'suggesting' | 'board';

export interface CommandSpec {
  label: string;
  /** Shown in the `?` overlay. */
  does: string;
  keys?: readonly string[];
  scope?: CommandScope;
  /** The desktop app's menu it appears in. */
  menu?: 'file' | 'edit' | 'view' | 'help';
}

export const COMMANDS = {
  'import-articles': { label: 'Import Articles…', does: 'Import articles from files (or drop them on the window)', keys: ['Mod+I'], menu: 'file' },
  'paste-article': { label: 'Paste…', does: 'Make a document of text from the clipboard', menu: 'file' },
  'import-web-address': { label: 'From a Web Address…', does: 'Import articles from web addresses (the page is fetched and its article kept)', menu: 'file' },
  'import-annotations': { label: 'Import Annotations…', does: "Bring in annotations made elsewhere: a colleague's export, brat, W3C, doccano, Label Studio", menu: 'file' },
  export: { label: 'Export…', does: 'Export the open document or the whole project', keys: ['Mod+E'], menu: 'file' },
  projects: { label: 'Projects…', does: 'Open or make a project, or go back to a recent one' },
  sync: { label: 'Sync', does: "Share your work through git: commit it, take in your colleagues', and send yours", keys: ['Shift+Mod+S'], menu: 'file' },
  'sync-settings': { label: 'Sync Settings…', does: 'Choose the git remote this project syncs with, and its token', menu: 'file' },
  labels: { label: 'Labels…', does: "Edit the project's labels, their keys, colours and attributes" },
  'metadata-table': { label: 'Metadata…', does: 'Edit the title, outlet, author, date, address and language of every document in one table' },
  undo: { label: 'Undo', does: 'Undo (the status bar says what was undone)', keys: ['Mod+Z'], menu: 'edit' },
  redo: { label: 'Redo', does: 'Redo', keys: ['Shift+Mod+Z', 'Mod+Y'], menu: 'edit' },
  find: { label: 'Find', does: 'Find in the article; Enter / Shift+Enter step through matches, Esc returns with the match selected, ready to tag', keys: ['Mod+F'], menu: 'edit' },
  'delete-span': { label: 'Remove Span', does: 'Remove the selected span', keys: ['Delete', 'Backspace'], menu: 'edit' },
  'next-span': { label: 'Next Span', does: 'Select the next span', keys: ['J'] },
  'previous-span': { label: 'Previous Span', does: 'Select the previous span', keys: ['K'] },
  clear: { label: 'Clear Selection', does: 'Clear the selection', keys: ['Escape'] },
  'document-details': { label: 'Document Details…', does: "Edit the open document's title, outlet, author, address, date and language" },
  'claims-board': { label: 'Claims Board', does: 'Show or hide the claims board: every canonical claim with the articles that carry it', keys: ['Mod+B'], menu: 'view' },
  compare: { label: 'Compare…', does: "Compare two annotators' layers and build a reviewed one" },
  suggest: { label: 'Suggest', does: 'Suggest dates, entities and claims in the open document' },
  'toggle-theme': { label: 'Toggle Dark Theme', does: 'Switch between the light and the dark theme', menu: 'view' },
  'show-shortcuts': { label: 'Keyboard Shortcuts', does: 'Show or hide this list', keys: ['?'], menu: 'help' },
  'next-disagreement': { label: 'Next Disagreement', does: 'Go to the next disagreement', keys: [']'], scope: 'reviewing' },
  'previous-disagreement': { label: 'Previous Disagreement', does: 'Go to the previous disagreement', keys: ['['], scope: 'reviewing' },
  'accept-a': { label: 'Accept A', does: "Accept A's version into the reviewed layer", keys: ['Shift+A'], scope: 'reviewing' },
  'accept-b': { label: 'Accept B', does: "Accept B's version into the reviewed layer", keys: ['Shift+B'], scope: 'reviewing' },
  'reject-both': { label: 'Reject', does: 'Reject both versions', keys: ['Shift+X'], scope: 'reviewing' },
  'next-suggestion': { label: 'Next Suggestion', does: 'Go to the next suggestion', keys: [']'], scope: 'suggesting' },
  'previous-suggestion': { label: 'Previous Suggestion', does: 'Go to the previous suggestion', keys: ['['], scope: 'suggesting' },
  'accept-suggestion': { label: 'Accept Suggestion', does: 'Accept the suggestion in hand', keys: ['Enter'], scope: 'suggesting' },
  'next-claim': { label: 'Next Claim', does: 'Go to the next claim on the board', keys: ['J'], scope: 'board' },
  'previous-claim': { label: 'Previous Claim', does: 'Go to the previous claim on the board', keys: ['K'], scope: 'board' },
  'open-claim-mention': { label: 'Open First Mention', does: 'Open the article where the claim in hand appeared first, at its span', keys: ['Enter'], scope: 'board' },
  'filter-claims': { label: 'Filter Claims', does: 'Type words to filter the board', keys: ['/'], scope: 'board' },
  'close-board': { label: 'Close Board', does: 'Back to the article', keys: ['Escape'], scope: 'board' },
  'reject-suggestion': { label: 'Turn Suggestion Down', does: 'Turn down the suggestion in hand, with every other occurrence of the same name (none is offered again)', keys: ['X'], scope: 'suggesting' },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** What the desktop app's menu may send to the renderer: a command, or news that the project changed. */
export type MenuMessage = CommandId | 'project-changed';

export function isMenuMessage(value: unknown): value is MenuMessage {
  return value === 'project-changed' || (typeof value === 'string' && Object.hasOwn(COMMANDS, value));
}

/** A key as Electron writes accelerators: "Mod+Z" is "CmdOrCtrl+Z". */
export function electronAccelerator(key: string): string {
  return key.replace(/\bMod\b/g, 'CmdOrCtrl');
}

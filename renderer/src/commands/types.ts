/**
 * A command: what the shared table says of it (shared/commands.ts: name, keys, menu,
 * help), and what it does here. Commands read and act on the window through one
 * context, so each is a few lines that say what the command means.
 */
import type { CommandScope } from '../../../shared/commands.js';
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { DocumentSession } from '../annotate/use-document-session.js';
import type { BoardKeys } from '../claims/use-claims-view.js';

/** The window's dialogs, by kind (they stack: ui/dialog-stack.ts). */
export type DialogKind =
  | 'help'
  | 'annotator'
  | 'export'
  | 'import-annotations'
  | 'details'
  | 'paste'
  | 'web-address'
  | 'metadata-table'
  | 'projects'
  | 'labels'
  | 'compare'
  | 'agreement'
  | 'occurrences'
  | 'furniture'
  | 'import-report'
  | 'sync-settings'
  | 'sync-conflicts';

/** What the window is showing, and what can be done to it. */
export interface CommandContext {
  labels: readonly LabelDef[];
  /** A project is open (commands that need one are off without). */
  hasProject: boolean;
  /** The open document with the layer shown, or null. */
  document: DocumentSession | null;
  selectedSpan: Span | null;
  /** The dialog on top, if any. */
  dialog: DialogKind | null;
  openDialog: (kind: DialogKind) => void;
  closeDialog: () => void;
  tagging: {
    /** Tags the text selection; false when nothing was selected. */
    tag: (labelId: string, exact: boolean) => boolean;
    relabel: (labelId: string) => void;
    remove: () => void;
    step: (direction: 1 | -1) => void;
    clear: () => void;
    history: (direction: 'undo' | 'redo') => void;
    find: () => void;
  };
  review: null | {
    step: (direction: 1 | -1) => void;
    decide: (choice: 'a' | 'b' | 'reject') => void;
  };
  suggestions: null | {
    current: number | null;
    move: (direction: 1 | -1) => void;
    accept: (index: number) => void;
    reject: (index: number) => void;
  };
  suggest: () => void;
  /** Syncs the project through git (sync/use-sync.ts); `syncing` while one runs. */
  sync: () => void;
  syncing: boolean;
  /** The claims board, when it is open. */
  board: BoardKeys | null;
  toggleBoard: () => void;
  chooseFiles: () => void;
  /** The metadata table of these documents (null: all of them). */
  editMetadata: (documentIds: readonly string[] | null) => void;
  theme: 'light' | 'dark';
  toggleTheme: () => void;
}

/**
 * What a command's face may depend on: few things, so that the toolbar can be drawn
 * before the window's code has loaded (prepaint/), when only these are known.
 */
export type FaceState = Pick<CommandContext, 'board' | 'syncing' | 'theme'>;

export interface Command {
  id: string;
  label: string;
  does: string;
  keys: readonly string[];
  scope: CommandScope;
  /** Whether it can run now (a toolbar button is disabled when not). */
  enabled: (context: CommandContext) => boolean;
  /** `event`: the key press that asked, when it was one (Alt held means "exact"). */
  run: (context: CommandContext, event?: KeyboardEvent) => void;
  /** A label that depends on the window (the theme button says which theme it turns on). */
  labelNow?: (state: FaceState) => string;
}

/**
 * The toolbar across the top, as data: the links beside the project's name, the groups
 * of command buttons, and what each button says. AppHeader.tsx draws it with the
 * window's context; the first paint (prepaint/) draws the same buttons before the
 * window's code has loaded, so the two take the same room.
 */
import { keyLabel } from '../commands/keys.js';
import { commandById } from '../commands/register.js';
import type { Command, FaceState } from '../commands/types.js';

const PROJECT_LINKS = ['projects', 'labels', 'metadata-table'];

/** The toolbar's groups, by command id (and a shorter face); a group wraps as a whole on a narrow window. */
const GROUPS: readonly (readonly [id: string, short?: string])[][] = [
  [['claims-board']],
  [['sync']],
  [['undo'], ['redo']],
  [['import-articles', 'Import…'], ['paste-article'], ['import-annotations', 'Import annotations…'], ['export']],
  [['toggle-theme'], ['show-shortcuts', '?']],
];

export interface ToolbarButton {
  command: Command;
  /** What the button shows. */
  face: string;
  /** What the command does, and its keys. */
  title: string;
  /** A short face ("?") keeps the command's name for whoever cannot see it, and what it shows. */
  ariaLabel: string | null;
}

/** The project's links (Projects…, Labels…, Metadata…). */
export function projectLinks(commands: readonly Command[]): Command[] {
  return PROJECT_LINKS.flatMap((id) => commandById(commands, id) ?? []);
}

export function toolbarGroups(commands: readonly Command[], state: FaceState): ToolbarButton[][] {
  return GROUPS.map((group) =>
    group.flatMap(([id, short]) => {
      const command = commandById(commands, id);
      if (!command) return [];
      const keys = command.keys.map((key) => keyLabel(key)).join(' or ');
      return [
        {
          command,
          face: short ?? command.labelNow?.(state) ?? command.label,
          title: `${command.does}${keys ? ` (${keys})` : ''}`,
          ariaLabel: short && short.length < 3 ? `${command.label} (${short})` : null,
        },
      ];
    }),
  );
}

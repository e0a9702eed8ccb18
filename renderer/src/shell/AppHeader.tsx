/**
 * The toolbar across the top: the project, and buttons for commands from the command
 * table (their names, keys and whether they can run now come from it).
 */
import { keyLabel } from '../commands/keys.js';
import { commandById } from '../commands/register.js';
import type { Command, CommandContext } from '../commands/types.js';

interface Props {
  project: { name: string; root: string } | null;
  commands: readonly Command[];
  context: CommandContext;
}

/** The toolbar's groups, by command id; a group wraps as a whole on a narrow window. */
const GROUPS: readonly (readonly [id: string, short?: string])[][] = [
  [['claims-board']],
  [['sync']],
  [['undo'], ['redo']],
  [['import-articles', 'Import…'], ['paste-article'], ['import-annotations', 'Import annotations…'], ['export']],
  [['toggle-theme'], ['show-shortcuts', '?']],
];

export function AppHeader({ project, commands, context }: Props) {
  const button = (id: string, short?: string) => {
    const command = commandById(commands, id);
    if (!command) return null;
    const name = command.labelNow?.(context) ?? command.label;
    const keys = command.keys.map((key) => keyLabel(key)).join(' or ');
    return (
      <button
        key={id}
        type="button"
        onClick={() => command.run(context)}
        disabled={!command.enabled(context)}
        title={`${command.does}${keys ? ` (${keys})` : ''}`}
        // A short face ("?") keeps the command's name for whoever cannot see it, and what it shows.
        {...(short && short.length < 3 ? { 'aria-label': `${command.label} (${short})` } : {})}
      >
        {short ?? name}
      </button>
    );
  };
  return (
    <header className="app-header">
      <span className="header-group">
        <strong className="brand">Factmark</strong>
        <span className="project-name" title={project?.root}>
          {project?.name ?? 'No project open'}
        </span>
        {[commandById(commands, 'projects'), commandById(commands, 'labels'), commandById(commands, 'metadata-table')].map(
          (command) =>
            command && (
              <button key={command.id} type="button" className="link" onClick={() => command.run(context)} disabled={!command.enabled(context)}>
                {command.label}
              </button>
            ),
        )}
      </span>
      <span className="spacer" />
      {GROUPS.map((group, i) => (
        <span key={i} className="header-group">
          {group.map(([id, short]) => button(id, short))}
        </span>
      ))}
    </header>
  );
}

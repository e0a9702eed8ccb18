/**
 * The toolbar across the top: the project, and buttons for commands from the command
 * table (their names, keys and whether they can run now come from it; which ones, and
 * in which groups, from toolbar.ts).
 */
import type { Command, CommandContext } from '../commands/types.js';
import { projectLinks, toolbarGroups } from './toolbar.js';

interface Props {
  project: { name: string; root: string } | null;
  commands: readonly Command[];
  context: CommandContext;
}

export function AppHeader({ project, commands, context }: Props) {
  return (
    <header className="app-header">
      <span className="header-group">
        <strong className="brand">Factmark</strong>
        <span className="project-name" title={project?.root}>
          {project?.name ?? 'No project open'}
        </span>
        {projectLinks(commands).map((command) => (
          <button key={command.id} type="button" className="link" onClick={() => command.run(context)} disabled={!command.enabled(context)}>
            {command.label}
          </button>
        ))}
      </span>
      <span className="spacer" />
      {toolbarGroups(commands, context).map((group, i) => (
        <span key={i} className="header-group">
          {group.map(({ command, face, title, ariaLabel }) => (
            <button key={command.id} type="button" onClick={() => command.run(context)} disabled={!command.enabled(context)} title={title} {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}>
              {face}
            </button>
          ))}
        </span>
      ))}
    </header>
  );
}

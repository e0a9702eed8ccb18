/** A command from its entry in the shared table and what it does here. */
import { COMMANDS, type CommandId } from '../../../shared/commands.js';
import type { Command, CommandContext, FaceState } from './types.js';

interface Behaviour {
  enabled?: (context: CommandContext) => boolean;
  run: (context: CommandContext, event?: KeyboardEvent) => void;
  labelNow?: (state: FaceState) => string;
}

export function defineCommand(id: CommandId, behaviour: Behaviour): Command {
  const spec: { label: string; does: string; keys?: readonly string[]; scope?: Command['scope'] } = COMMANDS[id];
  return {
    id,
    label: spec.label,
    does: spec.does,
    keys: spec.keys ?? [],
    scope: spec.scope ?? 'always',
    enabled: behaviour.enabled ?? (() => true),
    run: behaviour.run,
    ...(behaviour.labelNow ? { labelNow: behaviour.labelNow } : {}),
  };
}

/** The document is open and its layer is the user's to change. */
export const canEdit = (context: CommandContext) => context.document !== null && !context.document.readOnly;

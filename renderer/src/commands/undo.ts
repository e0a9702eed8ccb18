import { canEdit, defineCommand } from './command.js';

export const undo = defineCommand('undo', { enabled: (context) => canEdit(context) && (context.document?.canUndo ?? false), run: (context) => context.tagging.history('undo') });

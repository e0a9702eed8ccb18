import { canEdit, defineCommand } from './command.js';

export const redo = defineCommand('redo', { enabled: (context) => canEdit(context) && (context.document?.canRedo ?? false), run: (context) => context.tagging.history('redo') });

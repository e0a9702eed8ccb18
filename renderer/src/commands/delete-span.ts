import { canEdit, defineCommand } from './command.js';

export const deleteSpan = defineCommand('delete-span', { enabled: (context) => canEdit(context) && context.selectedSpan !== null, run: (context) => context.tagging.remove() });

import { canEdit, defineCommand } from './command.js';

export const suggest = defineCommand('suggest', { enabled: (context) => canEdit(context) && context.review === null, run: (context) => context.suggest() });

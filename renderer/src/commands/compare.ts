import { defineCommand } from './command.js';

export const compare = defineCommand('compare', { enabled: (context) => context.document !== null && context.review === null, run: (context) => context.openDialog('compare') });

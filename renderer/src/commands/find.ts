import { defineCommand } from './command.js';

export const find = defineCommand('find', { enabled: (context) => context.document !== null, run: (context) => context.tagging.find() });

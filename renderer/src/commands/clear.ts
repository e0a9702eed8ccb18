import { defineCommand } from './command.js';

export const clear = defineCommand('clear', { run: (context) => context.tagging.clear() });

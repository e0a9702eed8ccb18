import { defineCommand } from './command.js';

export const previousSpan = defineCommand('previous-span', { enabled: (context) => context.document !== null, run: (context) => context.tagging.step(-1) });

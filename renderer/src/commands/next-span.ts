import { defineCommand } from './command.js';

export const nextSpan = defineCommand('next-span', { enabled: (context) => context.document !== null, run: (context) => context.tagging.step(1) });

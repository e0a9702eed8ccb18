import { defineCommand } from './command.js';

export const previousClaim = defineCommand('previous-claim', { enabled: (context) => context.board !== null, run: (context) => context.board?.step(-1) });

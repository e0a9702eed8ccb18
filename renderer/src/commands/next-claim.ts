import { defineCommand } from './command.js';

export const nextClaim = defineCommand('next-claim', { enabled: (context) => context.board !== null, run: (context) => context.board?.step(1) });

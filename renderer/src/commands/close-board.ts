import { defineCommand } from './command.js';

export const closeBoard = defineCommand('close-board', { enabled: (context) => context.board !== null, run: (context) => context.board?.close() });

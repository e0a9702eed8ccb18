import { defineCommand } from './command.js';

/** Opens the board, or closes it (its toolbar face says which). */
export const claimsBoard = defineCommand('claims-board', {
  enabled: (context) => context.hasProject,
  run: (context) => context.toggleBoard(),
  labelNow: (context) => (context.board ? 'Article' : 'Claims'),
});

import { defineCommand } from './command.js';

export const previousDisagreement = defineCommand('previous-disagreement', { enabled: (context) => context.review !== null, run: (context) => context.review?.step(-1) });

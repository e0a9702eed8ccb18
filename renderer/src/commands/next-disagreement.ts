import { defineCommand } from './command.js';

export const nextDisagreement = defineCommand('next-disagreement', { enabled: (context) => context.review !== null, run: (context) => context.review?.step(1) });

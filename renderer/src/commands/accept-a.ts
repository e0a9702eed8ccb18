import { defineCommand } from './command.js';

export const acceptA = defineCommand('accept-a', { enabled: (context) => context.review !== null, run: (context) => context.review?.decide('a') });

import { defineCommand } from './command.js';

export const acceptB = defineCommand('accept-b', { enabled: (context) => context.review !== null, run: (context) => context.review?.decide('b') });

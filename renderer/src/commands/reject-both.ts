import { defineCommand } from './command.js';

export const rejectBoth = defineCommand('reject-both', { enabled: (context) => context.review !== null, run: (context) => context.review?.decide('reject') });

import { defineCommand } from './command.js';

export const filterClaims = defineCommand('filter-claims', { enabled: (context) => context.board !== null, run: (context) => context.board?.focusFilter() });

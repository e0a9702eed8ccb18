import { defineCommand } from './command.js';

export const previousSuggestion = defineCommand('previous-suggestion', { enabled: (context) => context.suggestions !== null, run: (context) => context.suggestions?.move(-1) });

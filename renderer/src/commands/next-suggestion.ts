import { defineCommand } from './command.js';

export const nextSuggestion = defineCommand('next-suggestion', { enabled: (context) => context.suggestions !== null, run: (context) => context.suggestions?.move(1) });

import { defineCommand } from './command.js';

export const rejectSuggestion = defineCommand('reject-suggestion', {
  enabled: (context) => context.suggestions?.current !== null && context.suggestions?.current !== undefined,
  run: (context) => {
    const { suggestions } = context;
    if (suggestions && suggestions.current !== null) suggestions.reject(suggestions.current);
  },
});

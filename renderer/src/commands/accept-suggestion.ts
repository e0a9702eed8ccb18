import { defineCommand } from './command.js';

export const acceptSuggestion = defineCommand('accept-suggestion', {
  enabled: (context) => context.suggestions?.current !== null && context.suggestions?.current !== undefined,
  run: (context) => {
    const { suggestions } = context;
    if (suggestions && suggestions.current !== null) suggestions.accept(suggestions.current);
  },
});

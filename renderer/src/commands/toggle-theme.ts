import { defineCommand } from './command.js';

/** Named by what it turns on ("Dark theme"), as the button shows it. */
export const toggleTheme = defineCommand('toggle-theme', { run: (context) => context.toggleTheme(), labelNow: (context) => `${context.theme === 'dark' ? 'Light' : 'Dark'} theme` });

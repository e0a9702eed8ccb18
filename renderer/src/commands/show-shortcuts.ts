import { defineCommand } from './command.js';

export const showShortcuts = defineCommand('show-shortcuts', { run: (context) => (context.dialog === 'help' ? context.closeDialog() : context.openDialog('help')) });

import { defineCommand } from './command.js';

export const syncSettings = defineCommand('sync-settings', { enabled: (context) => context.hasProject, run: (context) => context.openDialog('sync-settings') });

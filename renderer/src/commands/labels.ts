import { defineCommand } from './command.js';

export const editLabels = defineCommand('labels', { enabled: (context) => context.hasProject, run: (context) => context.openDialog('labels') });

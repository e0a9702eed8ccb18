import { defineCommand } from './command.js';

export const importAnnotations = defineCommand('import-annotations', { enabled: (context) => context.hasProject, run: (context) => context.openDialog('import-annotations') });

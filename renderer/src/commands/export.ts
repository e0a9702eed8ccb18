import { defineCommand } from './command.js';

export const exportCorpus = defineCommand('export', { enabled: (context) => context.hasProject, run: (context) => context.openDialog('export') });

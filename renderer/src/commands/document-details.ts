import { defineCommand } from './command.js';

export const documentDetails = defineCommand('document-details', { enabled: (context) => context.document !== null, run: (context) => context.openDialog('details') });

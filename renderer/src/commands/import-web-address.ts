import { defineCommand } from './command.js';

export const importWebAddress = defineCommand('import-web-address', { enabled: (context) => context.hasProject, run: (context) => context.openDialog('web-address') });

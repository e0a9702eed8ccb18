import { defineCommand } from './command.js';

export const projects = defineCommand('projects', { run: (context) => context.openDialog('projects') });

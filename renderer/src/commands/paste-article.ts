import { defineCommand } from './command.js';

export const pasteArticle = defineCommand('paste-article', { enabled: (context) => context.hasProject, run: (context) => context.openDialog('paste') });

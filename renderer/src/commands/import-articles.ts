import { defineCommand } from './command.js';

/** The file chooser; what is chosen goes through the import (furniture, report). */
export const importArticles = defineCommand('import-articles', { enabled: (context) => context.hasProject, run: (context) => context.chooseFiles() });

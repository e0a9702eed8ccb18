import { defineCommand } from './command.js';

/** Every document's metadata in one table (the import report opens it for the documents just imported). */
export const metadataTable = defineCommand('metadata-table', { enabled: (context) => context.hasProject, run: (context) => context.editMetadata(null) });

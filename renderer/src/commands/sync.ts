import { defineCommand } from './command.js';

/** Saves what is unsaved, then syncs (a project that does not sync yet asks for its remote first). */
export const sync = defineCommand('sync', { enabled: (context) => context.hasProject && !context.syncing, run: (context) => context.sync(), labelNow: (context) => (context.syncing ? 'Syncing…' : 'Sync') });

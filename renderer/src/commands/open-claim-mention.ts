import { defineCommand } from './command.js';

export const openClaimMention = defineCommand('open-claim-mention', { enabled: (context) => context.board !== null, run: (context) => context.board?.openFirstMention() });

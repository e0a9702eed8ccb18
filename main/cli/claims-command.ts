/**
 * `factmark claims <dir>`: the canonical claims with their mentions across the project,
 * one line (or one JSON object) per claim, in order of first appearance.
 */
import type { Command } from 'commander';
import type { ClaimCard, ClaimsBoard } from '../../shared/claims/board.js';
import { filterBoard } from '../../shared/claims/board.js';
import type { FactmarkService } from '../service.js';

interface Output {
  stdout: (text: string) => void | Promise<void>;
}

export function registerClaimsCommand(program: Command, service: FactmarkService, io: Output): void {
  program
    .command('claims')
    .description('List the canonical claims (claims.json) with every mention across the project: article, outlet, date, claimant as quoted, how it is carried, and where mentions disagree.')
    .argument('<dir>', 'project folder')
    .option('--json', 'print one JSON object per claim')
    .action(async (dir: string, options: { json?: boolean }) => {
      await service.openProject({ dir });
      const board = await service.getClaimsBoard({});
      for (const card of filterBoard(board, { sort: 'first-appearance' })) {
        await io.stdout(options.json ? `${JSON.stringify(claimRecord(card, board))}\n` : claimLine(card, board));
      }
    });
}

/** One claim as a record for scripts: the claim, then its mentions with their documents. */
export function claimRecord(card: ClaimCard, board: ClaimsBoard) {
  return {
    ...card.claim,
    firstAppearance: card.firstAppearance,
    disagreements: card.disagreements,
    mentions: card.mentions.map((mention) => {
      const doc = board.documents[mention.ref.documentId];
      return {
        ...mention.ref,
        title: doc?.title ?? null,
        outlet: doc?.outlet ?? null,
        published: doc?.published ?? null,
        url: doc?.url ?? null,
        quote: mention.text,
        start: mention.start,
        end: mention.end,
        claimant: mention.claimant?.text ?? null,
        carriedAs: mention.carriedAs,
      };
    }),
  };
}

/** id, status, verdict, mentions, outlets, first appearance, wording: tab-separated. */
function claimLine(card: ClaimCard, board: ClaimsBoard): string {
  const first = card.firstAppearance ? board.documents[card.firstAppearance.documentId] : undefined;
  const where = first ? `${first.outlet ?? first.title ?? first.id} ${first.published ?? ''}`.trim() : '-';
  const disagreeing = card.disagreements.length ? `\tdisagree: ${card.disagreements.map((item) => item.kind).join(',')}` : '';
  return `${card.claim.id}\t${card.claim.status}\t${card.claim.verdict?.rating ?? '-'}\t${card.mentions.length} mentions\t${card.outlets.length} outlets\tfirst: ${where}\t${JSON.stringify(card.claim.wording)}${disagreeing}\n`;
}

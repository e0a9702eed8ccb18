/**
 * `factmark claims <dir>`: the canonical claims with their mentions across the project,
 * one line (or one JSON object) per claim, in order of first appearance. With --match,
 * the match inbox instead: the proposals, and with --apply every one of them accepted.
 */
import type { Command } from 'commander';
import type { ClaimCard, ClaimsBoard } from '../../shared/claims/board.js';
import { filterBoard } from '../../shared/claims/board.js';
import type { MatchProposal } from '../../shared/claims/matching.js';
import { FactmarkError } from '../../shared/errors.js';
import { spanKey } from '../../shared/model/claims.js';
import type { FactmarkService } from '../service.js';
import { osAnnotatorName } from '../user.js';

interface Output {
  stdout: (text: string) => void | Promise<void>;
}

export function registerClaimsCommand(program: Command, service: FactmarkService, io: Output): void {
  program
    .command('claims')
    .description('List the canonical claims (claims.json) with every mention across the project: article, outlet, date, claimant as quoted, how it is carried, and where mentions disagree.')
    .argument('<dir>', 'project folder')
    .option('--json', 'print one JSON object per claim (with --match: per proposal)')
    .option('--match', 'list the match proposals instead: unlinked claim spans that restate a canonical claim or each other across articles, with score and reasons')
    .option('--apply', 'with --match: accept every proposal (linking the spans, creating canonical claims for spans that restate each other)')
    .option('--threshold <score>', 'with --match: proposals from this score (0 to 1) up')
    .option('--annotator <name>', "with --match: only this annotator's unlinked spans; with --apply, also who makes the change (default: your user name)")
    .action(async (dir: string, options: ClaimsOptions) => {
      await service.openProject({ dir });
      if (options.match) return match(service, io, options);
      if (options.apply || options.threshold !== undefined) throw new FactmarkError('BAD_INPUT', '--apply and --threshold go with --match');
      const board = await service.getClaimsBoard({});
      for (const card of filterBoard(board, { sort: 'first-appearance' })) {
        await io.stdout(options.json ? `${JSON.stringify(claimRecord(card, board))}\n` : claimLine(card, board));
      }
    });
}

interface ClaimsOptions {
  json?: boolean;
  match?: boolean;
  apply?: boolean;
  threshold?: string;
  annotator?: string;
}

async function match(service: FactmarkService, io: Output, options: ClaimsOptions): Promise<void> {
  const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new FactmarkError('BAD_INPUT', `--threshold must be a number from 0 to 1, not "${options.threshold}"`);
  const { proposals } = await service.matchClaims({ ...(options.annotator ? { annotator: options.annotator } : {}), ...(threshold !== undefined ? { threshold } : {}) });
  const board = await service.getClaimsBoard({});
  const texts = new Map(board.unlinked.map((mention) => [spanKey(mention.ref), mention.text]));
  for (const proposal of proposals) await io.stdout(options.json ? `${JSON.stringify(proposal)}\n` : proposalLine(proposal, texts));
  if (!options.apply) return;
  if (proposals.length === 0) return void (await io.stdout(options.json ? '' : 'Nothing to apply: no proposal above the threshold.\n'));
  const done = await service.acceptMatches({ annotator: options.annotator ?? osAnnotatorName(), proposals, onlyOwn: false });
  const summary = { applied: proposals.length, created: done.created, linked: done.linked, leftOut: done.leftOut };
  await io.stdout(options.json ? `${JSON.stringify(summary)}\n` : `Applied ${proposals.length} proposals: ${done.linked} spans linked, ${done.created.length} canonical claims created${done.leftOut.length ? `, ${done.leftOut.length} spans no longer there` : ''}.\n`);
}

/** score, the span, what it restates, and the reasons: tab-separated. */
function proposalLine(proposal: MatchProposal, texts: ReadonlyMap<string, string>): string {
  const text = (key: string) => texts.get(key) ?? key;
  const target = 'claimId' in proposal.target ? `claim ${proposal.target.claimId}` : `span ${spanKey(proposal.target.span)} ${JSON.stringify(text(spanKey(proposal.target.span)))}`;
  const { words, numbers, entities, dates, claimant } = proposal.reasons;
  const reasons = [
    words.length ? `words: ${words.slice(0, 6).join(' ')}` : '',
    numbers.agree.length ? `numbers: ${numbers.agree.join(' ')}` : '',
    numbers.differ.length ? `numbers differ: ${numbers.differ.join(' ')}` : '',
    entities.length ? `entities: ${entities.join(', ')}` : '',
    dates.agree.length ? `dates: ${dates.agree.join(' ')}` : '',
    dates.differ.length ? `dates differ: ${dates.differ.join(' ')}` : '',
    claimant ? `claimant: ${claimant}` : '',
  ].filter(Boolean);
  return `${proposal.score.toFixed(2)}\t${spanKey(proposal.span)} ${JSON.stringify(text(spanKey(proposal.span)))}\trestates ${target}\t${reasons.join('; ')}\n`;
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

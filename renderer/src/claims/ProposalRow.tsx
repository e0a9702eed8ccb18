/**
 * One match proposal in the inbox: the analyst's claim span, what it seems to restate (a
 * canonical claim, or a claim span in another article), how sure the matcher is and why —
 * the words, numbers, entities, dates and claimant both share, and the numbers and dates
 * that differ — and Accept, Reject and Open.
 */
import type { ClaimCard, ClaimsBoard } from '../../../shared/claims/board.js';
import type { MatchProposal, MatchReasons } from '../../../shared/claims/matching.js';
import type { Mention } from '../../../shared/claims/mentions.js';
import type { SpanRef } from '../../../shared/model/claims.js';

interface Props {
  proposal: MatchProposal;
  board: ClaimsBoard;
  mention: Mention | undefined;
  target: { mention: Mention } | { card: ClaimCard } | null;
  onAccept: () => void;
  onReject: () => void;
  onOpen: (ref: SpanRef) => void;
}

export function ProposalRow({ proposal, board, mention, target, onAccept, onReject, onOpen }: Props) {
  const where = (ref: SpanRef) => {
    const doc = board.documents[ref.documentId];
    return `${doc?.outlet ?? doc?.title ?? ref.documentId}${doc?.published ? `, ${doc.published}` : ''}`;
  };
  const percent = Math.round(proposal.score * 100);
  const targetText = target === null ? '(no longer there)' : 'card' in target ? target.card.claim.wording : target.mention.text;
  return (
    <li className="inbox-row proposal" aria-label={`Match, score ${percent} percent`}>
      <div className="proposal-head">
        <span className="score" title="How sure the matcher is: words, numbers, entities, dates and claimant in common">
          {percent}%
        </span>
        <div className="proposal-texts">
          <p>
            <q dir="auto">{mention?.text ?? proposal.span.spanId}</q> <span className="muted small">— {where(proposal.span)}</span>
          </p>
          <p>
            <span className="restates">{'claimId' in proposal.target ? 'restates the canonical claim' : 'restates, in another article,'}</span> <q dir="auto">{targetText}</q>
            {'span' in proposal.target && <span className="muted small"> — {where(proposal.target.span)}</span>}
            {target && 'card' in target && <span className="muted small"> — {target.card.mentions.length} mentions</span>}
          </p>
        </div>
      </div>
      <Reasons reasons={proposal.reasons} />
      <div className="row">
        <button type="button" className="primary" onClick={onAccept} disabled={target === null}>
          {'claimId' in proposal.target ? 'Accept: link to this claim' : 'Accept: one claim for both'}
        </button>
        <button type="button" onClick={onReject}>
          Reject
        </button>
        <button type="button" className="link" onClick={() => onOpen(proposal.span)}>
          Open
        </button>
      </div>
    </li>
  );
}

function Reasons({ reasons }: { reasons: MatchReasons }) {
  const items: { kind: 'agree' | 'differ'; text: string }[] = [];
  if (reasons.words.length) items.push({ kind: 'agree', text: `Words: ${reasons.words.slice(0, 8).join(', ')}` });
  if (reasons.numbers.agree.length) items.push({ kind: 'agree', text: `Same numbers: ${reasons.numbers.agree.join(', ')}` });
  if (reasons.entities.length) items.push({ kind: 'agree', text: `Entities: ${reasons.entities.join(', ')}` });
  if (reasons.dates.agree.length) items.push({ kind: 'agree', text: `Dates: ${reasons.dates.agree.join(', ')}` });
  if (reasons.claimant) items.push({ kind: 'agree', text: `Claimant: ${reasons.claimant}` });
  if (reasons.numbers.differ.length) items.push({ kind: 'differ', text: `Numbers differ: ${reasons.numbers.differ.join(', ')}` });
  if (reasons.dates.differ.length) items.push({ kind: 'differ', text: `Dates differ: ${reasons.dates.differ.join(', ')}` });
  return (
    <ul className="reasons" aria-label="Why">
      {items.map((item) => (
        <li key={item.text} className={item.kind}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

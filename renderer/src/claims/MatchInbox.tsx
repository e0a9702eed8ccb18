/**
 * The match inbox: first the matcher's proposals (the analyst's unlinked claim spans that
 * restate a canonical claim or a claim span in another article, with score and reasons),
 * then every claim span not linked yet, to link by hand or make a new claim of. Only the
 * analyst's own spans are linked from here (a colleague's layer is theirs to change).
 */
import { useMemo, useState } from 'react';
import type { Mention } from '../../../shared/claims/mentions.js';
import { newClaimId, spanKey, type SpanRef } from '../../../shared/model/claims.js';
import type { ApiClient } from '../api/client.js';
import { ProposalRow } from './ProposalRow.js';
import type { ClaimsBoardState } from './use-claims-board.js';
import { useMatchProposals } from './use-match-proposals.js';

interface Props {
  api: ApiClient;
  state: ClaimsBoardState;
  annotator: string | null;
  onOpenMention: (ref: SpanRef) => void;
  onError: (error: unknown) => void;
}

export function MatchInbox({ api, state, annotator, onOpenMention, onError }: Props) {
  const board = state.board;
  const { proposals, accept, reject } = useMatchProposals(api, state, annotator, onError);
  const unlinked = useMemo(() => new Map((board?.unlinked ?? []).map((mention) => [spanKey(mention.ref), mention])), [board]);
  const cards = useMemo(() => new Map((board?.claims ?? []).map((card) => [card.claim.id, card])), [board]);
  if (!board) return <p className="empty">Reading every layer…</p>;
  const mine = board.unlinked.filter((mention) => mention.ref.annotator === annotator);
  const theirs = board.unlinked.length - mine.length;
  return (
    <section className="match-inbox" aria-label="Match inbox">
      <h2 className="pane-title">Proposed matches{proposals ? ` (${proposals.length})` : ''}</h2>
      {proposals === null ? (
        <p className="muted">Comparing your claim spans with every article…</p>
      ) : proposals.length === 0 ? (
        <p className="muted">No proposal: none of your unlinked claim spans restates a claim of another article closely enough.</p>
      ) : (
        <ul className="inbox-list" aria-label="Proposed matches">
          {proposals.map((proposal) => {
            const key = `${spanKey(proposal.span)}→${'claimId' in proposal.target ? proposal.target.claimId : spanKey(proposal.target.span)}`;
            const targetCard = 'claimId' in proposal.target ? cards.get(proposal.target.claimId) : undefined;
            const targetMention = 'span' in proposal.target ? unlinked.get(spanKey(proposal.target.span)) : undefined;
            const target = targetCard ? { card: targetCard } : targetMention ? { mention: targetMention } : null;
            return (
              <ProposalRow
                key={key}
                proposal={proposal}
                board={board}
                mention={unlinked.get(spanKey(proposal.span))}
                target={target}
                onAccept={() => void accept(proposal).catch(onError)}
                onReject={() => void reject(proposal).catch(onError)}
                onOpen={onOpenMention}
              />
            );
          })}
        </ul>
      )}
      <h2 className="pane-title">Your claim spans not linked yet ({mine.length})</h2>
      {theirs > 0 && <p className="muted small">{theirs} more are in colleagues' layers: they link their own.</p>}
      {mine.length === 0 ? (
        <p className="muted">Every claim span of yours is linked to a canonical claim.</p>
      ) : (
        <ul className="inbox-list">
          {mine.map((mention) => (
            <UnlinkedRow key={spanKey(mention.ref)} mention={mention} state={state} onOpen={onOpenMention} onError={onError} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UnlinkedRow({ mention, state, onOpen, onError }: { mention: Mention; state: ClaimsBoardState; onOpen: (ref: SpanRef) => void; onError: (error: unknown) => void }) {
  const [target, setTarget] = useState('');
  const doc = state.board?.documents[mention.ref.documentId];
  const claims = state.board?.claims ?? [];
  const linkTo = (claimId: string) => void state.link([{ documentId: mention.ref.documentId, spanId: mention.ref.spanId, claimId }]).catch(onError);
  const newClaim = async () => {
    const id = newClaimId(crypto.randomUUID());
    await state.change([{ kind: 'create', id, wording: mention.text, ...(mention.claimant ? { claimant: mention.claimant.entityId ? { entityId: mention.claimant.entityId } : { text: mention.claimant.text } } : {}) }]);
    await state.link([{ documentId: mention.ref.documentId, spanId: mention.ref.spanId, claimId: id }]);
    state.setSelectedId(id);
  };
  return (
    <li className="inbox-row">
      <q dir="auto">{mention.text}</q>
      <span className="muted small">
        {' '}
        — {doc?.outlet ?? doc?.title ?? mention.ref.documentId}
        {doc?.published ? `, ${doc.published}` : ''}
      </span>
      <div className="row">
        <label className="field">
          <span>Link to</span>
          <select value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">—</option>
            {claims.map((card) => (
              <option key={card.claim.id} value={card.claim.id}>
                {card.claim.wording.slice(0, 90)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!target} onClick={() => linkTo(target)}>
          Link
        </button>
        <button type="button" onClick={() => void newClaim().catch(onError)}>
          New claim from it
        </button>
        <button type="button" className="link" onClick={() => onOpen(mention.ref)}>
          Open
        </button>
      </div>
    </li>
  );
}

/**
 * One canonical claim on the board: its wording, claimant and the time it is about (each
 * edited from what it was, so a colleague's change meanwhile is not overwritten), the
 * checking workflow, the evidence, every mention with where its article differs, and
 * merging it into another claim.
 */
import { useState } from 'react';
import type { ClaimCard, ClaimsBoard } from '../../../shared/claims/board.js';
import type { ClaimChange } from '../../../shared/claims/changes.js';
import type { Claimant, SpanRef } from '../../../shared/model/claims.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import { timexProblem } from '../../../shared/model/timex.js';
import { CommitField } from '../ui/CommitField.js';
import { DIFFER_NAMES } from './ClaimList.js';
import { ClaimWorkflow } from './ClaimWorkflow.js';
import { EvidenceList } from './EvidenceList.js';
import { MentionTable } from './MentionTable.js';
import type { ClaimsBoardState } from './use-claims-board.js';

interface Props {
  card: ClaimCard;
  board: ClaimsBoard | null;
  state: ClaimsBoardState;
  annotator: string | null;
  entities: readonly CanonicalEntity[];
  onOpenMention: (ref: SpanRef) => void;
  onError: (error: unknown) => void;
}

export function ClaimDetail({ card, board, state, annotator, entities, onOpenMention, onError }: Props) {
  const { claim } = card;
  const [problem, setProblem] = useState<string | null>(null);
  const send = (changes: ClaimChange[]) => {
    setProblem(null);
    state.change(changes).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const edit = (set: Extract<ClaimChange, { kind: 'edit' }>['set']) => {
    const base = Object.fromEntries(Object.keys(set).map((key) => [key, claim[key as keyof typeof set] ?? null]));
    send([{ kind: 'edit', claimId: claim.id, set, base }]);
  };
  const claimantEntity = claim.claimant && 'entityId' in claim.claimant ? claim.claimant.entityId : '';
  const claimantText = claim.claimant && 'text' in claim.claimant ? claim.claimant.text : '';
  const others = (board?.claims ?? []).filter((other) => other.claim.id !== claim.id);
  return (
    <article className="claim-detail" aria-label="The claim in hand">
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <CommitField label="Wording (as it is checked)" multiline value={claim.wording} validate={(text) => (text.trim() ? null : 'the claim needs words')} onCommit={(wording) => edit({ wording })} />
      <div className="row">
        <label className="field">
          <span>Claimant (canonical entity)</span>
          <select value={claimantEntity} onChange={(event) => edit({ claimant: event.target.value ? { entityId: event.target.value } : claimantText ? { text: claimantText } : null })}>
            <option value="">— in words, or none —</option>
            {entities.map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.name}
              </option>
            ))}
          </select>
        </label>
        {!claimantEntity && <CommitField label="Claimant in words" value={claimantText} onCommit={(text) => edit({ claimant: text.trim() ? ({ text: text.trim() } satisfies Claimant) : null })} />}
      </div>
      <div className="row">
        <CommitField label="About the time (TIMEX3)" placeholder="e.g. 2020-03-29, 2020-W13" value={claim.about?.value ?? ''} validate={(text) => (text === '' ? null : timexProblem(text))} onCommit={(value) => edit({ about: value ? { value, ...(claim.about?.text ? { text: claim.about.text } : {}) } : null })} />
        <CommitField label="…as people said it" placeholder="e.g. on Sunday" value={claim.about?.text ?? ''} onCommit={(text) => claim.about && edit({ about: { value: claim.about.value, ...(text ? { text } : {}) } })} />
      </div>
      <ClaimWorkflow claim={claim} annotator={annotator} onChange={send} />
      {card.disagreements.length > 0 && (
        <section className="disagreements" aria-label="Where the mentions differ">
          <h3>Where the mentions differ</h3>
          <ul>
            {card.disagreements.map((item) => (
              <li key={item.kind}>
                <strong>{DIFFER_NAMES[item.kind]}:</strong> {item.readings.map((reading) => `${reading.value} (${reading.mentions.map((ref) => board?.documents[ref.documentId]?.outlet ?? board?.documents[ref.documentId]?.title ?? ref.documentId).join(', ')})`).join(' against ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <MentionTable card={card} documents={board?.documents ?? {}} annotator={annotator} onOpen={onOpenMention} onUnlink={(ref) => void state.link([{ documentId: ref.documentId, spanId: ref.spanId, claimId: null }]).catch(onError)} />
      <EvidenceList claim={claim} board={board} onChange={send} />
      <details className="claim-admin">
        <summary>Merge or delete</summary>
        <MergeInto others={others.map((other) => other.claim)} onMerge={(into) => send([{ kind: 'merge', claimId: claim.id, into }])} />
        <button type="button" className="danger" disabled={card.mentions.length > 0} title={card.mentions.length ? 'Unlink its mentions, or merge it into another claim, first' : undefined} onClick={() => send([{ kind: 'delete', claimId: claim.id }])}>
          Delete this claim
        </button>
      </details>
    </article>
  );
}

function MergeInto({ others, onMerge }: { others: readonly { id: string; wording: string }[]; onMerge: (into: string) => void }) {
  const [into, setInto] = useState('');
  return (
    <div className="row">
      <label className="field">
        <span>The same claim as</span>
        <select value={into} onChange={(event) => setInto(event.target.value)}>
          <option value="">—</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.wording.slice(0, 90)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!into} onClick={() => onMerge(into)}>
        Merge into it
      </button>
    </div>
  );
}

/** The board's list of claims: wording, status, verdict, how far it travelled, and where its mentions differ. */
import { useEffect, useRef } from 'react';
import type { BoardDocument, ClaimCard } from '../../../shared/claims/board.js';
import { plural } from '../../../shared/text/plural.js';
import { RATING_NAMES, STATUS_NAMES, STATUS_SIGNS } from './status.js';

interface Props {
  cards: readonly ClaimCard[];
  documents: Record<string, BoardDocument>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function ClaimList({ cards, documents, selectedId, onSelect }: Props) {
  const list = useRef<HTMLUListElement>(null);
  // Marked once the list is on screen (the next frame, after the browser painted it), for bench/claims-board.ts.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => performance.mark('factmark:board', { detail: { claims: cards.length } }), 0));
    return () => cancelAnimationFrame(frame);
  }, [cards]);
  // The claim in hand stays in view as J and K move through a long list.
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <nav className="claim-list" aria-label="Canonical claims">
      <ul ref={list}>
        {cards.map((card) => {
          const first = card.firstAppearance ? documents[card.firstAppearance.documentId] : undefined;
          const { status, verdict } = card.claim;
          return (
            <li key={card.claim.id}>
              <button type="button" className="claim-item" aria-current={card.claim.id === selectedId} onClick={() => onSelect(card.claim.id)} data-claim-id={card.claim.id}>
                <span className="wording" dir="auto">
                  {card.claim.wording}
                </span>
                <span className="meta">
                  <span className={`status-badge status-${status}`}>
                    <span aria-hidden="true">{STATUS_SIGNS[status]}</span> {STATUS_NAMES[status]}
                  </span>
                  {verdict && <span className="verdict"> · {RATING_NAMES[verdict.rating]}</span>}
                  {' · '}
                  {plural(card.mentions.length, 'mention')}, {plural(card.outlets.length, 'outlet')}
                  {first && ` · first ${first.outlet ?? first.title ?? first.id}${first.published ? ` ${first.published}` : ''}`}
                </span>
                {card.disagreements.length > 0 && <span className="differ">Mentions differ: {card.disagreements.map((item) => DIFFER_NAMES[item.kind]).join(', ')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export const DIFFER_NAMES = { number: 'numbers', date: 'dates', claimant: 'claimant' } as const;

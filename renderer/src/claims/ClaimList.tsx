/** The board's list of claims: wording, status, verdict, how far it travelled, and where its mentions differ. */
import { memo, useEffect, useRef, useState } from 'react';
import type { BoardDocument, ClaimCard } from '../../../shared/claims/board.js';
import { plural } from '../../../shared/text/plural.js';
import { RATING_NAMES, STATUS_NAMES, STATUS_SIGNS } from './status.js';

interface Props {
  cards: readonly ClaimCard[];
  documents: Record<string, BoardDocument>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * Rows drawn at once, then more after each paint: a project's whole list (thousands of
 * claims) would hold the first screen back by the time React takes to make every row,
 * while the first rows are all the analyst sees at first. The rest follow within a few
 * frames; J and K never wait (a row out of reach is drawn first).
 */
const FIRST_ROWS = 80;
const MORE_ROWS = 400;

export function ClaimList({ cards, documents, selectedId, onSelect }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const [limit, setLimit] = useState(FIRST_ROWS);
  const drawn = Math.min(limit, cards.length);
  const selectedAt = selectedId === null ? -1 : cards.findIndex((card) => card.claim.id === selectedId);
  if (selectedAt >= limit) setLimit(selectedAt + 1);
  useEffect(() => {
    // After the browser painted these rows (the next frame), mark it for bench/claims-board.ts and draw more.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        performance.mark('factmark:board', { detail: { claims: cards.length, rows: drawn } });
        if (drawn < cards.length) setLimit(drawn + MORE_ROWS);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [cards, drawn]);
  // The claim in hand stays in view as J and K move through a long list.
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <nav className="claim-list" aria-label="Canonical claims">
      <ul ref={list}>
        {cards.slice(0, drawn).map((card) => (
          <ClaimRow key={card.claim.id} card={card} first={card.firstAppearance ? documents[card.firstAppearance.documentId] : undefined} current={card.claim.id === selectedId} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
}

/** One row; memoised, so drawing more rows, or moving the selection, leaves the others alone. */
const ClaimRow = memo(function ClaimRow({ card, first, current, onSelect }: { card: ClaimCard; first: BoardDocument | undefined; current: boolean; onSelect: (id: string) => void }) {
  const { status, verdict } = card.claim;
  return (
    <li>
      <button type="button" className="claim-item" aria-current={current} onClick={() => onSelect(card.claim.id)} data-claim-id={card.claim.id}>
        <span className="wording" dir="auto">
          {card.claim.wording}
        </span>
        <span className="meta">
          <span className={`status-badge status-${status}`}>
            <span aria-hidden="true">{STATUS_SIGNS[status]}</span> {STATUS_NAMES[status]}
          </span>
          {verdict && <span className="verdict-name"> · {RATING_NAMES[verdict.rating]}</span>}
          {' · '}
          {plural(card.mentions.length, 'mention')}, {plural(card.outlets.length, 'outlet')}
          {first && ` · first ${first.outlet ?? first.title ?? first.id}${first.published ? ` ${first.published}` : ''}`}
        </span>
        {card.disagreements.length > 0 && <span className="differ">Mentions differ: {card.disagreements.map((item) => DIFFER_NAMES[item.kind]).join(', ')}</span>}
      </button>
    </li>
  );
});

export const DIFFER_NAMES = { number: 'numbers', date: 'dates', claimant: 'claimant' } as const;

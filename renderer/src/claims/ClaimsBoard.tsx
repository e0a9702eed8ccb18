/**
 * The claims board: the whole project's canonical claims, each with every article that
 * carries it. Filters and order on top; the list on the left (J/K move through it), the
 * claim in hand on the right; the match inbox and the timeline as tabs. Keyboard first:
 * the board's keys are commands (commands/, scope "board").
 */
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import type { SpanRef } from '../../../shared/model/claims.js';
import { plural } from '../../../shared/text/plural.js';
import type { ApiClient } from '../api/client.js';
import { BoardFilters } from './BoardFilters.js';
import { ClaimDetail } from './ClaimDetail.js';
import { ClaimList } from './ClaimList.js';
import { MatchInbox } from './MatchInbox.js';
import { TimelineView } from './TimelineView.js';
import type { BoardTab, ClaimsBoardState } from './use-claims-board.js';

interface Props {
  api: ApiClient;
  state: ClaimsBoardState;
  annotator: string | null;
  entities: readonly CanonicalEntity[];
  theme: 'light' | 'dark';
  onOpenMention: (ref: SpanRef) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}

const TABS: { id: BoardTab; label: string }[] = [
  { id: 'claims', label: 'Claims' },
  { id: 'inbox', label: 'Match inbox' },
  { id: 'timeline', label: 'Timeline' },
];

export function ClaimsBoard({ api, state, annotator, entities, theme, onOpenMention, onClose, onError }: Props) {
  const { board, cards, tab, setTab } = state;
  return (
    <section className="claims-board" aria-label="Claims board">
      <header className="board-header">
        <h1>Claims across articles</h1>
        <p className="muted small" aria-live="polite">
          {board ? `${plural(board.claims.length, 'canonical claim')} · ${plural(board.unlinked.length, 'claim span')} not linked yet` : 'Reading every layer…'}
        </p>
        <span className="spacer" />
        <div role="tablist" aria-label="Board views" className="tabs">
          {TABS.map((item) => (
            <button key={item.id} type="button" role="tab" id={`board-tab-${item.id}`} aria-selected={tab === item.id} aria-controls={`board-panel-${item.id}`} onClick={() => setTab(item.id)}>
              {item.label}
              {item.id === 'inbox' && board ? ` (${board.unlinked.length})` : ''}
            </button>
          ))}
        </div>
        <button type="button" onClick={onClose} title="Back to the article (Escape)">
          Close board
        </button>
      </header>
      {tab !== 'inbox' && <BoardFilters filter={state.filter} onChange={state.setFilter} entities={entities} shown={cards.length} total={board?.claims.length ?? 0} />}
      <div className="board-body" role="tabpanel" id={`board-panel-${tab}`} aria-labelledby={`board-tab-${tab}`}>
        {tab === 'claims' && (
          <>
            <ClaimList cards={cards} documents={board?.documents ?? {}} selectedId={state.selectedId} onSelect={state.setSelectedId} />
            {state.selected ? (
              <ClaimDetail key={state.selected.claim.id} card={state.selected} board={board} state={state} annotator={annotator} entities={entities} onOpenMention={onOpenMention} onError={onError} />
            ) : (
              <p className="empty">{cards.length ? 'Choose a claim (J and K move through the list).' : 'No canonical claim yet: link a claim span to one from its details, or accept a match in the inbox.'}</p>
            )}
          </>
        )}
        {tab === 'inbox' && <MatchInbox api={api} state={state} annotator={annotator} onOpenMention={onOpenMention} onError={onError} />}
        {tab === 'timeline' && board && <TimelineView cards={cards} documents={board.documents} theme={theme} />}
      </div>
    </section>
  );
}

/**
 * The claims board's state: the board as the service reads it, read again when
 * claims.json or any layer changes (this window's changes, a colleague's through git, the
 * CLI's), the filter, the claim in hand, and changes to claims sent as data
 * (shared/claims/changes.ts) in the analyst's name.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardFilter, ClaimCard, ClaimsBoard } from '../../../shared/claims/board.js';
import { filterBoard } from '../../../shared/claims/board.js';
import type { ClaimChange } from '../../../shared/claims/changes.js';
import type { ClaimLink } from '../../../shared/claims/links.js';
import type { ApiClient } from '../api/client.js';
import { DISK_POLL_MS } from '../annotate/use-disk-changes.js';

export type BoardTab = 'claims' | 'inbox' | 'timeline';

export function useClaimsBoard(api: ApiClient, annotator: string | null, open: boolean, onError: (error: unknown) => void) {
  const [board, setBoard] = useState<ClaimsBoard | null>(null);
  const [filter, setFilter] = useState<BoardFilter>({ sort: 'first-appearance' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<BoardTab>('claims');
  const [revision, setRevision] = useState(0);

  const reload = useCallback(async () => {
    const next = await api.call('getClaimsBoard', {});
    setBoard(next);
    setRevision((current) => current + 1);
    return next;
  }, [api]);

  // Read when opened, and again whenever something it shows changes on disk.
  const stamps = useRef<string | null>(null);
  useEffect(() => {
    if (!open) return undefined;
    let stopped = false;
    void reload().catch(onError);
    const timer = setInterval(() => {
      if (window.document.visibilityState !== 'visible') return;
      void api
        .call('getStamps', {})
        .then((next) => {
          const key = `${next.project}|${next.claims}|${Object.values(next.layers).join(',')}`;
          if (stopped) return;
          if (stamps.current !== null && stamps.current !== key) void reload().catch(() => undefined);
          stamps.current = key;
        })
        .catch(() => undefined);
    }, DISK_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [open, api, reload, onError]);

  const cards: ClaimCard[] = useMemo(() => (board ? filterBoard(board, filter) : []), [board, filter]);
  const selected = cards.find((card) => card.claim.id === selectedId) ?? board?.claims.find((card) => card.claim.id === selectedId) ?? null;

  /** Changes to claims.json, then the board read again; a refusal (a conflict) is shown and nothing changes. */
  const change = useCallback(
    async (changes: ClaimChange[]) => {
      if (!annotator) throw new Error('Say who you are first: changes to claims are signed with your name');
      await api.call('changeClaims', { annotator, changes });
      await reload();
    },
    [api, annotator, reload],
  );

  /** Links (or unlinks) claim spans of the analyst's own layers. */
  const link = useCallback(
    async (links: ClaimLink[]) => {
      if (!annotator) throw new Error('Say who you are first');
      const result = await api.call('linkClaimSpans', { annotator, links });
      await reload();
      return result;
    },
    [api, annotator, reload],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (cards.length === 0) return;
      const at = cards.findIndex((card) => card.claim.id === selectedId);
      const next = at === -1 ? (direction === 1 ? 0 : cards.length - 1) : Math.min(cards.length - 1, Math.max(0, at + direction));
      setSelectedId(cards[next]?.claim.id ?? null);
    },
    [cards, selectedId],
  );

  return { board, cards, filter, setFilter, selected, selectedId, setSelectedId, tab, setTab, change, link, reload, step, revision };
}

export type ClaimsBoardState = ReturnType<typeof useClaimsBoard>;

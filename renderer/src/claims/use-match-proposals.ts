/**
 * The match inbox's proposals: asked of the service when the inbox is shown and again
 * whenever the board was read again (a link, a dismissal, a colleague's change), so an
 * accepted or rejected proposal leaves and what it made possible arrives. Accept links
 * through acceptMatches (a new canonical claim when two spans restate each other); reject
 * is remembered in claims.json (a `dismiss` change) and never offered again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MatchProposal } from '../../../shared/claims/matching.js';
import type { ApiClient } from '../api/client.js';
import type { ClaimsBoardState } from './use-claims-board.js';

export function useMatchProposals(api: ApiClient, state: ClaimsBoardState, annotator: string | null, onError: (error: unknown) => void) {
  const [proposals, setProposals] = useState<MatchProposal[] | null>(null);
  const { revision, reload, change } = state;

  useEffect(() => {
    if (!annotator) return undefined;
    let stale = false;
    api
      .call('matchClaims', { annotator })
      .then((result) => {
        if (!stale) setProposals(result.proposals);
      })
      .catch(onError);
    return () => {
      stale = true;
    };
  }, [api, annotator, revision, onError]);

  const accept = useCallback(
    async (proposal: MatchProposal) => {
      if (!annotator) throw new Error('Say who you are first');
      const result = await api.call('acceptMatches', { annotator, proposals: [proposal] });
      await reload();
      return result;
    },
    [api, annotator, reload],
  );

  const reject = useCallback((proposal: MatchProposal) => change([{ kind: 'dismiss', span: proposal.span, with: proposal.target }]), [change]);

  return { proposals, accept, reject };
}

/**
 * The compare view's state for the open document: the comparison of layers A and B, each
 * difference's decision (read from the reviewed layer, which `opened` is while
 * reviewing), the difference in hand, stepping through the disagreements, and deciding.
 * The difference picked and each decision are said through the live region.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import { accept, acceptMatches, decisionsOf, reject, type Adjudication } from '../../../shared/review/adjudicate.js';
import { isDisagreement, type Difference } from '../../../shared/review/compare.js';
import type { DocumentSession } from '../annotate/use-document-session.js';
import type { ApiClient } from '../api/client.js';
import type { Announce } from '../ui/live-region.js';
import type { ReviewSetup } from '../annotate/review-setup.js';
import { describeDecision, describeDifference } from './review-announcements.js';
import { useComparison } from './use-comparison.js';

export function useAdjudication(api: ApiClient, documentId: string | null, review: ReviewSetup | null, opened: DocumentSession | null, revision: number, reveal: (span: Span) => void, announce: Announce) {
  const { loaded: compared, error } = useComparison(api, documentId, review, revision);
  const [current, setCurrent] = useState<number | null>(null);
  const differences = useMemo(() => compared?.comparison.differences ?? [], [compared]);
  const decisions = useMemo(() => (opened && review ? decisionsOf(differences, opened.layer, [review.a, review.b]) : []), [differences, opened, review]);
  const adjudication = useMemo((): Adjudication | null => (compared && review ? { compared: [review.a, review.b], spanIds: compared.spanIds, newId: () => `s_${crypto.randomUUID().slice(0, 8)}`, now: new Date() } : null), [compared, review]);

  /** Makes difference `i` the one in hand, and scrolls it into view. */
  const pick = useCallback(
    (i: number) => {
      setCurrent(i);
      const difference: Difference | undefined = differences[i];
      const span = difference?.a ?? difference?.b;
      if (difference && span) reveal({ ...span, start: difference.start, end: difference.end });
      if (difference && review) {
        const open = differences.flatMap((item, at) => (isDisagreement(item) ? [at] : []));
        const at = open.indexOf(i);
        announce(describeDifference(difference, review, at >= 0 ? { at: at + 1, of: open.length } : null));
      }
    },
    [differences, reveal, review, announce],
  );

  /** The next or previous disagreement (matches are skipped), wrapping around. */
  const step = useCallback(
    (direction: 1 | -1) => {
      const open = differences.flatMap((difference, i) => (isDisagreement(difference) ? [i] : []));
      const from = current ?? (direction === 1 ? -1 : differences.length);
      const next = direction === 1 ? (open.find((i) => i > from) ?? open[0]) : ([...open].reverse().find((i) => i < from) ?? open[open.length - 1]);
      if (next !== undefined) pick(next);
    },
    [differences, current, pick],
  );

  const decide = useCallback(
    (choice: 'a' | 'b' | 'reject') => {
      const difference = current === null ? undefined : differences[current];
      if (!difference || !opened || !adjudication) return;
      opened.apply((layer) => (choice === 'reject' ? reject(difference, layer, adjudication.compared) : accept(difference, choice, layer, adjudication)));
      // Accepting a side that has no span here changes nothing: say so rather than "accepted".
      const missing = (choice === 'a' && !difference.a) || (choice === 'b' && !difference.b);
      announce(missing ? `${choice.toUpperCase()} has no span here to accept` : describeDecision(choice, difference));
    },
    [current, differences, opened, adjudication, announce],
  );

  const acceptAllMatches = useCallback(() => {
    if (opened && adjudication) opened.apply((layer) => acceptMatches(differences, layer, adjudication));
  }, [opened, adjudication, differences]);

  return { compared, error, decisions, current, setCurrent, pick, step, decide, acceptAllMatches };
}

/**
 * The review under way (started and closed in annotate/use-open-document.ts): the
 * comparison and decisions (use-adjudication.ts), and the differences as spans of their
 * classes, for the article to draw.
 */
import { useMemo } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import type { DocumentSession } from '../annotate/use-document-session.js';
import type { ApiClient } from '../api/client.js';
import type { Announce } from '../ui/live-region.js';
import { differenceSpans } from './review-classes.js';
import { useAdjudication } from './use-adjudication.js';
import type { ReviewSetup } from '../annotate/review-setup.js';

export function useReview(api: ApiClient, documentId: string | null, setup: ReviewSetup | null, opened: DocumentSession | null, revision: number, reveal: (span: Span) => void, announce: Announce) {
  const adjudicating = useAdjudication(api, documentId, setup, opened, revision, reveal, announce);
  const { compared, decisions } = adjudicating;
  /** The differences as spans of their classes, for the article; null when not reviewing. */
  const spans = useMemo(() => (compared && setup ? differenceSpans(compared.comparison.differences, decisions) : null), [compared, setup, decisions]);
  return { ...adjudicating, spans };
}

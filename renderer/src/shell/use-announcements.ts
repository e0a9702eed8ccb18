/**
 * The window's live region (ui/live-region.tsx) wired to what happens away from the
 * keys: saving and its failures, a merge or sync notice, the suggestion in hand. (Tagging
 * and the review say their own news: they are given `announce` themselves.) A new
 * document starts with nothing said.
 */
import { useEffect } from 'react';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { Suggestion } from '../../../shared/suggest/suggestion.js';
import type { SaveStatus } from '../annotate/autosave.js';
import { useSaveAnnouncements } from '../annotate/use-save-announcements.js';
import { useSuggestionAnnouncements } from '../suggest/use-suggestion-announcements.js';
import type { useAnnouncer } from '../ui/live-region.js';

export { useAnnouncer } from '../ui/live-region.js';

interface Sources {
  documentId: string | null;
  saveStatus: SaveStatus;
  /** News shown as toasts: a merge after a save conflict, a sync. */
  notices: readonly (string | null)[];
  suggestions: { suggestions: readonly Suggestion[] | null; current: number | null };
  labels: readonly LabelDef[];
}

export function useAnnouncements(announcer: ReturnType<typeof useAnnouncer>, { documentId, saveStatus, notices, suggestions, labels }: Sources): void {
  const { announce, clear } = announcer;
  useSaveAnnouncements(saveStatus, notices, announce);
  useSuggestionAnnouncements(suggestions.suggestions, suggestions.current, labels, announce);
  useEffect(() => clear(), [documentId, clear]);
}

/**
 * Says through the live region what saving does behind the analyst's back: a save that
 * failed (once, when it starts failing: the retries that follow are not news), saving
 * working again, another window's spans merged in after a save conflict, and a sync's news.
 */
import { useEffect, useRef } from 'react';
import type { Announce } from '../ui/live-region.js';
import type { SaveStatus } from './autosave.js';

/** `notices`: news shown as toasts (a merge, a sync), each said when it appears or changes. */
export function useSaveAnnouncements(saveStatus: SaveStatus, notices: readonly (string | null)[], announce: Announce): void {
  const failing = useRef(false);
  useEffect(() => {
    if (saveStatus.state === 'failed' && !failing.current) announce(`Not saved: ${saveStatus.message}. Your changes are kept and saving is retried.`);
    else if (saveStatus.state === 'saved' && failing.current) announce('Saved again: all changes are on disk.');
    if (saveStatus.state === 'failed') failing.current = true;
    else if (saveStatus.state === 'saved') failing.current = false;
  }, [saveStatus, announce]);

  // Compared with the last render's by hand: the list is a new array every time.
  const said = useRef<readonly (string | null)[]>([]);
  useEffect(() => {
    notices.forEach((notice, i) => {
      if (notice && notice !== said.current[i]) announce(notice);
    });
    said.current = notices;
  });
}

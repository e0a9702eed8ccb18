/**
 * Says through the live region what saving does behind the analyst's back: a save that
 * failed (once, when it starts failing: the retries that follow are not news), saving
 * working again, and another window's spans merged in after a save conflict.
 */
import { useEffect, useRef } from 'react';
import type { Announce } from '../ui/live-region.js';
import type { SaveStatus } from './autosave.js';

export function useSaveAnnouncements(saveStatus: SaveStatus, mergeNotice: string | null, announce: Announce): void {
  const failing = useRef(false);
  useEffect(() => {
    if (saveStatus.state === 'failed' && !failing.current) announce(`Not saved: ${saveStatus.message}. Your changes are kept and saving is retried.`);
    else if (saveStatus.state === 'saved' && failing.current) announce('Saved again: all changes are on disk.');
    if (saveStatus.state === 'failed') failing.current = true;
    else if (saveStatus.state === 'saved') failing.current = false;
  }, [saveStatus, announce]);

  useEffect(() => {
    if (mergeNotice) announce(mergeNotice);
  }, [mergeNotice, announce]);
}

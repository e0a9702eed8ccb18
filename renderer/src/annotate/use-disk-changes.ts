/**
 * Notices files that change on disk behind the app's back — a colleague's layers after a
 * git pull, a shared drive syncing — by asking for the project's fingerprints every
 * moment while the window is visible (a few stats on the other side, no file reads).
 */
import { useEffect, useRef } from 'react';
import type { Stamps } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';

export const DISK_POLL_MS = 1500;

export function useDiskChanges(api: ApiClient, active: boolean, documentId: string | null, onChange: (stamps: Stamps, projectChanged: boolean) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (!active) return undefined;
    let last: string | null = null;
    let stopped = false;
    const poll = async () => {
      if (stopped || window.document.visibilityState !== 'visible') return;
      try {
        const stamps = await api.call('getStamps', documentId ? { documentId } : {});
        if (stopped) return;
        callback.current(stamps, last !== null && stamps.project !== last);
        last = stamps.project;
      } catch {
        // The next poll tries again; a project being switched is not an error to show.
      }
    };
    // The first look waits a moment: opening a document has its own requests to make first.
    const timer = setInterval(() => void poll(), DISK_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, active, documentId]);
}

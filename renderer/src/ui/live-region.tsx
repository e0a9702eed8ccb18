/**
 * The window's one voice for screen readers: a polite live region (in the status bar)
 * that says what just happened — the span moved to, what a tag, undo or review decision
 * did, a save that failed, a merge with another window's save. Sighted people read the
 * same line. Each announcement is a new element, so saying the same words twice (J on
 * the only span) is heard twice: a live region reads changes, and equal text is none.
 */
import { useCallback, useMemo, useRef, useState } from 'react';

export interface Announcement {
  text: string;
  /** Counts up with every announcement. */
  id: number;
}

export type Announce = (text: string) => void;

export function useAnnouncer(): { announcement: Announcement | null; announce: Announce; clear: () => void } {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const count = useRef(0);
  const announce = useCallback((text: string) => setAnnouncement({ text, id: ++count.current }), []);
  const clear = useCallback(() => setAnnouncement(null), []);
  return useMemo(() => ({ announcement, announce, clear }), [announcement, announce, clear]);
}

/** The region itself: present from the start (a live region added with its text is often not read). */
export function LiveRegion({ announcement }: { announcement: Announcement | null }) {
  return (
    <span className="announcement" role="status" data-testid="announcement">
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </span>
  );
}

/** A span's words, cut to a length a screen reader reads in a breath. */
export function spokenQuote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

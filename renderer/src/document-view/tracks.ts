/**
 * Which track each span's underline runs on, so that nested and crossing spans stay
 * apart: the outermost span of a stack on track 0, just under the text, and each span
 * that starts inside another one track lower (INCEpTION and brat stack their marks for
 * the same reason). A span takes the first track free where it starts.
 *
 * And which spans' marks must be drawn again when the list changes (changedSpans): a tag
 * in a 10,000-span article has to reach the screen within a frame or two, so the two
 * lists are walked side by side, once, comparing objects (a layer keeps an unchanged
 * span's object) rather than building maps of every span.
 */
import type { Span } from '../../../shared/model/annotations.js';
import { compareSpans } from '../../../shared/model/spans.js';

/** The track of each span of `spans` (in text order: by start, the longer first), by position. */
export function spanTracks(spans: readonly Pick<Span, 'start' | 'end'>[]): Uint8Array {
  // Deeper than 255 tracks is drawn on the last one anyway (span-marks.ts draws four).
  const tracks = new Uint8Array(spans.length);
  /** Where the span on each track ends (a free track ends at or before the next start). */
  const ends: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Pick<Span, 'start' | 'end'>;
    let track = 0;
    while (track < ends.length && (ends[track] as number) > span.start) track++;
    ends[track] = span.end;
    tracks[i] = Math.min(track, 255);
  }
  return tracks;
}

export interface Drawing {
  /** In text order (compareSpans). */
  spans: readonly Span[];
  /** spanTracks(spans). */
  tracks: Uint8Array;
}

/**
 * The spans whose marks differ between two drawings: every span added, removed or
 * changed (label, extent) in either version, and every span whose track moved. Both in
 * text order, so a span kept as it was sits at the same place in the walk.
 */
export function changedSpans(before: Drawing, after: Drawing): Span[] {
  const changed: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < before.spans.length || j < after.spans.length) {
    const old = before.spans[i];
    const now = after.spans[j];
    if (old === undefined) {
      changed.push(now as Span);
      j++;
      continue;
    }
    if (now === undefined) {
      changed.push(old);
      i++;
      continue;
    }
    const order = old === now ? 0 : compareSpans(old, now);
    if (order < 0) {
      changed.push(old); // gone, or moved later
      i++;
    } else if (order > 0) {
      changed.push(now); // new, or moved here
      j++;
    } else {
      // The same id and extent: drawn again if its label or its track differs.
      if ((old !== now && old.label !== now.label) || before.tracks[i] !== after.tracks[j]) changed.push(now);
      i++;
      j++;
    }
  }
  return changed;
}

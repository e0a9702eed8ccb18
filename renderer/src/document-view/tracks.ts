/**
 * Which track each span's underline runs on, so that nested and crossing spans stay
 * apart: the outermost span of a stack on track 0, just under the text, and each span
 * that starts inside another one track lower (INCEpTION and brat stack their marks for
 * the same reason). A span takes the first track free where it starts.
 */
import type { Span } from '../../../shared/model/annotations.js';

/** `spans` in text order (by start, the longer first), as the layer keeps them. */
export function spanTracks(spans: readonly Pick<Span, 'id' | 'start' | 'end'>[]): Map<string, number> {
  const tracks = new Map<string, number>();
  /** Where the span on each track ends (a free track ends at or before the next start). */
  const ends: number[] = [];
  for (const span of spans) {
    let track = ends.findIndex((end) => end <= span.start);
    if (track < 0) track = ends.length;
    ends[track] = span.end;
    tracks.set(span.id, track);
  }
  return tracks;
}

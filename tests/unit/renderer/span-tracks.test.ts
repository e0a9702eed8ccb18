/**
 * The tracks span underlines run on, and the spans whose marks a change of the list
 * makes stale (document-view/tracks.ts): checked against the definitions, written the
 * slow and obvious way, over random layers and random edits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/model/annotations.js';
import { compareSpans, insertSpan } from '../../../shared/model/spans.js';
import { changedSpans, spanTracks } from '../../../renderer/src/document-view/tracks.js';

const LABELS = ['claim', 'entity', 'date'];
const span = (id: string, start: number, length: number, label: string): Span => ({
  id,
  label,
  start,
  end: start + length,
  quote: { exact: 'x', prefix: '', suffix: '' },
  attributes: {},
  createdAt: '2026-12-06T00:00:00.000Z',
  updatedAt: '2026-12-06T00:00:00.000Z',
});
const arbSpans = fc
  .array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...LABELS)), { maxLength: 60 })
  .map((rows) => rows.map(([start, length, label], i) => span(`s_${i}`, start, length, label)).sort(compareSpans));
const overlap = (a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>) => a.start < b.end && b.start < a.end;

describe('spanTracks', () => {
  it('never puts two overlapping spans on one track, and puts each span on the first track free where it starts', () => {
    fc.assert(
      fc.property(arbSpans, (spans) => {
        const tracks = spanTracks(spans);
        spans.forEach((a, i) => {
          const earlier = spans.slice(0, i);
          for (const [j, b] of earlier.entries()) if (tracks[j] === tracks[i]) expect(overlap(a, b)).toBe(false);
          // Every track above its own is taken, at its start, by an earlier span still running there.
          for (let t = 0; t < (tracks[i] as number); t++) expect(earlier.some((b, j) => tracks[j] === t && b.end > a.start)).toBe(true);
        });
      }),
    );
  });

  it('stacks a nested span under its container and a crossing one under the span it crosses', () => {
    expect([...spanTracks([span('a', 0, 20, 'claim'), span('b', 5, 5, 'entity'), span('c', 12, 3, 'date')])]).toEqual([0, 1, 1]);
    expect([...spanTracks([span('a', 0, 10, 'entity'), span('b', 5, 10, 'entity'), span('c', 12, 3, 'date')])]).toEqual([0, 1, 0]);
  });
});

describe('changedSpans', () => {
  /** Edits as the app makes them: a new list, unchanged spans keep their objects. */
  const arbEdit = (spans: Span[]) =>
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('add' as const), start: fc.nat(200), length: fc.integer({ min: 1, max: 40 }), label: fc.constantFrom(...LABELS) }),
        fc.record({ kind: fc.constantFrom('remove' as const, 'relabel' as const, 'move' as const), at: fc.nat(Math.max(0, spans.length - 1)), label: fc.constantFrom(...LABELS), by: fc.integer({ min: -5, max: 5 }) }),
      ),
      { maxLength: 5 },
    );
  const apply = (spans: readonly Span[], edits: ReturnType<typeof arbEdit> extends fc.Arbitrary<infer T> ? T : never): Span[] => {
    let next = [...spans];
    edits.forEach((edit, n) => {
      if (edit.kind === 'add') next = insertSpan(next, span(`new_${n}`, edit.start, edit.length, edit.label));
      else if (next[edit.at]) {
        const old = next[edit.at] as Span;
        next.splice(edit.at, 1);
        if (edit.kind === 'relabel') next = insertSpan(next, { ...old, label: edit.label });
        if (edit.kind === 'move') next = insertSpan(next, { ...old, start: Math.max(0, old.start + edit.by), end: Math.max(0, old.start + edit.by) + (old.end - old.start) });
      }
    });
    return next;
  };

  it('names every span whose marks differ (in either version), and no other', () => {
    fc.assert(
      fc.property(
        arbSpans.chain((spans) => fc.tuple(fc.constant(spans), arbEdit(spans))),
        ([before, edits]) => {
          const after = apply(before, edits);
          const oldTracks = spanTracks(before);
          const newTracks = spanTracks(after);
          const changed = changedSpans({ spans: before, tracks: oldTracks }, { spans: after, tracks: newTracks });
          // By the definition: an id is stale when it is in one list only, or its label, extent or track differs.
          const drawnAs = (spans: readonly Span[], tracks: Uint8Array) => new Map(spans.map((s, i) => [s.id, `${s.label} ${s.start}-${s.end} on ${tracks[i]}`]));
          const was = drawnAs(before, oldTracks);
          const now = drawnAs(after, newTracks);
          const stale = new Set([...was.keys(), ...now.keys()].filter((id) => was.get(id) !== now.get(id)));
          expect(new Set(changed.map((s) => s.id))).toEqual(stale);
          // And both versions of a span that moved, so both places are drawn again.
          const extent = (spans: readonly Span[], id: string) => spans.find((s) => s.id === id)?.start + '-' + spans.find((s) => s.id === id)?.end;
          for (const s of [...before, ...after]) if (extent(before, s.id) !== extent(after, s.id)) expect(changed).toContain(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names nothing when the list is the same', () => {
    const spans = [span('a', 0, 20, 'claim'), span('b', 5, 5, 'entity')];
    expect(changedSpans({ spans, tracks: spanTracks(spans) }, { spans: [...spans], tracks: spanTracks(spans) })).toEqual([]);
  });
});

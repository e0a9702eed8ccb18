import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/model/annotations.js';
import { mergeLayers, rebaseOnto, sameValue, type LayerContent } from '../../../shared/model/layer-merge.js';
import { compareSpans } from '../../../shared/model/spans.js';
import { bareSpan } from '../../helpers/spans.js';

const layer = (spans: Span[], extra: Partial<LayerContent> = {}): LayerContent => ({ spans: [...spans].sort(compareSpans), relations: [], status: 'in-progress', ...extra });
const at = (minute: number) => `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`;
const edited = (span: Span, note: string, minute: number): Span => ({ ...span, note, updatedAt: at(minute) });
const ids = (content: LayerContent) => content.spans.map((span) => span.id).sort();

/** One side's edits of a base layer: spans added, removed and changed, by id. */
interface Edits {
  add: number;
  remove: number[];
  change: { index: number; minute: number }[];
}

const edits = (size: number) =>
  fc.record({
    add: fc.nat({ max: 4 }),
    remove: fc.uniqueArray(fc.nat({ max: size - 1 }), { maxLength: size }),
    change: fc.uniqueArray(fc.record({ index: fc.nat({ max: size - 1 }), minute: fc.integer({ min: 1, max: 59 }) }), { selector: (change) => change.index, maxLength: size }),
  });

function applyEdits(base: Span[], side: string, plan: Edits): Span[] {
  const removed = new Set(plan.remove.map((i) => base[i]?.id));
  const changed = new Map(plan.change.map((change) => [base[change.index]?.id, change.minute]));
  const kept = base.filter((span) => !removed.has(span.id)).map((span) => (changed.has(span.id) ? edited(span, `${side} note`, changed.get(span.id) ?? 0) : span));
  const added = Array.from({ length: plan.add }, (_, i) => bareSpan(`${side}_${i}`, 'entity', 100 + i, 101 + i));
  return [...kept, ...added];
}

describe('three-way merge of a layer', () => {
  const base = Array.from({ length: 6 }, (_, i) => bareSpan(`s${i}`, 'claim', i * 10, i * 10 + 5));

  it('keeps every change of either side, and on a clash keeps the change over the deletion and the newer over the older', () => {
    fc.assert(
      fc.property(edits(base.length), edits(base.length), (minePlan, theirsPlan) => {
        const mine = applyEdits(base, 'mine', minePlan);
        const theirs = applyEdits(base, 'theirs', theirsPlan);
        const { merged, report } = mergeLayers(layer(base), layer(mine), layer(theirs));
        const result = new Map(merged.spans.map((span) => [span.id, span]));
        // Nothing added on either side is lost.
        for (const span of [...mine, ...theirs]) if (!base.some((b) => b.id === span.id)) expect(result.get(span.id)).toBe(span);
        for (const original of base) {
          const m = mine.find((span) => span.id === original.id);
          const t = theirs.find((span) => span.id === original.id);
          const mineChanged = m !== undefined && m !== original;
          const theirsChanged = t !== undefined && t !== original;
          const got = result.get(original.id);
          if (!m && !t) expect(got).toBeUndefined();
          else if (!m && !theirsChanged) expect(got).toBeUndefined(); // I deleted, they left it
          else if (!t && !mineChanged) expect(got).toBeUndefined(); // they deleted, I left it
          else if (!m) expect(got).toBe(t); // I deleted what they changed: their change is kept
          else if (!t) expect(got).toBe(m);
          else if (mineChanged && theirsChanged) expect(got).toBe(t.updatedAt > m.updatedAt ? t : m);
          else expect(got).toBe(mineChanged ? m : t);
        }
        expect(merged.spans).toEqual([...merged.spans].sort(compareSpans));
        // Every clash is reported.
        const clashes = base.filter((original) => {
          const m = mine.find((span) => span.id === original.id);
          const t = theirs.find((span) => span.id === original.id);
          return m !== original && t !== original && !(m === undefined && t === undefined);
        });
        expect(report.conflicts.map((conflict) => conflict.id).sort()).toEqual(clashes.map((span) => span.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('is mine when they changed nothing, and theirs when I changed nothing', () => {
    fc.assert(
      fc.property(edits(base.length), (plan) => {
        const changed = layer(applyEdits(base, 'x', plan));
        expect(sameValue(mergeLayers(layer(base), changed, layer(base)).merged, changed)).toBe(true);
        expect(sameValue(mergeLayers(layer(base), layer(base), changed).merged, changed)).toBe(true);
      }),
    );
  });

  it('counts my changes, and compares spans whatever the order of their keys', () => {
    const reordered = Object.fromEntries(Object.entries(base[0]!).reverse()) as Span;
    const mine = layer([reordered, ...base.slice(1, 5), bareSpan('new', 'date', 70, 72)]);
    const theirs = layer(base.map((span) => ({ ...span, attributes: { ...span.attributes } })));
    const { merged, report } = mergeLayers(layer(base), mine, theirs);
    expect(ids(merged)).toEqual(['new', 's0', 's1', 's2', 's3', 's4']);
    expect(report).toEqual({ mine: 2, theirs: 0, conflicts: [] }); // one added, one deleted
  });

  it('brings back a span deleted on one side that a span of the other points at', () => {
    const person = bareSpan('p', 'entity', 0, 4);
    const claim = bareSpan('c', 'claim', 10, 20);
    const mine = layer([person, { ...claim, attributes: { claimant: 'p' }, updatedAt: at(5) }]);
    const theirs = layer([claim]);
    const { merged, report } = mergeLayers(layer([person, claim]), mine, theirs);
    expect(ids(merged)).toEqual(['c', 'p']);
    expect(report.conflicts).toEqual([{ kind: 'span', id: 'p', kept: 'restored', reason: 'deleted, but span c points at it; kept' }]);
  });

  it('drops relations whose spans are gone, and merges status and turned-down suggestions', () => {
    const [a, b, c] = base;
    const relation = { id: 'r1', type: 'supports', from: a!.id, to: b!.id };
    const start = layer([a!, b!, c!], { relations: [relation], rejectedSuggestions: [{ label: 'date', start: 1, end: 2 }] });
    const mine = { ...start, status: 'done' as const, rejectedSuggestions: [...(start.rejectedSuggestions ?? []), { label: 'date', start: 5, end: 6 }] };
    const theirs = { ...start, spans: [a!, c!], relations: [], rejectedSuggestions: [] };
    const { merged } = mergeLayers(start, mine, theirs);
    expect(merged.relations).toEqual([]);
    expect(merged.status).toBe('done');
    expect(merged.rejectedSuggestions).toEqual([{ label: 'date', start: 5, end: 6 }]);
  });

  it('rebases many states onto one disk version with the same result as merging each', () => {
    const theirs = layer([...base.slice(1), bareSpan('t', 'date', 90, 91)]);
    const onto = rebaseOnto(layer(base), theirs);
    const states = [layer(base), layer([...base, bareSpan('m', 'date', 80, 81)]), layer([edited(base[0]!, 'here', 9)])];
    for (const state of states) expect(onto(state)).toEqual(mergeLayers(layer(base), state, theirs));
  });
});

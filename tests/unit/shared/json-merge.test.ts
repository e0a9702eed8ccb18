import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeJson, valueAt, type Json, type JsonObject } from '../../../shared/merge/json-merge.js';

/** A registry like entities.json: items by id, each with a few fields and a set of aliases. */
interface Item {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}
const base: Item[] = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, name: `Entity ${i}`, kind: 'person', aliases: [`E${i}`] }));

/** One side's edits: fields set, items removed, items added, aliases added and removed. */
const edits = fc.record({
  set: fc.array(fc.record({ item: fc.nat({ max: 4 }), field: fc.constantFrom('name', 'kind'), value: fc.constantFrom('A', 'B', 'C') }), { maxLength: 4 }),
  remove: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 2 }),
  add: fc.uniqueArray(fc.constantFrom('n1', 'n2', 'n3'), { maxLength: 2 }),
  alias: fc.array(fc.record({ item: fc.nat({ max: 4 }), add: fc.constantFrom('X', 'Y'), drop: fc.boolean() }), { maxLength: 3 }),
});
type Edits = typeof edits extends fc.Arbitrary<infer T> ? T : never;

function apply(items: Item[], plan: Edits, side: string): Item[] {
  let next = items.map((item) => ({ ...item, aliases: [...item.aliases] }));
  for (const { item, field, value } of plan.set) {
    const target = next[item];
    if (target) target[field] = `${value}-${side}`;
  }
  for (const { item, add, drop } of plan.alias) {
    const target = next[item];
    if (!target) continue;
    if (drop) target.aliases = target.aliases.filter((alias) => alias !== `E${item}`);
    if (!target.aliases.includes(add)) target.aliases.push(add);
  }
  const removed = new Set(plan.remove.map((i) => `e${i}`));
  next = next.filter((item) => !removed.has(item.id) || JSON.stringify(item) !== JSON.stringify(base.find((b) => b.id === item.id)));
  for (const id of plan.add) next.push({ id, name: `new ${id}`, kind: side, aliases: [] });
  return next;
}

const asJson = (items: Item[]): Json => ({ format: 'x', entities: items as unknown as Json[] });
const item = (value: Json | undefined, id: string) => valueAt(value, ['entities', { id }]) as JsonObject | undefined;

describe('three-way JSON merge', () => {
  it('is the identity where only one side changed, and takes a change made on both sides alike', () => {
    fc.assert(
      fc.property(edits, (plan) => {
        const changed = asJson(apply(base, plan, 'a'));
        expect(mergeJson(asJson(base), asJson(base), changed).value).toEqual(changed);
        expect(mergeJson(asJson(base), changed, asJson(base)).value).toEqual(changed);
        expect(mergeJson(asJson(base), changed, changed).value).toEqual(changed);
      }),
    );
  });

  it('keeps every change made on one side, reports exactly the fields changed two ways, and never leaves a hole', () => {
    fc.assert(
      fc.property(edits, edits, (oursPlan, theirsPlan) => {
        const ours = asJson(apply(base, oursPlan, 'ours'));
        const theirs = asJson(apply(base, theirsPlan, 'theirs'));
        const { value, conflicts } = mergeJson(asJson(base), ours, theirs);
        // JSON through and through: nothing undefined inside.
        expect(JSON.parse(JSON.stringify(value))).toEqual(value);
        const ids = new Set([...base, ...apply(base, oursPlan, 'ours'), ...apply(base, theirsPlan, 'theirs')].map((entity) => entity.id));
        for (const id of ids) {
          const [b, o, t, m] = [item(asJson(base), id), item(ours, id), item(theirs, id), item(value, id)];
          if (!o && !t) {
            expect(m).toBeUndefined();
            continue;
          }
          // Deleted on one side: gone if the other left it alone, else kept as changed.
          if (!o || !t) {
            const left = (o ?? t) as JsonObject;
            if (b && JSON.stringify(left) === JSON.stringify(b)) expect(m).toBeUndefined();
            else expect(m).toEqual(left);
            continue;
          }
          for (const field of ['name', 'kind'] as const) {
            const [bv, ov, tv, mv] = [b?.[field], o[field], t[field], m?.[field]];
            const clash = ov !== tv && ov !== bv && tv !== bv;
            const reported = conflicts.some((conflict) => JSON.stringify(conflict.path) === JSON.stringify(['entities', { id }, field]));
            expect(reported).toBe(clash);
            expect(mv).toBe(clash ? ov : ov !== bv ? ov : tv);
          }
          // Aliases as a set: each side's additions are in, each side's removals out.
          const aliases = new Set(m?.aliases as string[]);
          for (const alias of [...(o.aliases as string[]), ...(t.aliases as string[])]) {
            const removed = (b?.aliases as string[] | undefined)?.includes(alias) && (!(o.aliases as string[]).includes(alias) || !(t.aliases as string[]).includes(alias));
            expect(aliases.has(alias)).toBe(!removed);
          }
        }
      }),
    );
  });

  it('gives theirs or ours at a conflict as resolved, and the same either way round', () => {
    fc.assert(
      fc.property(edits, edits, (oursPlan, theirsPlan) => {
        const ours = asJson(apply(base, oursPlan, 'ours'));
        const theirs = asJson(apply(base, theirsPlan, 'theirs'));
        const forward = mergeJson(asJson(base), ours, theirs, { resolve: () => 'theirs' });
        const backward = mergeJson(asJson(base), theirs, ours, { resolve: () => 'ours' });
        expect(forward.conflicts).toEqual([]);
        const byId = (value: Json | undefined) => Object.fromEntries(((valueAt(value, ['entities']) ?? []) as JsonObject[]).map((entity) => [entity.id as string, { ...entity, aliases: [...(entity.aliases as string[])].sort() }]));
        expect(byId(forward.value)).toEqual(byId(backward.value));
        for (const conflict of forward.resolved) expect(valueAt(forward.value, conflict.path)).toEqual(conflict.theirs);
      }),
    );
  });

  it('reports a deleted field changed on the other side as a conflict, and an item as kept', () => {
    const b = { items: [{ id: 'a', note: 'x', name: 'A' }] };
    const o = { items: [{ id: 'a', name: 'A' }] };
    const t = { items: [{ id: 'a', note: 'y', name: 'A' }] };
    const result = mergeJson(b, o, t);
    expect(result.conflicts).toEqual([{ path: ['items', { id: 'a' }, 'note'], base: 'x', ours: undefined, theirs: 'y' }]);
    const kept = mergeJson(b, { items: [] }, t);
    expect(kept.value).toEqual(t);
    expect(kept.kept).toEqual([{ path: ['items', { id: 'a' }], kept: 'theirs' }]);
  });

  it('puts items the other side added after the item they follow there', () => {
    const b = { list: [{ id: 'a' }, { id: 'b' }] };
    const o = { list: [{ id: 'a' }, { id: 'b' }, { id: 'o' }] };
    const t = { list: [{ id: 't0' }, { id: 'a' }, { id: 't1' }, { id: 'b' }] };
    expect((mergeJson(b, o, t).value as { list: { id: string }[] }).list.map((entry) => entry.id)).toEqual(['t0', 'a', 't1', 'b', 'o']);
  });
});

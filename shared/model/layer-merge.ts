/**
 * Three-way merge of one annotator's layer, by span and relation id: what a window
 * changed since the version it read (base → mine) is applied on top of the version on
 * disk now (theirs), when another window or program saved the layer in between. A save
 * conflict in the app and, later, a git sync both end here.
 *
 * The rule for an item both sides changed: never lose work. A span changed on one side
 * and deleted on the other is kept as changed; a span changed differently on both keeps
 * the newer change (by `updatedAt`, this window's on a tie). Each such case is reported,
 * so the person can be told.
 */
import type { LayerStatus, Relation, ReviewRecord, Span } from './annotations.js';
import { compareSpans } from './spans.js';

/** What a layer holds that people edit: the part of an annotation file a merge is about. */
export interface LayerContent {
  spans: Span[];
  relations: Relation[];
  status: LayerStatus;
  /** Only in a reviewed layer: which layers it reviews, and what was turned down. */
  review?: ReviewRecord;
  /** Suggestions turned down, so they are not offered again. */
  rejectedSuggestions?: { label: string; start: number; end: number }[];
}

/** An item both sides changed, and which version was kept. */
export interface MergeConflict {
  kind: 'span' | 'relation';
  id: string;
  /** Which side's version was kept; restored: deleted, but brought back because a kept span points at it. */
  kept: 'mine' | 'theirs' | 'restored';
  /** Why, for a person: "changed in both; the newer change is kept". */
  reason: string;
}

export interface MergeReport {
  /** How many of my changes (spans and relations added, changed or removed, status) were carried over. */
  mine: number;
  /** How many of theirs were taken in. */
  theirs: number;
  conflicts: MergeConflict[];
}

export function mergeLayers(base: LayerContent, mine: LayerContent, theirs: LayerContent): { merged: LayerContent; report: MergeReport } {
  return rebaseOnto(base, theirs)(mine);
}

/**
 * The merge with its base and theirs fixed, for many "mine"s: a window rebases each step
 * of its undo history, so what theirs changed is worked out once, and an item this side
 * left alone is the base's own object (compared by reference, not in depth).
 */
export function rebaseOnto(base: LayerContent, theirs: LayerContent): (mine: LayerContent) => { merged: LayerContent; report: MergeReport } {
  const spanSides = sides(base.spans, theirs.spans);
  const relationSides = sides(base.relations, theirs.relations);
  return (mine) => {
    const report: MergeReport = { mine: 0, theirs: 0, conflicts: [] };
    const spans = mergeById(spanSides, mine.spans, 'span', report, newerSpan);
    keepReferencedSpans(spans, [mine.spans, theirs.spans, base.spans], report);
    const relations = [...mergeById(relationSides, mine.relations, 'relation', report, () => 'mine').values()].filter((relation) => spans.has(relation.from) && spans.has(relation.to));
    const status = pick(base.status, mine.status, theirs.status, report);
    const review = pick(base.review, mine.review, theirs.review, report);
    const rejectedSuggestions = mergeSets(base.rejectedSuggestions, mine.rejectedSuggestions, theirs.rejectedSuggestions, (item) => `${item.label}\u0000${item.start}\u0000${item.end}`);
    const merged: LayerContent = {
      spans: [...spans.values()].sort(compareSpans),
      relations,
      status,
      ...(review ? { review } : {}),
      ...(rejectedSuggestions ? { rejectedSuggestions } : {}),
    };
    return { merged, report };
  };
}

type Side = 'mine' | 'theirs';

function newerSpan(mine: Span, theirs: Span): Side {
  return theirs.updatedAt > mine.updatedAt ? 'theirs' : 'mine';
}

/** The base's and theirs' items by id, and the ids theirs added, changed or removed. */
interface Sides<T> {
  base: Map<string, T>;
  theirs: Map<string, T>;
  theirsChanged: Set<string>;
}

function sides<T extends { id: string }>(base: readonly T[], theirs: readonly T[]): Sides<T> {
  const b = new Map(base.map((item) => [item.id, item]));
  const t = new Map(theirs.map((item) => [item.id, item]));
  const theirsChanged = new Set<string>();
  for (const id of new Set([...b.keys(), ...t.keys()])) if (!sameValue(b.get(id), t.get(id))) theirsChanged.add(id);
  return { base: b, theirs: t, theirsChanged };
}

/** Items by id: mine in their order, then what theirs added. */
function mergeById<T extends { id: string }>(sides: Sides<T>, mine: readonly T[], kind: MergeConflict['kind'], report: MergeReport, newer: (mine: T, theirs: T) => Side): Map<string, T> {
  const merged = new Map<string, T>();
  const mineIds = new Set<string>();
  const resolve = (id: string, was: T | undefined, mineNow: T | undefined, theirsNow: T | undefined) => {
    let kept: T | undefined;
    if (sameValue(was, mineNow)) {
      kept = theirsNow;
      report.theirs++;
    } else if (sameValue(mineNow, theirsNow)) {
      kept = mineNow;
    } else if (mineNow === undefined || theirsNow === undefined) {
      // Deleted on one side, changed on the other: the change is work, keep it.
      const side: Side = mineNow === undefined ? 'theirs' : 'mine';
      kept = mineNow ?? theirsNow;
      report.conflicts.push({ kind, id, kept: side, reason: side === 'mine' ? 'changed here, deleted in the other window; kept' : 'deleted here, changed in the other window; kept' });
    } else {
      const side = newer(mineNow, theirsNow);
      kept = side === 'mine' ? mineNow : theirsNow;
      report.conflicts.push({ kind, id, kept: side, reason: `changed in both; ${side === 'mine' ? 'this' : 'the other'} window's newer change is kept` });
    }
    if (kept !== undefined) merged.set(id, kept);
  };
  for (const item of mine) {
    mineIds.add(item.id);
    const was = sides.base.get(item.id);
    if (sides.theirsChanged.has(item.id)) {
      resolve(item.id, was, item, sides.theirs.get(item.id));
    } else {
      merged.set(item.id, item);
      if (!sameValue(was, item)) report.mine++;
    }
  }
  for (const id of sides.theirsChanged) if (!mineIds.has(id)) resolve(id, sides.base.get(id), undefined, sides.theirs.get(id));
  // What this side deleted and theirs left alone stays deleted.
  for (const id of sides.base.keys()) if (!mineIds.has(id) && !sides.theirsChanged.has(id)) report.mine++;
  return merged;
}

/**
 * A kept span may point at another (a claim's claimant): a span deleted on one side
 * that the other now points at is brought back rather than leaving the pointer dangling.
 */
function keepReferencedSpans(spans: Map<string, Span>, sources: readonly (readonly Span[])[], report: MergeReport): void {
  const everywhere = new Map<string, Span>();
  for (const list of sources) for (const span of list) if (!everywhere.has(span.id)) everywhere.set(span.id, span);
  const pending = [...spans.values()];
  for (let span = pending.pop(); span; span = pending.pop()) {
    for (const value of Object.values(span.attributes)) {
      for (const target of Array.isArray(value) ? value : [value]) {
        if (typeof target !== 'string' || spans.has(target)) continue;
        const lost = everywhere.get(target);
        if (lost) {
          spans.set(target, lost);
          pending.push(lost);
          report.conflicts.push({ kind: 'span', id: target, kept: 'restored', reason: `deleted, but span ${span.id} points at it; kept` });
        }
      }
    }
  }
}

/** A single value: mine if I changed it, else theirs. */
function pick<T>(base: T, mine: T, theirs: T, report: MergeReport): T {
  if (sameValue(base, mine)) return theirs;
  if (!sameValue(mine, theirs)) report.mine++; // the same change on both sides is nothing to carry over
  return mine;
}

/** A set of plain items: the base, less what either side removed, plus what either added. */
function mergeSets<T>(base: readonly T[] | undefined, mine: readonly T[] | undefined, theirs: readonly T[] | undefined, key: (item: T) => string): T[] | undefined {
  if (mine === undefined && theirs === undefined) return undefined;
  const keys = (items: readonly T[] | undefined) => new Set((items ?? []).map(key));
  const [b, m, t] = [keys(base), keys(mine), keys(theirs)];
  const result: T[] = [];
  const seen = new Set<string>();
  for (const item of [...(mine ?? []), ...(theirs ?? [])]) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    const removed = b.has(k) && (!m.has(k) || !t.has(k));
    if (!removed) result.push(item);
  }
  return result;
}

/** Deep equality of JSON-like values, whatever the order of their keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const [aKeys, bKeys] = [definedKeys(a), definedKeys(b)];
  return aKeys.length === bKeys.length && aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Keys with a value: `{note: undefined}` and `{}` are the same span once written to disk. */
function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
}
